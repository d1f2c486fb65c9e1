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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates against the NetSuite double while it loses every 7th answer and throttles
 * beyond two requests in flight: with idempotent writes every create is done exactly
 * once and acknowledged; without, each lost answer is reported and nothing is
 * duplicated.
 */
class IdempotentWritesDoubleTests {

	private static final int CREATES = 60;

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.concurrency.limit=4",
				"netsuite.retry.max-attempts=100", "netsuite.retry.max-elapsed=60s",
				"netsuite.retry.initial-backoff=5ms", "netsuite.retry.max-backoff=40ms",
				"netsuite.async.poll-interval=10ms", "netsuite.async.max-poll-interval=40ms",
				"netsuite.async.timeout=30s");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void loseEverySeventhAnswerUnderThrottling() {
		netSuite.reset();
		netSuite.clearData();
		netSuite.concurrencyLimit(2).latency(Duration.ofMillis(5)).asyncDelay(Duration.ofMillis(10)).loseAnswers(7);
	}

	@Test
	void withIdempotentWritesEveryCreateIsAcknowledgedWithItsIdAndDoneExactlyOnce() {
		this.contextRunner.withPropertyValues("netsuite.records.exactly-once-writes=true").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			List<Outcome> outcomes = createInParallel(client);
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.failure()).isNull());
			assertThat(outcomes).extracting(Outcome::id).doesNotContainNull().doesNotHaveDuplicates();
			assertThat(netSuite.records("customer").size()).isEqualTo(CREATES);
			for (Outcome outcome : outcomes) {
				assertThat(netSuite.records("customer").get(outcome.id())).containsEntry("companyname",
						"C" + outcome.caller());
			}
			assertThat(netSuite.lostAnswerCount()).isPositive();
			assertThat(netSuite.maxInFlight()).isEqualTo(2);
		});
	}

	@Test
	void withoutIdempotentWritesLostAnswersAreReportedAndNoCreateIsDuplicated() {
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			List<Outcome> outcomes = createInParallel(client);
			List<Outcome> acknowledged = outcomes.stream().filter((outcome) -> outcome.id() != null).toList();
			List<Outcome> lost = outcomes.stream().filter((outcome) -> outcome.failure() != null).toList();
			assertThat(lost).isNotEmpty()
				.hasSize((int) netSuite.lostAnswerCount())
				.allSatisfy((outcome) -> assertThat(causes(outcome.failure())).hasAtLeastOneElementOfType(IOException.class));
			assertThat(netSuite.records("customer").size()).isEqualTo(acknowledged.size() + lost.size());
			assertThat(netSuite.records("customer").all()).extracting((record) -> record.get("companyname"))
				.doesNotHaveDuplicates()
				.hasSize(CREATES);
			// Only throttled creates are repeated (NetSuite did not execute them): proof there was throttling
			assertThat(netSuite.requestCount()).isGreaterThan(CREATES);
			for (Outcome outcome : acknowledged) {
				assertThat(netSuite.records("customer").get(outcome.id())).containsEntry("companyname",
						"C" + outcome.caller());
			}
		});
	}

	private static List<Outcome> createInParallel(NetSuiteClient client) throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(CREATES);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < CREATES; i++) {
				String name = "C" + i;
				futures.add(executor
					.submit((Callable<String>) () -> client.records("customer").create(Map.of("companyname", name))));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (int i = 0; i < CREATES; i++) {
				try {
					outcomes.add(new Outcome(i, futures.get(i).get(60, TimeUnit.SECONDS), null));
				}
				catch (ExecutionException ex) {
					outcomes.add(new Outcome(i, null, ex.getCause()));
				}
				catch (TimeoutException ex) {
					throw new AssertionError("Create " + i + " did not finish", ex);
				}
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	record Outcome(int caller, String id, Throwable failure) {

	}

}
