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
package io.github.netsuite.boot.changes;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.redis.RedisServer;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Change feeds whose checkpoint and lock live in a real store: an embedded H2 database across a
 * restart, and one real {@code redis-server} shared by two application contexts, the polling one
 * stopped or hung mid-run.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedChangeFeedDoubleTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
				DataRedisAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteChangesAutoConfiguration.class))
		.withUserConfiguration(ChangeFeedDoubleTests.HandedConfiguration.class,
				ChangeFeedDoubleTests.CustomerListener.class)
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.changes.poll-interval=20ms",
				"netsuite.changes.lease=1s", "spring.data.redis.port=" + redis.port());

	// One in-memory H2 database that outlives the contexts, as a real database outlives a restart
	private final String databaseUrl = "jdbc:h2:mem:changes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

	private final ApplicationContextRunner jdbcRunner = this.contextRunner
		.withBean(DataSource.class, () -> new DriverManagerDataSource(this.databaseUrl))
		.withPropertyValues("netsuite.changes.store=jdbc");

	private final ApplicationContextRunner redisRunner = this.contextRunner
		.withPropertyValues("netsuite.changes.store=redis");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void reset() throws Exception {
		netSuite.reset();
		netSuite.clearData();
		netSuite.trackChanges(ZoneOffset.UTC).time(ChangeFeedDoubleTests.TEN);
		netSuite.records("customer");
		// A server without persistence forgets every checkpoint and lock when it restarts
		redis.stop();
		redis.start();
	}

	@Test
	void aRestartedApplicationResumesFromItsCheckpointInTheDatabaseLosingNothingAndRepeatingNothing(
			CapturedOutput output) {
		List<NetSuiteChange> handed = new ArrayList<>();
		long first = customers().add(Map.of("companyName", "Before"));
		this.jdbcRunner.withPropertyValues("netsuite.changes.start-at=2026-12-05 09:00:00").run((context) -> {
			Handed recorder = ChangeFeedDoubleTests.started(context);
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 1);
			handed.addAll(recorder.changes());
		});
		// Changed while the application is down
		long second = customers().add(Map.of("companyName", "While down"));
		netSuite.advanceTime(Duration.ofMinutes(1));
		this.jdbcRunner.run((context) -> {
			Handed recorder = ChangeFeedDoubleTests.started(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 1);
			ChangeFeed feed = ChangeFeedDoubleTests.feed(context);
			ChangeFeedDoubleTests.awaitPolls(feed, feed.polls() + 3);
			handed.addAll(recorder.changes());
			assertThat(feed.details()).containsEntry("store", "jdbc");
		});
		assertThat(handed).extracting(NetSuiteChange::id).containsExactly(String.valueOf(first), String.valueOf(second));
		assertThat(output).contains("Created the NetSuite change feed tables from META-INF/netsuite/changes-schema-h2.sql")
			.contains("polls from checkpoint");
	}

	@Test
	void twoInstancesOnOneRedisHandEveryChangeOnceWhenThePollingOneStopsMidRun(CapturedOutput output) {
		int count = 60;
		for (int i = 0; i < count; i++) {
			customers().add(Map.of("companyName", "Shared " + i));
		}
		ApplicationContextRunner runner = this.redisRunner
			.withPropertyValues("netsuite.changes.start-at=2026-12-05 09:59:00");
		runner.run((one) -> runner.run((two) -> {
			Handed handedOne = ChangeFeedDoubleTests.started(one);
			Handed handedTwo = ChangeFeedDoubleTests.started(two);
			handedOne.slowness = 10;
			handedTwo.slowness = 10;
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> handedOne.changes().size() + handedTwo.changes().size() >= count / 3);
			// Exactly one polls
			assertThat(handedOne.changes().isEmpty() || handedTwo.changes().isEmpty()).isTrue();
			boolean oneIsPolling = !handedOne.changes().isEmpty();
			(oneIsPolling ? one : two).getSourceApplicationContext().close();
			Handed stopped = oneIsPolling ? handedOne : handedTwo;
			Handed other = oneIsPolling ? handedTwo : handedOne;
			await().atMost(Duration.ofSeconds(10))
				.until(() -> stopped.changes().size() + other.changes().size() >= count);
			List<String> all = new ArrayList<>();
			stopped.changes().forEach((change) -> all.add(change.id()));
			other.changes().forEach((change) -> all.add(change.id()));
			// A graceful stop saves the checkpoint of the last change handled: nothing is repeated
			assertThat(all).hasSize(count).doesNotHaveDuplicates();
			assertThat(output).contains("polls from checkpoint");
		}));
	}

	@Test
	void whenThePollingInstanceHangsAnotherTakesOverWithinTheLeaseRepeatingAtMostOneWindow(CapturedOutput output) {
		int count = 30;
		for (int i = 0; i < count; i++) {
			customers().add(Map.of("companyName", "Hung " + i));
		}
		ApplicationContextRunner runner = this.redisRunner
			.withPropertyValues("netsuite.changes.start-at=2026-12-05 09:59:00");
		CountDownLatch hung = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		runner.run((one) -> {
			Handed handedOne = ChangeFeedDoubleTests.started(one);
			int[] calls = { 0 };
			// The sixth change hangs the first instance's handler: it stops renewing its lease
			handedOne.failing = (change) -> {
				if (++calls[0] == 6) {
					hung.countDown();
					try {
						release.await(20, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return false;
			};
			try {
				netSuite.advanceTime(Duration.ofMinutes(1));
				assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();
				runner.run((two) -> {
					Handed handedTwo = two.getBean(Handed.class);
					long startedAt = System.nanoTime();
					await().atMost(Duration.ofSeconds(10)).until(() -> handedTwo.changes().size() >= count - 6);
					// Within the lease of one second, and the polls of a few changes
					assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(5));
					// The hung instance comes back, finds its lock gone and hands nothing more
					release.countDown();
					await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains("lost its lock"));
					Set<String> fromOne = handedOne.changes()
						.stream()
						.map(NetSuiteChange::id)
						.collect(Collectors.toSet());
					Set<String> all = new HashSet<>(fromOne);
					handedTwo.changes().forEach((change) -> all.add(change.id()));
					assertThat(all).hasSize(count);
					// Repeated: at most what the hung one handed since its last save, one window
					List<String> repeated = handedTwo.changes()
						.stream()
						.map(NetSuiteChange::id)
						.filter(fromOne::contains)
						.toList();
					assertThat(repeated).hasSizeLessThanOrEqualTo(6);
					assertThat(handedOne.changes()).hasSizeLessThanOrEqualTo(6);
				});
			}
			finally {
				release.countDown();
			}
		});
	}

	static io.github.netsuite.boot.test.RecordStore customers() {
		return netSuite.records("customer");
	}

}
