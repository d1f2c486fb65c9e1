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
package io.github.netsuite.boot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteException}'s messages with and without the account.
 */
class NetSuiteExceptionTests {

	private static final String ANSWER = "NetSuite answered 404 NONEXISTENT_ID to GET "
			+ "/services/rest/record/v1/customer/9: The record instance does not exist.";

	@Test
	void messageWithoutAccountLeavesOutTheAccountsNameAndId() {
		NetSuiteException ex = notFound().named("primary", "1234567_SB1", null);
		assertThat(ex).hasMessage("Account 'primary' (1234567_SB1): " + ANSWER);
		assertThat(ex.getMessageWithoutAccount()).isEqualTo(ANSWER);
	}

	@Test
	void messageWithoutAccountKeepsWhatWasCalled() {
		NetSuiteException ex = notFound().named("eu", "7654321", "RESTlet customscript_x/customdeploy_x");
		assertThat(ex).hasMessage("RESTlet customscript_x/customdeploy_x on account 'eu' (7654321): " + ANSWER);
		assertThat(ex.getMessageWithoutAccount()).isEqualTo("RESTlet customscript_x/customdeploy_x: " + ANSWER);
	}

	@Test
	void messageWithoutAccountIsTheMessageWhenNoAccountIsNamed() {
		NetSuiteException ex = notFound();
		assertThat(ex.getMessageWithoutAccount()).isEqualTo(ex.getMessage()).isEqualTo(ANSWER);
	}

	private static NetSuiteException notFound() {
		return new NetSuiteNotFoundException(404, "NONEXISTENT_ID", "The record instance does not exist.", "GET",
				"/services/rest/record/v1/customer/9", null);
	}

}
