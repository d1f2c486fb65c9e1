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
package io.github.netsuite.boot;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
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
 * Batch writes against the NetSuite double while it throttles beyond two requests in
 * flight (the client believes it has four permits) and loses the answer of every 3rd
 * write, submissions included (in requests of ten or 25 items, so that many are lost): every item ends written once with its ID or failed alone
 * with NetSuite's error, nothing duplicated and nothing lost.
 */
class BatchWritesDoubleTests {

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.concurrency.limit=4",
				"netsuite.concurrency.adaptive=false", "netsuite.retry.max-attempts=100",
				"netsuite.retry.max-elapsed=60s", "netsuite.retry.initial-backoff=5ms",
				"netsuite.retry.max-backoff=40ms", "netsuite.batch.poll-interval=10ms",
				"netsuite.batch.max-poll-interval=40ms", "netsuite.batch.timeout=60s");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void throttleAndLoseEverySeventhWriteAnswer() {
		netSuite.reset();
		netSuite.clearData();
		netSuite.concurrencyLimit(2)
			.latency(Duration.ofMillis(2))
			.asyncDelay(Duration.ofMillis(5))
			.asyncProcessors(4)
			.timePerAsyncRecord(Duration.ofMillis(1))
			.loseAnswers(3)
			.requiredFields("customer", "companyName");
	}

	@Test
	void creates250CustomersOnceEachAndFailsOnlyThoseWithoutAName() {
		this.contextRunner.run((context) -> {
			// Every tenth customer lacks the required name.
			List<Map<String, Object>> customers = IntStream.range(0, 250)
				.mapToObj((n) -> (n % 10 == 3) ? Map.<String, Object>of("email", "c" + n + "@example.com")
						: Map.<String, Object>of("companyName", "C" + n))
				.toList();
			List<RecordBatch.Result> results = client(context).records("customer").batch().size(10).create(customers);
			assertThat(results).extracting(RecordBatch.Result::index)
				.containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
			for (RecordBatch.Result result : results) {
				if (result.index() % 10 == 3) {
					assertThat(result.error()).isNotNull()
						.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("USER_ERROR"));
				}
				else {
					assertThat(netSuite.records("customer").get(result.orElseThrow()))
						.containsEntry("companyName", "C" + result.index());
				}
			}
			assertThat(results).filteredOn(RecordBatch.Result::succeeded).hasSize(225);
			// 0 duplicates, 0 lost: exactly the acknowledged records exist.
			assertThat(netSuite.records("customer").size()).isEqualTo(225);
			assertThat(netSuite.lostAnswerCount()).isPositive();
			assertThat(netSuite.maxInFlight()).isEqualTo(2);
		});
	}

	@Test
	void upsertsTwiceByExternalIdIntoTheSameRecords() {
		this.contextRunner.run((context) -> {
			RecordBatch batch = client(context).records("customer").batch().size(10);
			List<RecordBatch.Result> first = batch.upsert(customers(120, "first"));
			List<RecordBatch.Result> second = batch.upsert(customers(120, "second"));
			assertThat(first).allSatisfy((result) -> assertThat(result.succeeded()).isTrue());
			assertThat(second).extracting(RecordBatch.Result::id)
				.containsExactlyElementsOf(first.stream().map(RecordBatch.Result::id).toList());
			assertThat(netSuite.records("customer").size()).isEqualTo(120);
			for (int n = 0; n < 120; n++) {
				assertThat(netSuite.records("customer").findByExternalId("EXT-" + n))
					.containsEntry("companyName", "second " + n);
			}
			assertThat(netSuite.lostAnswerCount()).isPositive();
		});
	}

	@Test
	void updatesByInternalOrExternalIdAndDeletesEachRecordOnce() {
		this.contextRunner.run((context) -> {
			RecordBatch batch = client(context).records("customer").batch().size(25);
			List<String> ids = batch.upsert(customers(100, "first")).stream().map(RecordBatch.Result::orElseThrow).toList();
			List<Map<String, Object>> updates = IntStream.range(0, 100)
				.mapToObj((n) -> (n % 2 == 0) ? Map.<String, Object>of("id", ids.get(n), "email", n + "@example.com")
						: Map.<String, Object>of("externalId", "EXT-" + n, "email", n + "@example.com"))
				.toList();
			assertThat(batch.update(updates)).allSatisfy((result) -> assertThat(result.succeeded()).isTrue());
			assertThat(netSuite.records("customer").get(ids.get(7))).containsEntry("email", "7@example.com");
			List<String> deletes = IntStream.range(0, 100)
				.mapToObj((n) -> (n % 2 == 0) ? ids.get(n) : "eid:EXT-" + n)
				.toList();
			try (Stream<RecordBatch.Result> deleted = batch.delete(Stream.concat(deletes.stream(), Stream.of("999999")))) {
				Map<Integer, RecordBatch.Result> byIndex = new HashMap<>();
				deleted.forEach((result) -> byIndex.put(result.index(), result));
				assertThat(byIndex).hasSize(101);
				assertThat(byIndex.get(0).id()).isEqualTo(ids.get(0));
				assertThat(byIndex.get(1).id()).isEqualTo("eid:EXT-1");
				assertThat(byIndex.get(100).error()).isInstanceOf(NetSuiteNotFoundException.class);
				assertThat(byIndex.values()).filteredOn(RecordBatch.Result::succeeded).hasSize(100);
			}
			assertThat(netSuite.records("customer").size()).isZero();
		});
	}

	private static List<Map<String, Object>> customers(int count, String name) {
		return IntStream.range(0, count)
			.mapToObj((n) -> Map.<String, Object>of("externalId", "EXT-" + n, "companyName", name + " " + n))
			.toList();
	}

	private static NetSuiteClient client(org.springframework.context.ApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

}
