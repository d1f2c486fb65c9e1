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
package io.github.netsuite.boot.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.netsuite.boot.AccountSharedPermits;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.Parallel.Call;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.autoconfigure.NetSuiteHealthContributorAutoConfiguration;
import io.github.netsuite.boot.SharedPermitStore;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.netsuite.boot.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances (application contexts) sharing one account's permits through a real
 * Redis, against the NetSuite double.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSharedPermitsDoubleTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, DataRedisAutoConfiguration.class,
				NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.retry.initial-backoff=20ms",
				"netsuite.retry.max-backoff=200ms", "netsuite.concurrency.store=redis",
				"netsuite.concurrency.limit=4", "netsuite.concurrency.lease-time=1s",
				"spring.data.redis.port=" + redis.port());

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
	void resetDouble() throws Exception {
		netSuite.reset();
		redis.start();
	}

	@Test
	void threeInstancesSharingALimitOfFourNeverHaveMoreThanFourInFlightAndLoseNoThroughput() {
		netSuite.latency(Duration.ofMillis(50));
		this.contextRunner.run((one) -> this.contextRunner.run((two) -> this.contextRunner.run((three) -> {
			List<NetSuiteClient> clients = List.of(client(one), client(two), client(three));
			Duration roundTrip = roundTrip(clients.get(0));
			netSuite.resetMaxInFlight();
			int callersEach = 20;
			int readsEach = 3;
			long start = System.nanoTime();
			List<Object> results = inParallel(clients.size() * callersEach, (i) -> {
				NetSuiteClient client = clients.get(i % clients.size());
				Object last = null;
				for (int read = 0; read < readsEach; read++) {
					last = client.record("customer", String.valueOf((i + read) % 50 + 1)).get();
				}
				return last;
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(results).hasSize(60).allSatisfy((result) -> assertThat(result).isInstanceOf(Map.class));
			assertThat(netSuite.maxInFlight()).isEqualTo(4);
			// The ideal: 4 in flight, each taking what one request alone takes here.
			double ideal = 4 / (roundTrip.toNanos() / 1e9);
			assertThat(60 * readsEach / seconds).as("reads a second, of an ideal %.1f", ideal)
				.isGreaterThanOrEqualTo(0.8 * ideal);
		})));
	}

	@Test
	void anInstanceThatStoppedWithoutGivingItsPermitsBackHasThemBackWithinTheLease() {
		// Longer than the other tests' lease, so that starting the second context on a
		// loaded machine never outlasts it
		ApplicationContextRunner contextRunner = this.contextRunner
			.withPropertyValues("netsuite.concurrency.lease-time=3s");
		long[] taken = new long[1];
		contextRunner.run((crashed) -> {
			SharedPermitStore.Permits permits = sharedPermits(crashed);
			for (int i = 0; i < 4; i++) {
				assertThat(permits.acquire(4, Duration.ofSeconds(1))).isNotNull();
			}
			taken[0] = System.nanoTime();
		});
		contextRunner.run((survivor) -> {
			assertThat(sharedPermits(survivor).acquire(4, Duration.ZERO)).as("a permit while the leases last")
				.isNull();
			assertThat(client(survivor).record("customer", "1").get()).isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - taken[0])).isBetween(Duration.ofMillis(2900),
					Duration.ofMillis(5000));
		});
	}

	@Test
	void whileRedisIsDownInstancesFallBackToTheirOwnPermitsLosingNoRequestAndShareAgainOnceItIsBack(
			CapturedOutput output) {
		netSuite.concurrencyLimit(4).latency(Duration.ofMillis(20));
		this.contextRunner.run((one) -> this.contextRunner.run((two) -> {
			List<NetSuiteClient> clients = List.of(client(one), client(two));
			AtomicBoolean stopping = new AtomicBoolean();
			AtomicInteger reads = new AtomicInteger();
			ExecutorService outage = Executors.newSingleThreadExecutor();
			Future<?> stopped = outage.submit(() -> {
				awaitReads(reads, 40);
				redis.stop();
				awaitReads(reads, reads.get() + 80);
				stopping.set(true);
				return null;
			});
			try {
				List<Object> results = inParallel(16, (i) -> {
					int done = 0;
					while (!stopping.get() || done < 2) {
						clients.get(i % 2).record("customer", String.valueOf(i + 1)).get();
						reads.incrementAndGet();
						done++;
					}
					return done;
				});
				stopped.get(30, TimeUnit.SECONDS);
				assertThat(results).hasSize(16);
			}
			finally {
				outage.shutdownNow();
			}
			assertThat(sharedPermits(one).unavailable()).startsWith("Redis unreachable since");
			Health health = ((HealthIndicator) one.getBean("netsuiteHealthContributor")).health();
			assertThat(health.getDetails()).containsEntry("concurrencyStore", "local (fallback)")
				.containsKey("concurrencyStoreFallback");
			assertThat(output.getOut().split("Redis cannot be reached for the concurrency permits", -1))
				.as("one WARN per instance").hasSize(3);
			redis.start();
			awaitShared(sharedPermits(one));
			awaitShared(sharedPermits(two));
			assertThat(((HealthIndicator) one.getBean("netsuiteHealthContributor")).health().getDetails())
				.containsEntry("concurrencyStore", "redis");
			String lease = sharedPermits(one).acquire(4, Duration.ofSeconds(1));
			assertThat(lease).isNotNull();
			sharedPermits(one).release(lease);
		}));
	}

	@Test
	void startsWhileRedisIsDownAndSharesOnceItIsUp() {
		redis.stop();
		this.contextRunner.run((context) -> {
			assertThat(client(context).record("customer", "1").get()).isNotNull();
			assertThat(sharedPermits(context).unavailable()).startsWith("Redis unreachable since");
			redis.start();
			awaitShared(sharedPermits(context));
			assertThat(client(context).record("customer", "2").get()).isNotNull();
		});
	}

	private static NetSuiteClient client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(NetSuiteClient.class);
	}

	private static SharedPermitStore.Permits sharedPermits(AssertableApplicationContext context) {
		NetSuiteAccount account = context.getBean(NetSuiteAccounts.class).primary();
		assertThat(account.permits()).isNotNull();
		SharedPermitStore.Permits shared = AccountSharedPermits.of(account);
		assertThat(shared).isNotNull();
		return shared;
	}

	private static void awaitReads(AtomicInteger reads, int atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (reads.get() < atLeast && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private static void awaitShared(SharedPermitStore.Permits permits) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (permits.unavailable() != null && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(permits.unavailable()).as("shared again").isNull();
	}

	private static Duration roundTrip(NetSuiteClient client) {
		for (int i = 0; i < 5; i++) {
			client.record("customer", "1").get();
		}
		int times = 10;
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			client.record("customer", "1").get();
		}
		return Duration.ofNanos((System.nanoTime() - start) / times);
	}

}
