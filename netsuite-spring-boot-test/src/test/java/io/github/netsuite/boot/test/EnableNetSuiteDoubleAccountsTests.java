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

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static io.github.netsuite.boot.test.DoubleTestSupport.lastAuditReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link EnableNetSuiteDouble#accounts()} on a tiny {@code @SpringBootTest} context.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleAccountsTests.EmptyConfiguration.class)
@EnableNetSuiteDouble(accounts = { "eu", "us-west" })
@TestMethodOrder(OrderAnnotation.class)
class EnableNetSuiteDoubleAccountsTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	@Autowired
	NetSuiteDouble netSuite;

	@Autowired
	NetSuiteDoubles netSuites;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Test
	void startsADoubleForEveryNamedAccount() {
		assertThat(this.netSuites.names()).containsExactly("eu", "us-west");
		assertThat(this.netSuites.get("eu").isRunning()).isTrue();
		assertThat(this.netSuites.get("us-west").isRunning()).isTrue();
		assertThat(this.netSuites.get("eu").port()).isNotEqualTo(this.netSuite.port())
			.isNotEqualTo(this.netSuites.get("us-west").port());
	}

	@Test
	void keepsThePrimaryTheOnlyNetSuiteDoubleBean() {
		assertThat(this.netSuites.primary()).isSameAs(this.netSuite);
		assertThat(this.context.getBeansOfType(NetSuiteDouble.class)).containsOnlyKeys("netSuiteDouble");
	}

	@Test
	void pointsEachNamedAccountsPropertiesAtItsDouble() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		assertThat(this.environment.getProperty("netsuite.accounts.eu.account")).isEqualTo(eu.account());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.consumer-key")).isEqualTo(eu.consumerKey());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.consumer-secret")).isEqualTo(eu.consumerSecret());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.token-id")).isEqualTo(eu.tokenId());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.token-secret")).isEqualTo(eu.tokenSecret());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.rest-url")).isEqualTo(eu.restUrl());
		assertThat(this.environment.getProperty("netsuite.accounts.eu.restlet-url")).isEqualTo(eu.restletUrl());
		assertThat(this.environment.getProperty("netsuite.accounts.us-west.rest-url"))
			.isEqualTo(this.netSuites.get("us-west").restUrl());
	}

	@Test
	void givesNamedAccountsAnAccountIdAndCredentialsOfTheirOwn() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		NetSuiteDouble usWest = this.netSuites.get("us-west");
		for (NetSuiteDouble other : new NetSuiteDouble[] { this.netSuite, usWest }) {
			assertThat(eu.account()).isNotEqualTo(other.account());
			assertThat(eu.consumerKey()).isNotEqualTo(other.consumerKey());
			assertThat(eu.consumerSecret()).isNotEqualTo(other.consumerSecret());
			assertThat(eu.tokenId()).isNotEqualTo(other.tokenId());
			assertThat(eu.tokenSecret()).isNotEqualTo(other.tokenSecret());
		}
	}

	@Test
	void answersRequestsSignedWithItsOwnAccountsCredentials() {
		assertThat(SignedRequest.to(this.netSuites.get("eu"), "GET", SERVER_TIME).send().statusCode()).isEqualTo(200);
	}

	@Test
	void refusesRequestsSignedWithAnotherAccountsCredentials() {
		NetSuiteDouble eu = this.netSuites.get("eu");
		assertThat(signedAs(this.netSuite, eu).send().statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(eu)).isNotEqualTo(TbaVerifier.SUCCESS);
		assertThat(signedAs(eu, this.netSuite).send().statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(this.netSuite)).isNotEqualTo(TbaVerifier.SUCCESS);
	}

	@Test
	void namesTheKnownAccountsForAnUnknownName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.netSuites.get("apac"))
			.withMessageContaining("'apac'")
			.withMessageContaining("[eu, us-west]");
	}

	@Test
	@Order(1)
	void switchOnAFaultOnEveryDouble() {
		for (NetSuiteDouble netSuite : this.netSuites.all()) {
			netSuite.roleDisabled(true);
			assertThat(SignedRequest.to(netSuite, "GET", SERVER_TIME).send().statusCode()).isEqualTo(401);
		}
	}

	@Test
	@Order(2)
	void resetsEveryDoubleBeforeEachTest() {
		for (NetSuiteDouble netSuite : this.netSuites.all()) {
			assertThat(netSuite.loginAuditTrail()).isEmpty();
			assertThat(SignedRequest.to(netSuite, "GET", SERVER_TIME).send().statusCode()).isEqualTo(200);
		}
	}

	/**
	 * A request to {@code target} signed with the account and credentials of {@code signer}.
	 */
	private static SignedRequest signedAs(NetSuiteDouble signer, NetSuiteDouble target) {
		return SignedRequest.to(target, "GET", SERVER_TIME)
			.realm(signer.account())
			.consumerKey(signer.consumerKey())
			.consumerSecret(signer.consumerSecret())
			.tokenId(signer.tokenId())
			.tokenSecret(signer.tokenSecret());
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
