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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.Parallel.Call;
import io.github.netsuite.boot.NetSuiteServerException;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.netsuite.boot.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The governor and retries against the NetSuite double's concurrency limit, with real
 * parallel callers.
 */
class ResilienceDoubleTests {

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.retry.initial-backoff=20ms",
				"netsuite.retry.max-backoff=200ms");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
		netSuite.table("customer", 50, (i) -> Map.of("id", String.valueOf(i + 1), "companyname", "C" + (i + 1)));
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void resetDouble() {
		netSuite.reset();
	}

	@Test
	void aBurstOfManyMoreCallersThanTheLimitCompletesWithNeverMoreThanTheLimitInFlight() {
		netSuite.concurrencyLimit(3).latency(Duration.ofMillis(50));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=3").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			List<Object> results = inParallel(30, (i) -> client.record("customer", String.valueOf(i % 50 + 1)).get());
			assertThat(results).hasSize(30).allSatisfy((result) -> assertThat(result).isInstanceOf(Map.class));
			assertThat(netSuite.maxInFlight()).isEqualTo(3);
		});
	}

	@Test
	void keepsAsManyRequestsInFlightAsALimitAboveHttpClientsDefaultPoolOfFivePerHost() {
		netSuite.latency(Duration.ofMillis(150));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=8").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			inParallel(24, (i) -> client.record("customer", String.valueOf(i % 50 + 1)).get());
			assertThat(netSuite.maxInFlight()).isEqualTo(8);
		});
	}

	@Test
	void withoutAGovernorRetriesStillCompleteEveryReadThatNetSuiteThrottled() {
		netSuite.concurrencyLimit(2).latency(Duration.ofMillis(50));
		this.contextRunner
			.withPropertyValues("netsuite.concurrency.enabled=false", "netsuite.retry.max-attempts=30",
					"netsuite.retry.max-elapsed=60s")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				List<Object> results = inParallel(12,
						(i) -> client.suiteql("SELECT id FROM customer ORDER BY id").page(10, 0).count());
				assertThat(results).containsOnly(10);
				assertThat(netSuite.maxInFlight()).isEqualTo(2);
			});
	}

	@Test
	void aThrottledCreateIsRepeatedOnlyBecauseItWasThrottledAndAppearsExactlyOnce() {
		netSuite.records("lead").clear();
		netSuite.concurrencyLimit(1).latency(Duration.ofMillis(50));
		this.contextRunner
			.withPropertyValues("netsuite.concurrency.enabled=false", "netsuite.retry.max-attempts=40",
					"netsuite.retry.max-elapsed=60s")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				List<Object> ids = inParallel(8, (i) -> client.records("lead").create(Map.of("companyname", "L" + i)));
				assertThat(ids).doesNotHaveDuplicates().hasSize(8);
				assertThat(netSuite.records("lead").all()).extracting((record) -> record.get("companyname"))
					.containsExactlyInAnyOrder("L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7");
			});
	}

	@Test
	void aCreateThatFailedWith503IsNotRepeated() {
		netSuite.records("prospect").clear();
		netSuite.failNext(1, 503);
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> client.records("prospect").create(Map.of("companyname", "Once")));
			assertThat(netSuite.records("prospect").size()).isZero();
			assertThat(netSuite.requestCount()).isOne();
		});
	}

	@Test
	void sizesTheLimitFromNetSuitesGovernanceLimitsWhenAsked() {
		netSuite.concurrencyLimit(7);
		this.contextRunner.withPropertyValues("netsuite.concurrency.use-governance-limits=true")
			.run((context) -> assertThat(context.getBean(NetSuiteAccounts.class).primary().permits().limit()).isEqualTo(7));
	}

	@Test
	void keepsTheConfiguredLimitQuietlyWhenTheRoleMayNotReadGovernanceLimits() {
		netSuite.invalidLogin(true);
		this.contextRunner.withPropertyValues("netsuite.concurrency.use-governance-limits=true",
				"netsuite.concurrency.limit=4")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(NetSuiteAccounts.class)
				.satisfies((accounts) -> assertThat(accounts.primary().permits().limit()).isEqualTo(4)));
	}

	@Test
	void anAdaptiveLimitLearnsWhatNetSuiteAllowsBelowItsCeilingWithoutACallerError() {
		netSuite.concurrencyLimit(3).latency(Duration.ofMillis(50));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=8").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			Duration roundTrip = roundTrip((i) -> client.record("customer", "1").get());
			long before = netSuite.requestCount();
			int callers = 60;
			int readsEach = 3;
			long start = System.nanoTime();
			List<Object> results = inParallel(callers, (i) -> {
				for (int read = 0; read < readsEach - 1; read++) {
					client.record("customer", String.valueOf((i + read) % 50 + 1)).get();
				}
				return client.record("customer", String.valueOf(i % 50 + 1)).get();
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			int reads = callers * readsEach;
			long requests = netSuite.requestCount() - before;
			assertThat(results).hasSize(callers).allSatisfy((result) -> assertThat(result).isInstanceOf(Map.class));
			assertThat((double) (requests - reads) / requests).as("throttled fraction of %d requests", requests)
				.isLessThan(0.10);
			// The ideal: NetSuite's 3 in flight, each taking the 50 ms latency plus what the
			// stack takes on this machine (measured alone), so some 60 reads a second.
			double ideal = 3 / (roundTrip.toNanos() / 1e9);
			assertThat(reads / seconds).as("reads a second, of an ideal %.1f", ideal)
				.isGreaterThanOrEqualTo(0.8 * ideal);
			assertThat(context.getBean(NetSuiteAccounts.class).primary().permits().limit()).isBetween(2, 4);
		});
	}

	@Test
	void createsUnderAnAdaptiveLimitAboveWhatNetSuiteAllowsAppearExactlyOnce() {
		netSuite.records("lead").clear();
		netSuite.concurrencyLimit(3).latency(Duration.ofMillis(50));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=8").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			List<Object> ids = inParallel(60, (i) -> client.records("lead").create(Map.of("companyname", "L" + i)));
			assertThat(ids).doesNotHaveDuplicates().hasSize(60);
			assertThat(netSuite.records("lead").all()).extracting((record) -> record.get("companyname"))
				.doesNotHaveDuplicates()
				.hasSize(60);
		});
	}

	@Test
	void aFixedLimitAboveWhatNetSuiteAllowsIsNotLearned() {
		netSuite.concurrencyLimit(2).latency(Duration.ofMillis(20));
		// Retries that outlast the throttling: the point is the limit, not the errors a fixed one causes.
		this.contextRunner
			.withPropertyValues("netsuite.concurrency.limit=4", "netsuite.concurrency.adaptive=false",
					"netsuite.retry.max-attempts=30", "netsuite.retry.max-elapsed=60s")
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				inParallel(12, (i) -> client.record("customer", String.valueOf(i % 50 + 1)).get());
				assertThat(netSuite.requestCount()).isGreaterThan(12);
				assertThat(context.getBean(NetSuiteAccounts.class).primary().permits().limit()).isEqualTo(4);
			});
	}

	// What one request alone takes, once the stack is warm.
	private static Duration roundTrip(Call call) throws Exception {
		for (int i = 0; i < 5; i++) {
			call.run(i);
		}
		int times = 10;
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			call.run(i);
		}
		return Duration.ofNanos((System.nanoTime() - start) / times);
	}

}
