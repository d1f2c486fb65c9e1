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

import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableNetSuiteDouble} on a tiny {@code @SpringBootTest} context.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleTests.EmptyConfiguration.class)
@EnableNetSuiteDouble(account = "7654321-sb2")
@TestMethodOrder(OrderAnnotation.class)
class EnableNetSuiteDoubleTests {

	@Autowired
	NetSuiteDouble netSuite;

	@Autowired
	Environment environment;

	@Autowired
	ObjectProvider<NetSuiteConnectionDetails> connectionDetails;

	@Test
	@Order(1)
	void injectsARunningDouble() {
		assertThat(this.netSuite.isRunning()).isTrue();
		assertThat(this.netSuite.account()).isEqualTo("7654321_SB2");
	}

	@Test
	@Order(2)
	void givesTheStarterConnectionDetailsOfTheDoubleInsteadOfProperties() {
		NetSuiteConnectionDetails details = this.connectionDetails.getObject();
		assertThat(details.getAccount().realm()).isEqualTo("7654321_SB2");
		assertThat(details.getCredentials().consumerKey()).isEqualTo(this.netSuite.consumerKey());
		assertThat(details.getCredentials().tokenId()).isEqualTo(this.netSuite.tokenId());
		assertThat(details.getRestUrl()).hasToString(this.netSuite.restUrl());
		assertThat(details.getRestUrl().toString()).startsWith("http://127.0.0.1:");
		assertThat(details.getRestletUrl()).hasToString(this.netSuite.restletUrl());
		assertThat(this.environment.containsProperty("netsuite.account")).isFalse();
	}

	@Test
	@Order(3)
	void answersSignedRequestsWithTheProperties() {
		assertThat(SignedRequest.to(this.netSuite, "GET", "/services/rest/system/v1/serverTime").send().statusCode())
			.isEqualTo(200);
	}

	@Test
	@Order(4)
	void switchOnAFault() {
		this.netSuite.roleDisabled(true);
		assertThat(SignedRequest.to(this.netSuite, "GET", "/services/rest/system/v1/serverTime").send().statusCode())
			.isEqualTo(401);
	}

	@Test
	@Order(5)
	void resetsTheDoubleBeforeEachTest() {
		assertThat(SignedRequest.to(this.netSuite, "GET", "/services/rest/system/v1/serverTime").send().statusCode())
			.isEqualTo(200);
		assertThat(this.netSuite.loginAuditTrail()).hasSize(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
