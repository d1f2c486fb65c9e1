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

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteConnectionException.Reason;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Network failures as the user sees them: a {@link NetSuiteConnectionException} naming the
 * host and the reason, with Apache HttpClient and the JDK's client alike.
 */
class NetSuiteConnectionWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.retry.initial-backoff=5ms", "netsuite.retry.max-backoff=10ms");

	@ParameterizedTest
	@ValueSource(strings = { "httpcomponents", "jdk" })
	void namesTheHostAndPortWhenTheConnectionIsRefused(String client) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String host = "127.0.0.1:" + closedPort;
		run(client, "http://" + host, (netSuite) -> assertThatExceptionOfType(NetSuiteConnectionException.class)
			.isThrownBy(() -> netSuite.record("customer", "1").get())
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CONNECTION_REFUSED);
				assertThat(ex.getHost()).isEqualTo(host);
				assertThat(ex.getStatusCode()).isZero();
				assertThat(ex.getMessage()).startsWith("Account 'primary' (1234567_SB1): Could not reach NetSuite at " + host
						+ " for GET /services/rest/record/v1/customer/1: connection refused (");
			}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "httpcomponents", "jdk" })
	void namesTheHostWhenItDoesNotResolve(String client) {
		run(client, "https://nonexistent.invalid", (netSuite) -> assertThatExceptionOfType(NetSuiteConnectionException.class)
			.isThrownBy(() -> netSuite.suiteql("SELECT id FROM customer").stream(Map.class).toList())
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_HOST);
				assertThat(ex.getHost()).isEqualTo("nonexistent.invalid");
				assertThat(ex.getMessage()).startsWith("Account 'primary' (1234567_SB1): Could not reach NetSuite at "
						+ "nonexistent.invalid for POST /services/rest/query/v1/suiteql: unknown host (the name does not resolve: check "
						+ "netsuite.account");
			}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "httpcomponents", "jdk" })
	void saysThatNetSuiteDidNotAnswerInTimeOnAReadTimeout(String client) {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(500)));
		String host = "localhost:" + server.getPort();
		run(client, server.baseUrl(), "netsuite.read-timeout=100ms",
				(netSuite) -> assertThatExceptionOfType(NetSuiteConnectionException.class)
					.isThrownBy(() -> netSuite.record("customer", "1").get())
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo(Reason.READ_TIMEOUT);
						assertThat(ex.getHost()).isEqualTo(host);
						assertThat(ex.getMessage()).contains("read timeout",
								"NetSuite may still have run the request");
					}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "httpcomponents", "jdk" })
	void namesTheTokenEndpointsHostWhenAnOAuth2TokenCannotBeFetched(String client) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String host = "127.0.0.1:" + closedPort;
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
			.withBean(ClientHttpRequestFactoryBuilder.class, () -> builder(client))
			.withPropertyValues("netsuite.account=1234567", "netsuite.rest-url=" + server.baseUrl(),
					"netsuite.restlet-url=" + server.baseUrl(), "netsuite.oauth2.client-id=client-1",
					"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=" + Keys.pem(Keys.rsa()),
					"netsuite.oauth2.token-url=http://" + host + "/services/rest/auth/oauth2/v1/token",
					"netsuite.retry.initial-backoff=5ms", "netsuite.retry.max-backoff=10ms")
			.run((context) -> assertThatExceptionOfType(NetSuiteConnectionException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.CONNECTION_REFUSED);
					assertThat(ex.getHost()).isEqualTo(host);
					assertThat(ex.getPath()).isEqualTo("/services/rest/auth/oauth2/v1/token");
				}));
	}

	@ParameterizedTest
	@ValueSource(strings = { "httpcomponents", "jdk" })
	void healthNamesTheHostThatDoesNotResolve(String client) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(NetSuiteHealthContributorAutoConfiguration.class))
			.withBean(ClientHttpRequestFactoryBuilder.class, () -> builder(client))
			.withPropertyValues("netsuite.rest-url=https://nonexistent.invalid",
					"netsuite.restlet-url=https://nonexistent.invalid")
			.run((context) -> {
				Health health = context.getBean(NetSuiteHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).asString()
					.startsWith("Could not reach NetSuite at nonexistent.invalid: unknown host (");
			});
	}

	private void run(String client, String url, ClientAssertions assertions) {
		run(client, url, "netsuite.read-timeout=5s", assertions);
	}

	private void run(String client, String url, String property, ClientAssertions assertions) {
		this.contextRunner.withBean(ClientHttpRequestFactoryBuilder.class, () -> builder(client))
			.withPropertyValues("netsuite.rest-url=" + url, "netsuite.restlet-url=" + url, property)
			.run((context) -> assertions.check(context.getBean(NetSuiteClient.class)));
	}

	private static ClientHttpRequestFactoryBuilder<?> builder(String client) {
		return client.equals("jdk") ? ClientHttpRequestFactoryBuilder.jdk()
				: ClientHttpRequestFactoryBuilder.httpComponents();
	}

	@FunctionalInterface
	interface ClientAssertions {

		void check(NetSuiteClient netSuite);

	}

}
