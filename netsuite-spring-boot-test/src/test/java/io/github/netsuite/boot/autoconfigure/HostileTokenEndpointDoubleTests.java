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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.ReceivedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The starter, with OAuth 2.0 client credentials, against the NetSuite double's hostile
 * token endpoint (issue 22): redirects, hangs and lost answers.
 */
class HostileTokenEndpointDoubleTests {

	// Generous: the machine running the tests is shared and loaded
	private static final Duration SLACK = Duration.ofSeconds(6);

	private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

	private static NetSuiteDouble netSuite;

	private static NetSuiteDouble elsewhere;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteHealthContributorAutoConfiguration.class))
		.withPropertyValues(netSuite.oauth2Properties()
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new))
		.withPropertyValues("netsuite.retry.initial-backoff=20ms", "netsuite.retry.max-backoff=200ms",
				"netsuite.health.cache-ttl=0s");

	@BeforeAll
	static void startDoubles() {
		netSuite = NetSuiteDouble.builder().oauth2(true).build().start();
		elsewhere = NetSuiteDouble.builder().oauth2(true).build().start();
		netSuite.records("customer").put("1", Map.of("companyName", "Acme"));
	}

	@AfterAll
	static void stopDoubles() {
		netSuite.stop();
		elsewhere.stop();
	}

	@BeforeEach
	void resetDoubles() {
		netSuite.reset();
		elsewhere.reset();
	}

	@ParameterizedTest
	@ValueSource(ints = { 307, 308 })
	void refusesARedirectOfTheTokenRequestSoTheAssertionNeverReachesTheOtherHost(int status) {
		netSuite.redirectTokenRequests(URI.create(elsewhere.restUrl()), status);
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			NetSuiteRedirectException ex = catchThrowableOfType(NetSuiteRedirectException.class,
					() -> client.record("customer", "1").get());
			assertThat(ex).isNotNull();
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getLocation()).isEqualTo(elsewhere.restUrl());
			assertThat(ex.getMessage()).contains("127.0.0.1:" + elsewhere.port());
		});
		assertThat(elsewhere.receivedRequests()).isEmpty();
		// Only token requests reached NetSuite: no REST call went without a token
		assertThat(netSuite.receivedRequests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.path()).isEqualTo(TOKEN_PATH));
	}

	@Test
	void callersWaitingOnAHangingTokenEndpointFailTogetherAfterOneTokenRequest() throws Exception {
		netSuite.tokenEndpointHangs(Duration.ofDays(1));
		try {
			this.contextRunner.withPropertyValues("netsuite.read-timeout=2s", "netsuite.retry.enabled=false")
				.run((context) -> {
					NetSuiteClient client = context.getBean(NetSuiteClient.class);
					int callers = 5;
					ExecutorService executor = Executors.newFixedThreadPool(callers);
					try {
						long start = System.nanoTime();
						List<CompletableFuture<Long>> failedAfter = new ArrayList<>();
						for (int i = 0; i < callers; i++) {
							failedAfter.add(CompletableFuture.supplyAsync(() -> {
								NetSuiteException ex = catchThrowableOfType(NetSuiteException.class,
										() -> client.record("customer", "1").get());
								assertThat(ex).isNotNull();
								return System.nanoTime() - start;
							}, executor));
						}
						List<Duration> times = new ArrayList<>();
						for (CompletableFuture<Long> future : failedAfter) {
							times.add(Duration.ofNanos(future.get(60, TimeUnit.SECONDS)));
						}
						Duration first = times.stream().min(Duration::compareTo).orElseThrow();
						Duration last = times.stream().max(Duration::compareTo).orElseThrow();
						// Before: 2, 4, 6, 8 and 10 s, each waiter fetching in turn
						assertThat(last).as("failures after %s", times).isLessThan(Duration.ofSeconds(2).plus(SLACK));
						assertThat(last.minus(first)).as("failures after %s", times)
							.isLessThan(Duration.ofMillis(1900));
						assertThat(netSuite.tokenRequestCount()).isOne();
					}
					finally {
						executor.shutdownNow();
					}
				});
		}
		finally {
			netSuite.tokenEndpointHangs(Duration.ZERO);
		}
	}

	@Test
	void aLostTokenAnswerIsRetriedWithANewAssertionAndTheCallSucceeds() {
		// A double of its own: a token request another test left held may still arrive at the shared one
		try (NetSuiteDouble own = NetSuiteDouble.builder().oauth2(true).build().start()) {
			own.records("customer").put("1", Map.of("companyName", "Acme"));
			own.loseNextTokenAnswers(1);
			this.contextRunner
				.withPropertyValues(own.oauth2Properties()
					.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.toArray(String[]::new))
				.run((context) -> {
					NetSuiteClient client = context.getBean(NetSuiteClient.class);
					assertThat(client.record("customer", "1").get()).containsEntry("companyName", "Acme");
				});
			assertLostTokenAnswerRetriedWithANewAssertion(own);
		}
	}

	private static void assertLostTokenAnswerRetriedWithANewAssertion(NetSuiteDouble netSuite) {
		assertThat(netSuite.lostAnswerCount()).isOne();
		assertThat(netSuite.tokenRequestCount()).isEqualTo(2);
		List<String> tokenReasons = netSuite.loginAuditTrail()
			.stream()
			.filter((attempt) -> attempt.path().equals(TOKEN_PATH))
			.map(LoginAttempt::reason)
			.toList();
		// A replayed assertion would be AssertionReplayed
		assertThat(tokenReasons).containsExactly("Success", "Success");
	}

	@Test
	void healthIsDownNotAnExceptionWithinItsTimeoutWhenTheTokenEndpointHangs() {
		netSuite.tokenEndpointHangs(Duration.ofDays(1));
		try {
			this.contextRunner.withPropertyValues("netsuite.health.timeout=2s").run((context) -> {
				long start = System.nanoTime();
				Health health = context.getBean(NetSuiteHealthIndicator.class).health();
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat((String) health.getDetails().get("error")).contains("netsuite.health.timeout");
				assertThat(took).isLessThan(Duration.ofSeconds(2).plus(SLACK));
				assertThat(health.toString()).doesNotContain(netSuite.oauth2PrivateKeyPem().substring(40, 80));
			});
		}
		finally {
			netSuite.tokenEndpointHangs(Duration.ZERO);
		}
		assertThat(netSuite.receivedRequests()).extracting(ReceivedRequest::path).containsOnly(TOKEN_PATH);
	}

}
