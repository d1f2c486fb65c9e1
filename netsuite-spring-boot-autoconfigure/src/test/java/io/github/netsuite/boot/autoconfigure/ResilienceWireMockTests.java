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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteScriptException;
import io.github.netsuite.boot.NetSuiteServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries and the concurrency governor as auto-configured, against a real HTTP server.
 */
class ResilienceWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms");

	@Test
	void limitsTheAccountsRequestsByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(NetSuiteAccounts.class).primary().permits().limit())
				.isEqualTo(5));
	}

	@Test
	void backsOffFromGovernorAndRetryWhenDisabled() {
		this.contextRunner.withPropertyValues("netsuite.concurrency.enabled=false", "netsuite.retry.enabled=false")
			.run((context) -> {
				server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				assertThat(accounts.primary().permits()).isNull();
				assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
					.isThrownBy(() -> accounts.primary().client().record("customer", "1").get());
				assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
			});
	}

	@Test
	void refusesALimitBelowOneNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.concurrency.limit must be at least 1"));
	}

	@Test
	void repeatsAThrottledCreateWithAFreshSignatureAndReturnsItsId() {
		stubSequence(aResponse().withStatus(429), aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/7"));
		this.contextRunner.run((context) -> {
			String id = context.getBean(NetSuiteClient.class).records("customer").create(Map.of("companyname", "A"));
			assertThat(id).isEqualTo("7");
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(2);
			assertThat(requests.get(0).getHeader(HttpHeaders.AUTHORIZATION))
				.isNotEqualTo(requests.get(1).getHeader(HttpHeaders.AUTHORIZATION));
		});
	}

	@Test
	void neverRepeatsACreateThatFailedWith503() {
		stubSequence(aResponse().withStatus(503), aResponse().withStatus(204));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").create(Map.of()));
			assertThat(requests()).hasSize(1);
		});
	}

	@Test
	void neverRepeatsAPatchOrARestletPostThatFailedWith502() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)));
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> client.record("customer", "1").update(Map.of("a", 1)));
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> client.restlet("1", "1").post(Map.of(), Void.class));
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> client.restlet("1", "1").put("x", Void.class));
			assertThat(requests()).hasSize(3);
		});
	}

	@Test
	void repeatsReadsAndQueriesThatFailedWith503() {
		stubSequence(aResponse().withStatus(503), aResponse().withStatus(504), okJson("{\"id\":\"1\"}"));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get()).containsEntry("id", "1");
			assertThat(requests()).hasSize(3);
		});
		server.resetAll();
		stubSequence(aResponse().withStatus(503), okJson("{\"items\":[{\"id\":\"1\"}],\"hasMore\":false}"));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).suiteql("SELECT id FROM customer").first()).isPresent();
			assertThat(requests()).hasSize(2);
		});
	}

	@Test
	void repeatsARestletPostThatWasThrottled() {
		stubSequence(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\":\"Limit exceeded\"}}"),
				okJson("{\"ok\":true}"));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).restlet("1", "1").post(Map.of(), String.class))
				.hasValue("{\"ok\":true}");
			assertThat(requests()).hasSize(2);
		});
	}

	@Test
	void passesOtherRestletErrorsOnWithTheirBody() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"SSS_MISSING_REQD_ARGUMENT\",\"message\":\"id is required\"}}")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteScriptException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).restlet("1", "1").get(String.class))
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo("SSS_MISSING_REQD_ARGUMENT");
					assertThat(ex.getDetail()).isEqualTo("id is required");
				});
			assertThat(requests()).hasSize(1);
		});
	}

	@Test
	void stopsAfterTheMostAttemptsAndSurfacesTheLastAnswer() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
		this.contextRunner.withPropertyValues("netsuite.retry.max-attempts=3").run((context) -> {
			assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get());
			assertThat(requests()).hasSize(3);
		});
	}

	@Test
	void honoursRetryAfter() {
		stubSequence(aResponse().withStatus(429).withHeader(HttpHeaders.RETRY_AFTER, "1"), okJson("{}"));
		this.contextRunner.run((context) -> {
			long start = System.nanoTime();
			context.getBean(NetSuiteClient.class).record("customer", "1").get();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			assertThat(requests()).hasSize(2);
		});
	}

	@Test
	void startsNoAttemptPastTheMostElapsedTime() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader(HttpHeaders.RETRY_AFTER, "5")));
		this.contextRunner.withPropertyValues("netsuite.retry.max-elapsed=2s").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(requests()).hasSize(1);
		});
	}

	@Test
	void repeatsACreateWhoseConnectionWasRefusedBeforeItWasSent() {
		this.contextRunner.withPropertyValues("netsuite.rest-url=http://127.0.0.1:1", "netsuite.retry.max-attempts=3")
			.run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(NetSuiteConnectionException.class)
					.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").create(Map.of()));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				assertThat(context.getBean(NetSuiteAccounts.class).primary().permits().inFlight()).isZero();
			});
	}

	private static void stubSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
		String state = Scenario.STARTED;
		for (int i = 0; i < responses.length; i++) {
			String next = "attempt " + (i + 2);
			server.stubFor(any(anyUrl()).inScenario("sequence")
				.whenScenarioStateIs(state)
				.willReturn(responses[i])
				.willSetStateTo(next));
			state = next;
		}
	}

	private static List<LoggedRequest> requests() {
		return server.findAll(anyRequestedFor(anyUrl()));
	}

}
