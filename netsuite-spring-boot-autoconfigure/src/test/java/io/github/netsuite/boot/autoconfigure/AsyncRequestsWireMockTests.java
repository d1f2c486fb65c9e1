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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteJob;
import io.github.netsuite.boot.NetSuiteJobTimeoutException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuiteValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Asynchronous requests and writes done exactly once as auto-configured, against a real HTTP
 * server that answers as NetSuite's async API does.
 */
class AsyncRequestsWireMockTests {

	// NetSuite's header, as the client sends it.
	private static final String IDEMPOTENCY_KEY_HEADER = "X-NetSuite-Idempotency-Key";

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String JOB = "/services/rest/async/v1/job/42";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms",
				"netsuite.async.poll-interval=10ms", "netsuite.async.max-poll-interval=40ms");

	@BeforeEach
	void completedJob() {
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson(
				"{\"completed\":true,\"progress\":\"succeeded\",\"task\":{\"links\":[{\"rel\":\"related\",\"href\":\""
						+ server.baseUrl() + JOB + "/task\"}]}}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task")).willReturn(okJson("{\"count\":1,\"items\":[{\"links\":"
				+ "[{\"rel\":\"self\",\"href\":\"" + server.baseUrl() + JOB + "/task/7\"}]}]}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(
				aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/647")));
	}

	@Test
	void sendsAnExactlyOnceCreateAsyncWithAUuidKeyAndReturnsTheIdOfItsTaskResult() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		this.contextRunner.run((context) -> {
			String id = context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of("a", 1));
			assertThat(id).isEqualTo("647");
			LoggedRequest create = creates().get(0);
			assertThat(create.getHeader("Prefer")).isEqualTo("respond-async");
			assertThat(UUID.fromString(create.getHeader(IDEMPOTENCY_KEY_HEADER))).isNotNull();
		});
	}

	@Test
	void makesEveryCreateExactlyOnceWhenThePropertySaysSo() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		this.contextRunner.withPropertyValues("netsuite.records.exactly-once-writes=true").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			assertThat(client.records("customer").create(Map.of("a", 1))).isEqualTo("647");
			assertThat(client.records("customer").create(Map.of("a", 2))).isEqualTo("647");
			List<LoggedRequest> creates = creates();
			assertThat(creates).extracting((create) -> create.getHeader(IDEMPOTENCY_KEY_HEADER))
				.doesNotContainNull()
				.doesNotHaveDuplicates();
		});
	}

	@Test
	void makesWritesExactlyOnceOnlyForTheAccountWhosePropertySaysSo() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck2",
					"netsuite.accounts.eu.consumer-secret=cs2", "netsuite.accounts.eu.token-id=tk2",
					"netsuite.accounts.eu.token-secret=ts2", "netsuite.accounts.eu.rest-url=" + server.baseUrl(),
					"netsuite.accounts.eu.restlet-url=" + server.baseUrl(),
					"netsuite.accounts.eu.records.exactly-once-writes=true")
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				accounts.get("eu").client().records("customer").create(Map.of());
				assertThat(creates().get(0).containsHeader(IDEMPOTENCY_KEY_HEADER)).isTrue();
				server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(aResponse().withStatus(204)
					.withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/3")));
				assertThat(accounts.primary().client().records("customer").create(Map.of())).isEqualTo("3");
				assertThat(creates().get(1).containsHeader(IDEMPOTENCY_KEY_HEADER)).isFalse();
			});
	}

	@Test
	void keepsTheDeprecatedIdempotentWritesKeyForThePrimaryAccount() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		this.contextRunner.withPropertyValues("netsuite.records.idempotent-writes=true").run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).records("customer").create(Map.of())).isEqualTo("647");
			assertThat(creates().get(0).containsHeader(IDEMPOTENCY_KEY_HEADER)).isTrue();
		});
	}

	@Test
	void keepsTheDeprecatedIdempotentWritesKeyForANamedAccount() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck2",
					"netsuite.accounts.eu.consumer-secret=cs2", "netsuite.accounts.eu.token-id=tk2",
					"netsuite.accounts.eu.token-secret=ts2", "netsuite.accounts.eu.rest-url=" + server.baseUrl(),
					"netsuite.accounts.eu.restlet-url=" + server.baseUrl(),
					"netsuite.accounts.eu.records.idempotent-writes=true")
			.run((context) -> {
				context.getBean(NetSuiteAccounts.class).get("eu").client().records("customer").create(Map.of());
				assertThat(creates().get(0).containsHeader(IDEMPOTENCY_KEY_HEADER)).isTrue();
			});
	}

	@Test
	void letsTheExactlyOnceWritesKeyWinOverTheDeprecatedOne() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(
				aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/9")));
		this.contextRunner
			.withPropertyValues("netsuite.records.idempotent-writes=true", "netsuite.records.exactly-once-writes=false")
			.run((context) -> {
				assertThat(context.getBean(NetSuiteClient.class).records("customer").create(Map.of())).isEqualTo("9");
				assertThat(creates().get(0).containsHeader(IDEMPOTENCY_KEY_HEADER)).isFalse();
			});
	}

	@Test
	void sendsACreateSynchronouslyWhenTheCallOptsOutOfExactlyOnceWrites() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(
				aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/9")));
		this.contextRunner.withPropertyValues("netsuite.records.exactly-once-writes=true").run((context) -> {
			String id = context.getBean(NetSuiteClient.class).records("customer").exactlyOnce(false).create(Map.of());
			assertThat(id).isEqualTo("9");
			assertThat(creates().get(0).containsHeader(IDEMPOTENCY_KEY_HEADER)).isFalse();
		});
	}

	@Test
	void retriesALostCreateWithTheSameIdempotencyKeyAndAFreshSignature() {
		stubCreates(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), idempotencyError());
		this.contextRunner.run((context) -> {
			String id = context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of("a", 1));
			assertThat(id).isEqualTo("647");
			List<LoggedRequest> creates = creates();
			assertThat(creates).hasSize(2);
			assertThat(creates.get(1).getHeader(IDEMPOTENCY_KEY_HEADER))
				.isEqualTo(creates.get(0).getHeader(IDEMPOTENCY_KEY_HEADER));
			assertThat(creates.get(1).getHeader(HttpHeaders.AUTHORIZATION))
				.isNotEqualTo(creates.get(0).getHeader(HttpHeaders.AUTHORIZATION));
		});
	}

	@Test
	void retriesAnIdempotentCreateWhoseAnswerTimedOutWithTheSameKey() {
		stubCreates(accepted().withFixedDelay(1_000), idempotencyError());
		this.contextRunner.withPropertyValues("netsuite.read-timeout=200ms").run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
				.isEqualTo("647");
			List<LoggedRequest> creates = creates();
			assertThat(creates).hasSize(2);
			assertThat(creates.get(1).getHeader(IDEMPOTENCY_KEY_HEADER))
				.isEqualTo(creates.get(0).getHeader(IDEMPOTENCY_KEY_HEADER));
		});
	}

	@Test
	void retriesAnIdempotentCreateAnsweredWith500() {
		stubCreates(aResponse().withStatus(500), accepted());
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
				.isEqualTo("647");
			assertThat(creates()).hasSize(2);
		});
	}

	@Test
	void followsAnIdempotencyErrorToTheOriginalJob() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(idempotencyError()));
		this.contextRunner.run((context) -> {
			NetSuiteJob job = context.getBean(NetSuiteClient.class)
				.async(HttpMethod.POST, CUSTOMERS)
				.body(Map.of())
				.idempotencyKey("0b4bb6fc-3b39-4f5c-9d1f-1c3a7d9e4b11")
				.submit();
			assertThat(job.id()).isEqualTo("42");
			assertThat(job.await().recordId()).isEqualTo("647");
		});
	}

	@Test
	void neverRepeatsASynchronousCreateWhoseAnswerWasLost() {
		stubCreates(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), accepted());
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteConnectionException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").create(Map.of()));
			assertThat(creates()).hasSize(1);
		});
	}

	@Test
	void reportsAFailedTaskAsTheExceptionTheSynchronousWriteWouldHaveThrown() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":true,\"progress\":\"failed\"}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"Please enter value(s) for: Company Name.\","
					+ "\"o:errorCode\":\"USER_ERROR\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("USER_ERROR");
				assertThat(ex.getDetail()).isEqualTo("Please enter value(s) for: Company Name.");
				assertThat(ex.getMethod()).isEqualTo("POST");
				assertThat(ex.getPath()).isEqualTo(CUSTOMERS);
			}));
	}

	@Test
	void reportsAFailedTaskWhoseErrorCameInsideASuccessfulAnswerAsTheSynchronousWriteWould() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":true,\"progress\":\"failed\"}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(okJson("{\"status\":400,"
				+ "\"o:errorDetails\":[{\"detail\":\"Please enter value(s) for: Company Name.\","
				+ "\"o:errorCode\":\"USER_ERROR\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("USER_ERROR");
				assertThat(ex.getDetail()).isEqualTo("Please enter value(s) for: Company Name.");
				assertThat(ex.getMethod()).isEqualTo("POST");
				assertThat(ex.getPath()).isEqualTo(CUSTOMERS);
				assertThat(ex.getAccount()).isEqualTo("primary");
			}));
	}

	@Test
	void namesTheAccountWhenAJobDoesNotCompleteInTime() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":false,\"progress\":\"pending\"}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteJobTimeoutException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class)
				.async(HttpMethod.POST, CUSTOMERS)
				.submit()
				.await(Duration.ofMillis(50)))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Account 'primary' (1234567_SB1): ")));
	}

	@Test
	void reportsAFailedUpdateAsNotFoundLikeTheSynchronousUpdate() {
		server.stubFor(patch(urlPathEqualTo(CUSTOMERS + "/5")).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(aResponse().withStatus(404)
			.withBody("{\"status\":404,\"o:errorDetails\":[{\"detail\":\"The record instance does not exist.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "5").exactlyOnce().update(Map.of()))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(CUSTOMERS + "/5")));
	}

	@Test
	void readsTheRecordIdFromATaskResultWithAJsonBody() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(okJson(
				"{\"links\":[{\"rel\":\"self\",\"href\":\"" + server.baseUrl() + CUSTOMERS + "/808\"}]}")));
		this.contextRunner.run((context) -> assertThat(
				context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
			.isEqualTo("808"));
	}

	@Test
	void followsNetSuitesLinksOnTheAccountsOwnHostOnly() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":true,\"progress\":\"succeeded\","
				+ "\"task\":{\"links\":[{\"rel\":\"related\",\"href\":\"https://elsewhere.invalid" + JOB + "/task\"}]}}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task")).willReturn(okJson("{\"items\":[{\"id\":\"7\"}]}")));
		this.contextRunner.run((context) -> assertThat(
				context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
			.isEqualTo("647"));
	}

	@Test
	void pollsAPendingJobWithoutHoldingAPermitBetweenPolls() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":false,\"progress\":\"pending\"}")));
		server.stubFor(get(urlPathMatching(CUSTOMERS + "/1")).willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner
			.withPropertyValues("netsuite.concurrency.limit=1", "netsuite.concurrency.acquire-timeout=300ms",
					"netsuite.async.poll-interval=200ms", "netsuite.async.max-poll-interval=200ms")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				NetSuiteJob job = client.async(HttpMethod.POST, CUSTOMERS).body(Map.of()).submit();
				CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> job.await(Duration.ofSeconds(1)));
				for (int i = 0; i < 5; i++) {
					assertThat(client.record("customer", "1").get()).containsEntry("id", "1");
				}
				assertThat(waiting).isNotDone();
				assertThat(waiting).failsWithin(3, TimeUnit.SECONDS)
					.withThrowableOfType(ExecutionException.class)
					.withCauseInstanceOf(NetSuiteJobTimeoutException.class);
			});
	}

	@Test
	void givesUpOnAJobThatDoesNotCompleteInTimeAndHandsItBack() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(accepted()));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":false,\"progress\":\"pending\"}")));
		this.contextRunner.withPropertyValues("netsuite.async.timeout=150ms").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(NetSuiteJobTimeoutException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").exactlyOnce().create(Map.of()))
				.satisfies((ex) -> {
					assertThat(ex.getJob().id()).isEqualTo("42");
					assertThat(ex.getJob().idempotencyKey()).isNotNull();
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		});
	}

	@Test
	void refusesAMaxPollIntervalShorterThanThePollIntervalNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.async.poll-interval=2s", "netsuite.async.max-poll-interval=1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.async.max-poll-interval must not be shorter than"));
	}

	private static ResponseDefinitionBuilder accepted() {
		return aResponse().withStatus(202)
			.withHeader("Preference-Applied", "respond-async")
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + JOB);
	}

	private static ResponseDefinitionBuilder idempotencyError() {
		return aResponse().withStatus(400)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + JOB)
			.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"A request with the same idempotency key is "
					+ "already submitted.\",\"o:errorCode\":\"IDEMPOTENCY_ERROR\"}]}");
	}

	private static void stubCreates(ResponseDefinitionBuilder... responses) {
		String state = Scenario.STARTED;
		for (int i = 0; i < responses.length; i++) {
			String next = "attempt " + (i + 2);
			server.stubFor(post(urlPathEqualTo(CUSTOMERS)).inScenario("creates")
				.whenScenarioStateIs(state)
				.willReturn(responses[i])
				.willSetStateTo(next));
			state = next;
		}
	}

	private static List<LoggedRequest> creates() {
		return server.findAll(postRequestedFor(urlPathEqualTo(CUSTOMERS)));
	}

}
