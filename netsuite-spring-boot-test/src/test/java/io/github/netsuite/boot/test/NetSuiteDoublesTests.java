/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.netsuite.boot.test;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link NetSuiteDoubles} derives the account ID and credentials of a named account.
 */
class NetSuiteDoublesTests {

	@Test
	void derivesTheAccountIdFromTheName() {
		assertThat(NetSuiteDoubles.accountId("eu")).isEqualTo("TSTDRV25973");
	}

	@Test
	void derivesAccountIdsInTheRealmSpelling() {
		for (String name : List.of("eu", "us-west", "0", "sandbox-2")) {
			String account = NetSuiteDoubles.accountId(name);
			assertThat(account).matches("[A-Z0-9]+").isEqualTo(NetSuiteDouble.toRealm(account));
		}
	}

	@Test
	void givesNamesThatLookAlikeDistinctAccountIds() {
		List<String> names = List.of("abc", "a-bc", "ab-c", "abc-", "0abc", "abc0", "a", "b");
		assertThat(names.stream().map(NetSuiteDoubles::accountId)).doesNotHaveDuplicates();
	}

	@Test
	void derivesTheSameCredentialsForTheSameNameEveryTime() {
		NetSuiteDouble first = NetSuiteDoubles.builder("eu").build();
		NetSuiteDouble second = NetSuiteDoubles.builder("eu").build();
		assertThat(credentials(first)).isEqualTo(credentials(second));
	}

	@Test
	void derivesDifferentCredentialsForEveryNameAndEveryCredential() {
		List<String> all = Stream.of("eu", "us-west")
			.map(NetSuiteDoubles::builder)
			.map(NetSuiteDouble.Builder::build)
			.flatMap((netSuite) -> credentials(netSuite).stream())
			.toList();
		assertThat(all).hasSize(8).doesNotHaveDuplicates();
	}

	@Test
	void putsTheAccountNameIntoEveryPropertyKey() {
		NetSuiteDouble netSuite = NetSuiteDouble.startDefault();
		try {
			assertThat(netSuite.accountProperties("eu")).hasSize(7)
				.containsEntry("netsuite.accounts.eu.account", netSuite.account())
				.containsEntry("netsuite.accounts.eu.token-id", netSuite.tokenId())
				.containsEntry("netsuite.accounts.eu.rest-url", netSuite.restUrl());
		}
		finally {
			netSuite.stop();
		}
	}

	@Test
	void refusesAPropertyKeyForAnInvalidName() {
		NetSuiteDouble netSuite = NetSuiteDouble.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.accountProperties("eu.west"))
			.withMessageContaining("'eu.west'");
	}

	private static List<String> credentials(NetSuiteDouble netSuite) {
		return List.of(netSuite.consumerKey(), netSuite.consumerSecret(), netSuite.tokenId(), netSuite.tokenSecret());
	}

}
