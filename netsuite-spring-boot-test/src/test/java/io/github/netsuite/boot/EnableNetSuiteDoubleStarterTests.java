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

import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDoubles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableNetSuiteDouble} in an application that has NetSuite credentials of its own:
 * the starter connects to the doubles, the primary one through its connection details.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleStarterTests.TestApplication.class,
		properties = { "netsuite.account=9999999", "netsuite.consumer-key=real-key",
				"netsuite.consumer-secret=real-secret", "netsuite.token-id=real-token",
				"netsuite.token-secret=real-token-secret" })
@EnableNetSuiteDouble(accounts = "eu")
class EnableNetSuiteDoubleStarterTests {

	@Autowired
	private NetSuiteAccounts accounts;

	@Autowired
	private NetSuiteDouble netSuite;

	@Autowired
	private NetSuiteDoubles netSuites;

	@Test
	void connectsThePrimaryAccountToTheDoubleAheadOfTheApplicationsProperties() {
		this.netSuite.records("customer").put(1, Map.of("companyName", "Double"));
		assertThat(this.accounts.primary().id().realm()).isEqualTo(this.netSuite.account());
		assertThat(this.accounts.primary().client().record("customer", "1").get()).containsEntry("companyName",
				"Double");
		assertThat(this.netSuite.loginAuditTrail()).allMatch(LoginAttempt::successful);
	}

	@Test
	void connectsANamedAccountToItsOwnDouble() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		eu.records("customer").put(1, Map.of("companyName", "EU double"));
		assertThat(this.accounts.get("eu").id().realm()).isEqualTo(eu.account());
		assertThat(this.accounts.get("eu").client().record("customer", "1").get()).containsEntry("companyName",
				"EU double");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
