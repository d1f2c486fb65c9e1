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

import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableNetSuiteDouble#accounts()} still chooses in an application that configures
 * two named accounts: only the listed one runs on a double, with the authentication the
 * application gives it, and the other keeps the application's values (here resolved from
 * the test's properties, as from environment variables).
 */
@SpringBootTest(classes = EnableNetSuiteDoubleListedAccountsTests.TestApplication.class,
		properties = { "spring.config.name=netsuite-two-accounts", "NETSUITE_EU_ACCOUNT=7654321",
				"NETSUITE_EU_CONSUMER_KEY=eu-key", "NETSUITE_EU_CONSUMER_SECRET=eu-secret",
				"NETSUITE_EU_TOKEN_ID=eu-token", "NETSUITE_EU_TOKEN_SECRET=eu-token-secret" })
@EnableNetSuiteDouble(accounts = "sandbox")
class EnableNetSuiteDoubleListedAccountsTests {

	@Autowired
	NetSuiteAccounts accounts;

	@Autowired
	NetSuiteDoubles netSuites;

	@Autowired
	Environment environment;

	@Test
	void putsOnlyTheListedAccountOnADouble() {
		assertThat(this.netSuites.names()).containsExactly("sandbox");
	}

	@Test
	void readsARecordFromTheListedAccountsDoubleWithItsOwnAuthentication() {
		NetSuiteDouble sandbox = this.netSuites.get("sandbox");
		sandbox.records("customer").put(1, Map.of("companyName", "Sandbox double"));
		assertThat(this.accounts.get("sandbox").authentication().description()).isEqualTo("OAuth 2.0 client credentials");
		assertThat(this.accounts.get("sandbox").client().record("customer", "1").get())
			.containsEntry("companyName", "Sandbox double");
		assertThat(sandbox.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
	}

	@Test
	void leavesTheApplicationsOwnValuesToAnAccountItDoesNotList() {
		assertThat(this.environment.getProperty("netsuite.accounts.eu.consumer-key")).isEqualTo("eu-key");
		assertThat(this.accounts.get("eu").id().realm()).isEqualTo("7654321");
		assertThat(this.accounts.get("eu").restUrl()).hasToString("https://7654321.suitetalk.api.netsuite.com");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
