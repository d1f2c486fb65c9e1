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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Change feeds against the NetSuite double, whose clock the tests move: the edges of minutes,
 * of days west of UTC, of polls, deletions and failing handlers. Checkpoints in memory.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChangeFeedDoubleTests {

	static final Instant TEN = Instant.parse("2026-12-05T10:00:10Z");

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner applicationRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteChangesAutoConfiguration.class))
		.withUserConfiguration(HandedConfiguration.class)
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.changes.poll-interval=20ms",
				"netsuite.changes.retry.initial-interval=50ms", "netsuite.changes.retry.max-interval=100ms");

	private final ApplicationContextRunner contextRunner = this.applicationRunner
		.withUserConfiguration(CustomerListener.class);

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void resetDouble() {
		netSuite.reset();
		netSuite.clearData();
		netSuite.trackChanges(ZoneOffset.UTC).time(TEN);
		// The tables exist, empty
		netSuite.records("customer");
		netSuite.records("contact");
	}

	@Test
	void aBurstWithinOneMinuteIsHandedOnceItsMinuteIsOverEachChangeOnceAcrossPolls() {
		this.contextRunner.withPropertyValues("netsuite.changes.max-changes-per-poll=2").run((context) -> {
			Handed handed = started(context);
			ChangeFeed feed = feed(context);
			long[] ids = new long[5];
			for (int i = 0; i < 3; i++) {
				ids[i] = customers().add(Map.of("companyName", "Burst " + i));
			}
			netSuite.advanceTime(Duration.ofSeconds(30));
			awaitPolls(feed, 2);
			// The minute is still open on NetSuite's clock: it may get more changes
			assertThat(handed.changes()).isEmpty();
			for (int i = 3; i < 5; i++) {
				ids[i] = customers().add(Map.of("companyName", "Burst " + i));
			}
			netSuite.advanceTime(Duration.ofSeconds(30));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 5);
			awaitPolls(feed, 3);
			assertThat(handed.summary()).containsExactly("customer " + ids[0] + " CREATED",
					"customer " + ids[1] + " CREATED", "customer " + ids[2] + " CREATED",
					"customer " + ids[3] + " CREATED", "customer " + ids[4] + " CREATED");
			assertThat(handed.changes()).allSatisfy(
					(change) -> assertThat(change.at()).isEqualTo(LocalDateTime.parse("2026-12-05T10:00:00")));
		});
	}

	@Test
	void aChangeStampedWithTheCheckpointsMinuteButSeenLateIsHandedAndNoneTwice() {
		this.contextRunner.run((context) -> {
			Handed handed = started(context);
			ChangeFeed feed = feed(context);
			long first = customers().add(Map.of("companyName", "On time"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 1);
			// A change NetSuite stamped 10:00 that a query sees only now (a transaction committed late)
			long late = 9000;
			customers().put(late, Map.of("companyName", "Late", "lastModifiedDate", Instant.parse("2026-12-05T10:00:40Z"),
					"dateCreated", Instant.parse("2026-12-05T10:00:40Z")));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 2);
			long polls = feed.polls();
			awaitPolls(feed, polls + 3);
			assertThat(handed.summary()).containsExactly("customer " + first + " CREATED", "customer " + late + " CREATED");
		});
	}

	@Test
	void changesAroundLocalMidnightWestOfUtcAreAllHandedInOrderWithTheirLocalTimes() {
		netSuite.clearData();
		netSuite.trackChanges(ZoneId.of("America/Los_Angeles")).time(Instant.parse("2026-12-06T07:59:10Z"));
		netSuite.records("customer");
		this.contextRunner.run((context) -> {
			Handed handed = started(context);
			long beforeMidnight = customers().add(Map.of("companyName", "Late on the 5th"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			long afterMidnight = customers().add(Map.of("companyName", "Early on the 6th"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 2);
			assertThat(handed.summary()).containsExactly("customer " + beforeMidnight + " CREATED",
					"customer " + afterMidnight + " CREATED");
			assertThat(handed.changes()).extracting(NetSuiteChange::at)
				.containsExactly(LocalDateTime.parse("2026-12-05T23:59:00"), LocalDateTime.parse("2026-12-06T00:00:00"));
		});
	}

	@Test
	void aRecordModifiedTwiceBetweenPollsIsHandedOncePerPoll() {
		this.contextRunner.run((context) -> {
			Handed handed = started(context);
			ChangeFeed feed = feed(context);
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			long id = customers().add(Map.of("companyName", "Twice"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 1);
			client.record("customer", String.valueOf(id)).update(Map.of("companyName", "Twice, once"));
			netSuite.advanceTime(Duration.ofSeconds(20));
			client.record("customer", String.valueOf(id)).update(Map.of("companyName", "Twice, twice"));
			netSuite.advanceTime(Duration.ofSeconds(40));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 2);
			client.record("customer", String.valueOf(id)).update(Map.of("companyName", "Thrice"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 3);
			awaitPolls(feed, feed.polls() + 3);
			assertThat(handed.summary()).containsExactly("customer " + id + " CREATED", "customer " + id + " UPDATED",
					"customer " + id + " UPDATED");
		});
	}

	@Test
	void deletionsAreHandedInOrderWithTheChangesBeforeThem() {
		this.contextRunner.run((context) -> {
			Handed handed = started(context);
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			long kept = customers().add(Map.of("companyName", "Kept"));
			long deleted = customers().add(Map.of("companyName", "Deleted"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 2);
			client.record("customer", String.valueOf(deleted)).delete();
			long gone = customers().add(Map.of("companyName", "Created and deleted within a minute"));
			customers().remove(gone);
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 4);
			assertThat(handed.summary()).containsExactly("customer " + kept + " CREATED",
					"customer " + deleted + " CREATED", "customer " + deleted + " DELETED", "customer " + gone + " DELETED");
			assertThat(handed.changes().get(2).at()).isEqualTo(LocalDateTime.parse("2026-12-05T10:01:00"));
		});
	}

	@Test
	void aHandlerThatFailsTwiceGetsTheSameChangeAgainUntilItReturnsAndTheFailuresAreReported(CapturedOutput output) {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				Handed handed = started(context);
				long first = customers().add(Map.of("companyName", "Fails twice"));
				long second = customers().add(Map.of("companyName", "Then this"));
				int[] failures = { 0 };
				handed.failing = (change) -> change.id().equals(String.valueOf(first)) && failures[0]++ < 2;
				netSuite.advanceTime(Duration.ofMinutes(1));
				await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 2);
				assertThat(handed.summary()).containsExactly("customer " + first + " CREATED",
						"customer " + second + " CREATED");
				assertThat(handed.attempts()).extracting(NetSuiteChange::id)
					.containsExactly(String.valueOf(first), String.valueOf(first), String.valueOf(first),
							String.valueOf(second));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("netsuite.changes.failures").counter().count()).isEqualTo(2);
				assertThat(meters.get("netsuite.changes.handled").tag("change", "created").counter().count())
					.isEqualTo(2);
				assertThat(meters.get("netsuite.changes.lag").gauge().value()).isGreaterThanOrEqualTo(0);
				Map<String, Object> details = feed(context).details();
				assertThat(details).containsEntry("failures", 2L).containsEntry("consecutiveFailures", 0);
				assertThat(output).contains("the handler threw on NetSuiteChange[primary customer " + first);
			});
	}

	@Test
	void aFailingFeedDoesNotHoldBackTheFeedsOfOtherRecordTypes() {
		this.contextRunner.withUserConfiguration(ContactListener.class).run((context) -> {
			Handed handed = started(context);
			handed.failing = (change) -> change.type().equals("customer");
			customers().add(Map.of("companyName", "Never handled"));
			long contact = netSuite.records("contact").add(Map.of("firstName", "Still handled"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 1);
			assertThat(handed.summary()).containsExactly("contact " + contact + " CREATED");
			ChangeFeed customers = feed(context);
			assertThat(customers.state()).isEqualTo(ChangeFeed.State.FAILING);
			assertThat(customers.details()).containsKey("lastError");
		});
	}

	@Test
	void aRecordTypeNetSuiteCannotFollowIsRefusedAtStartUp() {
		this.contextRunner.withUserConfiguration(NoSuchTypeListener.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("NetSuite refuses to follow the changes of record type 'nosuchtype'")
				.hasStackTraceContaining("Record 'nosuchtype' was not found");
		});
	}

	@Test
	void theRecordComesWithTheChangeWhenTheListenerAsksForIt() {
		this.applicationRunner.withUserConfiguration(CustomerRecordListener.class).run((context) -> {
				Handed handed = started(context);
				customers().add(Map.of("companyName", "Full"));
				netSuite.advanceTime(Duration.ofMinutes(1));
				await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 1);
				assertThat(handed.changes().get(0).record()).isNotNull().containsEntry("companyName", "Full");
			});
	}

	@Test
	void healthShowsEachFeedWithItsStateCheckpointAndCounts() {
		this.contextRunner.run((context) -> {
			Handed handed = started(context);
			customers().add(Map.of("companyName", "Counted"));
			netSuite.advanceTime(Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(10)).until(() -> handed.changes().size() == 1);
			HealthIndicator health = context.getBean("netsuiteChangesHealthIndicator", HealthIndicator.class);
			Health answer = health.health(true);
			assertThat(answer.getStatus()).isEqualTo(Status.UP);
			assertThat(answer.getDetails()).containsKey("primary:customer");
			@SuppressWarnings("unchecked")
			Map<String, Object> feed = (Map<String, Object>) answer.getDetails().get("primary:customer");
			assertThat(feed).containsEntry("state", "polling")
				.containsEntry("store", "memory")
				.containsEntry("handled", 1L)
				.containsEntry("checkpoint", "2026-12-05 10:00:00 (1 handed at that minute)");
		});
	}

	@Test
	void anApplicationStopsAtOnceWhateverItsPollInterval() {
		long[] stoppedIn = new long[1];
		this.contextRunner.withPropertyValues("netsuite.changes.poll-interval=1h").run((context) -> {
			started(context);
			long start = System.nanoTime();
			context.getSourceApplicationContext().close();
			stoppedIn[0] = System.nanoTime() - start;
		});
		assertThat(Duration.ofNanos(stoppedIn[0])).isLessThan(Duration.ofSeconds(2));
	}

	static io.github.netsuite.boot.test.RecordStore customers() {
		return netSuite.records("customer");
	}

	static ChangeFeed feed(AssertableApplicationContext context) {
		return context.getBean(ChangeFeeds.class)
			.feeds()
			.stream()
			.filter((feed) -> feed.type().equals("customer"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The application's recorder, once every feed polled once (or found another instance
	 * polling): its checkpoint is set, at the double's time then.
	 */
	static Handed started(AssertableApplicationContext context) {
		for (ChangeFeed feed : context.getBean(ChangeFeeds.class).feeds()) {
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.ticks() >= 1);
		}
		return context.getBean(Handed.class);
	}

	static void awaitPolls(ChangeFeed feed, long polls) {
		await().atMost(Duration.ofSeconds(10)).until(() -> feed.polls() >= polls);
	}

	@Configuration(proxyBeanMethods = false)
	static class HandedConfiguration {

		@Bean
		Handed handed() {
			return new Handed();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomerListener {

		@Bean
		Customers customers(Handed handed) {
			return new Customers(handed);
		}

	}

	static class Customers {

		private final Handed handed;

		Customers(Handed handed) {
			this.handed = handed;
		}

		@NetSuiteChangeListener("customer")
		void onCustomer(NetSuiteChange change) throws Exception {
			this.handed.handle(change);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ContactListener {

		@Bean
		Contacts contacts(Handed handed) {
			return new Contacts(handed);
		}

	}

	static class Contacts {

		private final Handed handed;

		Contacts(Handed handed) {
			this.handed = handed;
		}

		@NetSuiteChangeListener(type = "contact", deletes = false)
		void onContact(NetSuiteChange change) throws Exception {
			this.handed.handle(change);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoSuchTypeListener {

		@Bean
		Object noSuchType() {
			return new Object() {

				@NetSuiteChangeListener("nosuchtype")
				void on(NetSuiteChange change) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomerRecordListener {

		@Bean
		Object customerRecords(Handed handed) {
			return new Object() {

				@NetSuiteChangeListener(type = "customer", account = "primary", withRecord = true)
				void on(NetSuiteChange change) throws Exception {
					handed.handle(change);
				}

			};
		}

	}

}
