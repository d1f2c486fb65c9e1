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
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The starter, with token-based authentication, against the NetSuite double's hostile
 * network faults (issue 22): what the caller sees, and what NetSuite (and a second host it
 * was redirected to) saw.
 */
class HostileNetworkDoubleTests {

	// Generous: the machine running the tests is shared and loaded
	private static final Duration SLACK = Duration.ofSeconds(6);

	private static NetSuiteDouble netSuite;

	private static NetSuiteDouble elsewhere;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteHealthContributorAutoConfiguration.class))
		.withPropertyValues(netSuite.properties()
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new))
		.withPropertyValues("netsuite.retry.initial-backoff=20ms", "netsuite.retry.max-backoff=200ms",
				"netsuite.health.cache-ttl=0s");

	@BeforeAll
	static void startDoubles() {
		netSuite = NetSuiteDouble.builder().build().start();
		elsewhere = NetSuiteDouble.builder().build().start();
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
		netSuite.records("customer").clear();
		elsewhere.records("customer").clear();
		netSuite.records("customer").put("1", Map.of("companyName", "Acme"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 307, 308 })
	void refusesARedirectOfACreateToAnotherHostAndSendsItNothing(int status) {
		netSuite.redirectTo(URI.create(elsewhere.restUrl()), status);
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			NetSuiteRedirectException ex = catchThrowableOfType(NetSuiteRedirectException.class,
					() -> client.records("customer").create(Map.of("companyName", "Redirected")));
			assertThat(ex).isNotNull();
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getLocation()).isEqualTo(elsewhere.restUrl());
			assertThat(ex.getMessage()).contains("127.0.0.1:" + elsewhere.port());
		});
		assertThat(elsewhere.receivedRequests()).isEmpty();
		assertThat(elsewhere.records("customer").size()).isZero();
		assertThat(netSuite.records("customer").all()).extracting((record) -> record.get("companyName"))
			.containsExactly("Acme");
		// One attempt: a redirect is never retried into a second write
		assertThat(netSuite.receivedRequests()).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
	}

	@Test
	void anHtmlPageWith200OnAReadIsNotJsonAndCertainlyDidNotExecute() {
		netSuite.htmlNext(1, 200);
		this.contextRunner.withPropertyValues("netsuite.retry.enabled=false").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			NetSuiteUnreadableAnswerException ex = catchThrowableOfType(NetSuiteUnreadableAnswerException.class,
					() -> client.record("customer", "1").get());
			assertThat(ex).isNotNull();
			assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON);
			assertThat(ex.getStatusCode()).isEqualTo(200);
			assertThat(ex.getContentType()).startsWith("text/html");
			assertThat(ex.mayHaveExecuted()).isFalse();
		});
	}

	@Test
	void anHtmlPageWith200OnACreateIsNotJsonAndMayHaveExecuted() {
		netSuite.htmlNext(1, 200);
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			NetSuiteUnreadableAnswerException ex = catchThrowableOfType(NetSuiteUnreadableAnswerException.class,
					() -> client.records("customer").create(Map.of("companyName", "Portal")));
			assertThat(ex).isNotNull();
			assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON);
			assertThat(ex.getStatusCode()).isEqualTo(200);
			assertThat(ex.mayHaveExecuted()).isTrue();
			assertThat(ex.getMessage()).doesNotContain("created the record but sent no Location");
		});
		// Not repeated: nobody knows whether the first one ran
		assertThat(netSuite.receivedRequests()).hasSize(1);
	}

	@Test
	void aDripLongerThanTheAttemptTimeoutEndsAtTheDeadlineAndFreesThePermit() {
		assertDripEndsAtTheAttemptTimeout(this.contextRunner);
	}

	@Test
	void aDripLongerThanTheAttemptTimeoutEndsAtTheDeadlineAndFreesThePermitOnTheJdkClient() {
		assertDripEndsAtTheAttemptTimeout(this.contextRunner
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.imperative.factory=jdk"));
	}

	private void assertDripEndsAtTheAttemptTimeout(ApplicationContextRunner runner) {
		netSuite.dripNext(1, Duration.ofSeconds(30));
		runner
			// A read timeout far beyond the deadline: only the deadline may end the call
			.withPropertyValues("netsuite.attempt-timeout=2s", "netsuite.read-timeout=2m",
					"netsuite.retry.enabled=false")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				long start = System.nanoTime();
				NetSuiteTimeoutException ex = catchThrowableOfType(NetSuiteTimeoutException.class,
						() -> client.record("customer", "1").get());
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(ex).isNotNull();
				assertThat(ex.getProperty()).isEqualTo("netsuite.attempt-timeout");
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(took).isLessThan(Duration.ofSeconds(2).plus(SLACK));
				NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
				assertThat(permits).isNotNull();
				assertThat(permits.inFlight()).isZero();
				assertThat(permits.waiting()).isZero();
				// And the account still works: the permit really came back
				assertThat(client.record("customer", "1").get()).containsEntry("companyName", "Acme");
			});
	}

	@Test
	void aTruncatedAnswerIsCutShort() {
		netSuite.truncateNext(1);
		this.contextRunner.withPropertyValues("netsuite.retry.enabled=false").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			NetSuiteUnreadableAnswerException ex = catchThrowableOfType(NetSuiteUnreadableAnswerException.class,
					() -> client.record("customer", "1").get());
			assertThat(ex).isNotNull();
			assertThat(ex.getReason()).isEqualTo(Reason.CUT_SHORT);
			assertThat(ex.mayHaveExecuted()).isFalse();
		});
	}

	@Test
	void aHugeAnswerIsRefusedAtTheLimitQuicklyNamingTheProperty() {
		netSuite.hugeNext(1, 200, 50L << 20);
		this.contextRunner.withPropertyValues("netsuite.max-answer-size=1MB", "netsuite.retry.enabled=false")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				long start = System.nanoTime();
				NetSuiteUnreadableAnswerException ex = catchThrowableOfType(NetSuiteUnreadableAnswerException.class,
						() -> client.record("customer", "1").get());
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(ex).isNotNull();
				assertThat(ex.getReason()).isEqualTo(Reason.TOO_LARGE);
				assertThat(ex.getMessage()).contains("max-answer-size");
				assertThat(took).isLessThan(SLACK);
				// The connection was closed, not pooled with 49 MB unread: the next call works
				assertThat(client.record("customer", "1").get()).containsEntry("companyName", "Acme");
			});
	}

	@Test
	void healthIsDownNotAnExceptionWhenServerTimeIsRedirected() {
		netSuite.redirectTo(URI.create(elsewhere.restUrl()), 307);
		this.contextRunner.withPropertyValues("netsuite.health.timeout=3s").run((context) -> {
			long start = System.nanoTime();
			Health health = context.getBean(NetSuiteHealthIndicator.class).health();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("error")).contains("redirect");
			assertThat(took).isLessThan(Duration.ofSeconds(3).plus(SLACK));
			assertThat(health.toString()).doesNotContain(netSuite.consumerSecret(), netSuite.tokenSecret());
		});
		assertThat(elsewhere.receivedRequests()).isEmpty();
	}

}
