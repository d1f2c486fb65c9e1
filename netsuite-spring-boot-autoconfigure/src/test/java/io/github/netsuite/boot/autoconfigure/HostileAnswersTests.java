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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a hostile server does to the auto-configured client, on a raw loopback server:
 * bodies that drip, headers that never come, bodies of 200 MB; and what shutdown does
 * to requests still waiting for a permit.
 */
class HostileAnswersTests {

	private static final long HUGE = 200L * 1024 * 1024;

	private static final Duration SLACK = Duration.ofSeconds(4);

	private ApplicationContextRunner runner(HostileServer server, String factory) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class))
			.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory,
					"netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
					"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor", "jdk", "simple" })
	void endsADrippingBodyAtTheAttemptTimeoutAndFreesItsPermit(String factory) throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> {
			answer.head(200, "application/json", 100);
			answer.body("{\"id\":\"1\"");
			answer.drip(91);
		})) {
			runner(server, factory).withPropertyValues("netsuite.read-timeout=5s", "netsuite.attempt-timeout=2s")
				.run((context) -> {
					NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
					long start = System.nanoTime();
					assertThatExceptionOfType(NetSuiteTimeoutException.class)
						.isThrownBy(() -> accounts.primary().client().record("customer", "1").get())
						.satisfies((ex) -> {
							assertThat(ex.getProperty()).isEqualTo("netsuite.attempt-timeout");
							assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
							assertThat(ex.mayHaveExecuted()).isTrue();
						})
						.withMessageContaining("netsuite.attempt-timeout");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
					NetSuitePermits permits = accounts.primary().permits();
					assertThat(permits).isNotNull();
					assertThat(permits.inFlight()).isZero();
					if (!factory.equals("reactor") && !factory.equals("simple")) {
						// Reactor Netty and HttpURLConnection drain a small remainder in the
						// background before pooling the connection: never with unread data.
						assertThat(server.sawClientClose(5)).as("the client closed the dripping connection").isTrue();
					}
					assertThat(server.requests()).hasSize(1);
				});
		}
	}

	@Test
	void fiveDripsDoNotStarveASixthCall() throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> {
			if (request.contains("/customer/6 ")) {
				answer.head(200, "application/json", 10);
				answer.body("{\"id\":\"6\"}");
			}
			else {
				answer.head(200, "application/json", 100);
				answer.body("{\"id\":\"1\"");
				answer.drip(91);
			}
		})) {
			runner(server, "http-components")
				.withPropertyValues("netsuite.concurrency.limit=5", "netsuite.concurrency.adaptive=false",
						"netsuite.attempt-timeout=2s")
				.run((context) -> {
					NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
					NetSuiteClient client = accounts.primary().client();
					NetSuitePermits permits = accounts.primary().permits();
					ExecutorService executor = Executors.newFixedThreadPool(5);
					try {
						List<Future<?>> drips = new ArrayList<>();
						for (int i = 0; i < 5; i++) {
							drips.add(executor.submit(() -> client.record("customer", "1").get()));
						}
						await(() -> permits.inFlight() == 5);
						long start = System.nanoTime();
						assertThat(client.record("customer", "6").get()).containsEntry("id", "6");
						assertThat(Duration.ofNanos(System.nanoTime() - start))
							.isLessThan(Duration.ofSeconds(2).plus(SLACK));
						for (Future<?> drip : drips) {
							assertThatExceptionOfType(ExecutionException.class)
								.isThrownBy(() -> drip.get(10, TimeUnit.SECONDS))
								.withCauseInstanceOf(NetSuiteTimeoutException.class);
						}
					}
					finally {
						executor.shutdownNow();
					}
				});
		}
	}

	@Test
	void endsACallWhoseHeadersNeverComeAtTheAttemptTimeoutWithApacheHttpClient() throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> answer.hang())) {
			runner(server, "http-components")
				.withPropertyValues("netsuite.read-timeout=30s", "netsuite.attempt-timeout=1s")
				.run((context) -> {
					NetSuiteClient client = context.getBean(NetSuiteClient.class);
					long start = System.nanoTime();
					assertThatExceptionOfType(NetSuiteTimeoutException.class)
						.isThrownBy(() -> client.record("customer", "1").get())
						.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("netsuite.attempt-timeout"));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
					assertThat(server.requests()).hasSize(1);
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "jetty", "reactor", "jdk", "simple" })
	void endsACallWhoseHeadersNeverComeWithinTheReadTimeoutWithOtherClients(String factory) throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> answer.hang())) {
			runner(server, factory).withPropertyValues("netsuite.read-timeout=2s", "netsuite.attempt-timeout=1s")
				.run((context) -> {
					NetSuiteClient client = context.getBean(NetSuiteClient.class);
					long start = System.nanoTime();
					assertThatExceptionOfType(NetSuiteTimeoutException.class)
						.isThrownBy(() -> client.record("customer", "1").get())
						.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("netsuite.attempt-timeout"));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
				});
		}
	}

	@Test
	void waitsForAPermitNoLongerThanTheCallTimeout() throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> answer.hang())) {
			runner(server, "http-components")
				.withPropertyValues("netsuite.concurrency.limit=1", "netsuite.concurrency.adaptive=false",
						"netsuite.call-timeout=2s", "netsuite.attempt-timeout=20s", "netsuite.read-timeout=20s")
				.run((context) -> {
					NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
					NetSuiteClient client = accounts.primary().client();
					NetSuitePermits permits = accounts.primary().permits();
					// A caller's own deadline stands: this one holds the only permit past the other's.
					CompletableFuture<?> holder = CompletableFuture.runAsync(() -> accounts.primary()
						.probeClient(new SimpleClientHttpRequestFactory(), Duration.ofSeconds(20))
						.get()
						.uri("/services/rest/record/v1/customer/1")
						.retrieve()
						.toBodilessEntity());
					await(() -> permits.inFlight() == 1);
					long start = System.nanoTime();
					assertThatExceptionOfType(NetSuiteTimeoutException.class)
						.isThrownBy(() -> client.records("customer").create(Map.of("companyname", "A")))
						.satisfies((ex) -> {
							assertThat(ex.getProperty()).isEqualTo("netsuite.call-timeout");
							assertThat(ex.mayHaveExecuted()).isFalse();
						});
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
					assertThat(server.requests()).singleElement().asString().startsWith("GET ");
					holder.cancel(true);
				});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor", "jdk", "simple" })
	void refusesAHugeRecordAndClosesItsConnection(String factory) throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> {
			answer.head(200, "application/json", HUGE);
			answer.body("{\"id\":1");
			answer.spaces(HUGE - 7);
		})) {
			runner(server, factory).run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				long start = System.nanoTime();
				assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
					.isThrownBy(() -> client.record("customer", "1").get())
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo(NetSuiteUnreadableAnswerException.Reason.TOO_LARGE);
						assertThat(ex.getStatusCode()).isEqualTo(200);
					})
					.withMessageContaining("netsuite.max-answer-size")
					.withMessageContaining("32MB");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
				assertThat(server.sawClientClose(10)).as("the client closed the huge answer's connection").isTrue();
				assertThat(server.bodyBytesWritten()).isLessThan(HUGE);
			});
		}
	}

	@Test
	void cutsAHugeErrorBodyAndClosesItsConnection() throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> {
			answer.head(400, "application/json", HUGE);
			answer.body("{\"title\":\"Bad request\"");
			answer.spaces(HUGE - 22);
		})) {
			runner(server, "http-components").run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				long start = System.nanoTime();
				assertThatExceptionOfType(NetSuiteException.class)
					.isThrownBy(() -> client.records("customer").create(Map.of("companyname", "A")))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
				assertThat(server.sawClientClose(10)).as("the client closed the huge error's connection").isTrue();
				assertThat(server.bodyBytesWritten()).isLessThan(HUGE);
			});
		}
	}

	@Test
	void refusesRequestsWaitingForAPermitAtShutdownAsNeverSent() throws Exception {
		try (HostileServer server = new HostileServer((request, answer) -> {
			answer.head(200, "application/json", 100);
			answer.drip(100);
		})) {
			runner(server, "http-components")
				.withPropertyValues("netsuite.concurrency.limit=1", "netsuite.concurrency.adaptive=false")
				.run((context) -> {
					NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
					NetSuiteClient client = accounts.primary().client();
					NetSuitePermits permits = accounts.primary().permits();
					CompletableFuture<?> sent = CompletableFuture.runAsync(() -> client.record("customer", "1").get());
					// On the wire, not only holding its permit: on a loaded machine it may still connect.
					await(() -> permits.inFlight() == 1 && server.requests().size() == 1);
					CompletableFuture<?> queued = CompletableFuture
						.runAsync(() -> client.records("customer").create(Map.of("companyname", "A")));
					await(() -> permits.waiting() == 1);
					context.close();
					assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
						.havingCause()
						.isInstanceOf(NetSuiteException.class)
						.withMessageContaining("never sent")
						.withMessageContaining("shutting down");
					assertThat(server.requests()).singleElement().asString().startsWith("GET ");
					sent.cancel(true);
				});
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - deadline).as("waited 10 s").isNegative();
			Thread.sleep(10);
		}
	}

}
