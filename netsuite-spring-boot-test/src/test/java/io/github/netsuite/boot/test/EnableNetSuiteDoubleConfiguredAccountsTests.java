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
 * Plain {@link EnableNetSuiteDouble} in an application whose own configuration has two named
 * accounts, one on token-based authentication and one on OAuth 2.0, with unset placeholders
 * for every credential: each runs on a double of its own, without being listed.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleConfiguredAccountsTests.TestApplication.class,
		properties = "spring.config.name=netsuite-two-accounts")
@EnableNetSuiteDouble
class EnableNetSuiteDoubleConfiguredAccountsTests {

	@Autowired
	NetSuiteAccounts accounts;

	@Autowired
	NetSuiteDoubles netSuites;

	@Autowired
	Environment environment;

	@Test
	void putsEveryAccountTheApplicationConfiguresOnADoubleOfItsOwn() {
		assertThat(this.netSuites.names()).containsExactly("eu", "sandbox");
		assertThat(this.accounts.names()).contains("eu", "sandbox");
		assertThat(this.accounts.get("eu").id().realm()).isEqualTo(this.netSuites.get("eu").account());
		assertThat(this.accounts.get("sandbox").id().realm()).isEqualTo(this.netSuites.get("sandbox").account());
	}

	@Test
	void readsARecordFromTheDoubleOfEachNamedAccount() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		NetSuiteDouble sandbox = this.netSuites.get("sandbox");
		eu.records("customer").put(1, Map.of("companyName", "EU double"));
		sandbox.records("customer").put(1, Map.of("companyName", "Sandbox double"));
		assertThat(this.accounts.get("eu").client().record("customer", "1").get()).containsEntry("companyName",
				"EU double");
		assertThat(this.accounts.get("sandbox").client().record("customer", "1").get())
			.containsEntry("companyName", "Sandbox double");
		assertThat(eu.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
		assertThat(sandbox.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
		assertThat(sandbox.tokenRequestCount()).isPositive();
	}

	@Test
	void authenticatesEachNamedAccountAsTheApplicationConfiguresIt() {
		assertThat(this.accounts.get("eu").authentication().description()).isEqualTo("token-based authentication (TBA)");
		assertThat(this.accounts.get("sandbox").authentication().description()).isEqualTo("OAuth 2.0 client credentials");
		assertThat(this.netSuites.get("eu").isOAuth2Enabled()).isFalse();
		assertThat(this.netSuites.get("sandbox").isOAuth2Enabled()).isTrue();
	}

	@Test
	void pointsTheNamedAccountsPropertiesAtTheirDoublesAheadOfTheApplicationsPlaceholders() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		NetSuiteDouble sandbox = this.netSuites.get("sandbox");
		assertThat(this.environment.getProperty("netsuite.accounts.eu.account")).isEqualTo(eu.account());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.token-secret")).isEqualTo(eu.tokenSecret());
		assertThat(this.environment.getProperty("netsuite.accounts.sandbox.oauth2.client-id"))
			.isEqualTo(sandbox.oauth2ClientId());
		assertThat(this.environment.getProperty("netsuite.accounts.sandbox.oauth2.token-url"))
			.isEqualTo(sandbox.oauth2TokenUrl());
		assertThat(this.environment.getProperty("netsuite.accounts.sandbox.oauth2.certificate")).isEmpty();
	}

	@Test
	void givesEachNamedAccountCredentialsOfItsOwn() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		NetSuiteDouble sandbox = this.netSuites.get("sandbox");
		assertThat(eu.account()).isNotEqualTo(sandbox.account());
		assertThat(eu.consumerKey()).isNotEqualTo(sandbox.oauth2ClientId());
		assertThat(eu.restUrl()).isNotEqualTo(sandbox.restUrl());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
