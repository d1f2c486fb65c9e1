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
package io.github.netsuite.boot.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AccountId}.
 */
class AccountIdTests {

	@ParameterizedTest
	@CsvSource({ "1234567, 1234567, 1234567", "1234567_SB1, 1234567_SB1, 1234567-sb1",
			"1234567-sb1, 1234567_SB1, 1234567-sb1", "1234567_sb1, 1234567_SB1, 1234567-sb1",
			"1234567-RP, 1234567_RP, 1234567-rp", "TSTDRV1234567, TSTDRV1234567, tstdrv1234567",
			"tstdrv1234567, TSTDRV1234567, tstdrv1234567", "1234567_SB12, 1234567_SB12, 1234567-sb12" })
	void convertsEitherSpellingToRealmAndHost(String value, String realm, String host) {
		AccountId id = AccountId.of(value);
		assertThat(id.realm()).isEqualTo(realm);
		assertThat(id.host()).isEqualTo(host);
	}

	@Test
	void trimsSurroundingWhitespace() {
		assertThat(AccountId.of(" 1234567_SB1\n").realm()).isEqualTo("1234567_SB1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567 SB1", "1234567.sb1", "1234567__SB1", "_1234567", "1234567-", "1234567/x",
			"https://system.netsuite.com", "https://1234567.example.com" })
	void refusesAnythingElse(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(value))
			.withMessageContaining("is not a NetSuite account ID");
	}

	@ParameterizedTest
	@CsvSource({ "https://1234567.app.netsuite.com, 1234567",
			"https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1, 1234567_SB1",
			"https://tstdrv1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=1&deploy=1, TSTDRV1234567",
			"1234567-sb1.app.netsuite.com, 1234567_SB1", "HTTPS://1234567_SB1.APP.NETSUITE.COM/, 1234567_SB1" })
	void refusesAPastedNetSuiteUrlNamingTheAccountItHolds(String url, String account) {
		assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(url))
			.withMessageStartingWith("'" + url + "' is a NetSuite URL, not an account ID: did you mean " + account + "?")
			.withMessageContaining("rest-url");
	}

	@Test
	void equalsByRealmWhateverTheSpelling() {
		assertThat(AccountId.of("1234567-sb1")).isEqualTo(AccountId.of("1234567_SB1"))
			.hasSameHashCodeAs(AccountId.of("1234567_SB1"));
	}

}
