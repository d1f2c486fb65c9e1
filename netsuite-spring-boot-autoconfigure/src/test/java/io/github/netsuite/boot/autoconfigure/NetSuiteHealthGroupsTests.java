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
package io.github.netsuite.boot.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that Boot's health groups keep one account out of what a probe sees, as the
 * README shows: the contributor of a named account is {@code netsuite/<name>}.
 */
class NetSuiteHealthGroupsTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() {
		this.server.start();
		this.server.stubFor(get(urlEqualTo(SERVER_TIME)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"serverTime\":\"2025-03-26T16:21:00.000Z\"}")));
		// The sandbox's token was lost in a sandbox refresh.
		this.server.stubFor(get(urlEqualTo(SERVER_TIME)).withHeader("Authorization", containing("realm=\"7654321_SB1\""))
			.atPriority(1)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
				.withBody("{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2\","
						+ "\"title\":\"Unauthorized\",\"status\":401,\"o:errorDetails\":[{\"detail\":\"Invalid login "
						+ "attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles "
						+ "> User Management > View Login Audit Trail.\",\"o:errorCode\":\"INVALID_LOGIN\"}]}")));
		String restUrl = "http://127.0.0.1:" + this.server.port();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=" + restUrl, "netsuite.accounts.sandbox.account=7654321_SB1",
					"netsuite.accounts.sandbox.consumer-key=sck", "netsuite.accounts.sandbox.consumer-secret=scs",
					"netsuite.accounts.sandbox.token-id=stk", "netsuite.accounts.sandbox.token-secret=sts",
					"netsuite.accounts.sandbox.rest-url=" + restUrl);
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void aGroupExcludingTheNamedAccountIsUpWhileThatAccountIsDown() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.app.include=*",
					"management.endpoint.health.group.app.exclude=netsuite/sandbox",
					"management.endpoint.health.group.app.show-components=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.healthForPath("netsuite", "sandbox").getStatus()).isEqualTo(Status.DOWN);
				// The whole health still aggregates every contributor: that is what the group is for.
				assertThat(endpoint.health().getStatus()).isEqualTo(Status.DOWN);
				HealthDescriptor app = endpoint.healthForPath("app");
				assertThat(app.getStatus()).isEqualTo(Status.UP);
				CompositeHealthDescriptor netsuite = (CompositeHealthDescriptor) ((CompositeHealthDescriptor) app)
					.getComponents()
					.get("netsuite");
				assertThat(netsuite.getComponents()).containsOnlyKeys("primary");
				// Both accounts were really asked: the sandbox's DOWN is NetSuite's refusal.
				assertThat(this.server.findAll(getRequestedFor(urlEqualTo(SERVER_TIME))
					.withHeader("Authorization", containing("realm=\"7654321_SB1\"")))).isNotEmpty();
			});
	}

	@Test
	void aGroupIncludingOnlyTheNamedAccountFollowsIt() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.sandbox.include=netsuite/sandbox")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.healthForPath("sandbox").getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void refusesAGroupMemberNamedAfterAnAccountThatIsNotThere() {
		// Boot checks the names at start-up: a misspelt account is not silently ignored.
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.app.include=*",
					"management.endpoint.health.group.app.exclude=netsuite/sandbx")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Excluded health contributor 'netsuite/sandbx' in group 'app' does not exist"));
	}

}
