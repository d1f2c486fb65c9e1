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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Pages}, the paging engine, over a table in memory and real executors:
 * Boot's kind with its one thread busy, one that refuses, the client's own pool and a
 * thread pool.
 */
class PagesTests {

	private static final String QUERY = "SELECT id FROM t ORDER BY id";

	private static final Pattern AFTER = Pattern.compile("id > (\\d+)");

	private final JsonMapper mapper = JsonMapper.builder().build();

	// What each fetch saw: its query and offset, its thread, the observation current on it.
	private final List<Fetch> fetches = new CopyOnWriteArrayList<>();

	private final ExecutorService pool = Executors.newSingleThreadExecutor();

	// The registry whose current observation each fetch records.
	private ObservationRegistry registry = ObservationRegistry.NOOP;

	@AfterEach
	void stopPool() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void fetchesOnTheConsumersThreadThePagesItNeedsThatABusyExecutorHasNotStarted() throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		ThreadPoolTaskExecutor executor = busy(busy);
		List<String> ids = ids(pages(table(10), executor, ObservationRegistry.NOOP, 3, Integer.MAX_VALUE));
		assertThat(ids).containsExactlyElementsOf(numbers(1, 10));
		assertThat(this.fetches).extracting(Fetch::thread).containsOnly(Thread.currentThread());
		assertThat(this.fetches).extracting(Fetch::offset).containsExactly(0, 2, 4, 6, 8);
		// The pages ahead waited in the executor's queue; run late, they fetch nothing more
		assertThat(executor.getQueueSize()).isEqualTo(4);
		busy.countDown();
		executor.shutdown();
		assertThat(this.fetches).hasSize(5);
	}

	@Test
	void fetchesOnTheConsumersThreadThePagesTheExecutorRefuses() {
		Executor refusing = (task) -> {
			throw new RejectedExecutionException("full");
		};
		List<String> ids = ids(pages(table(10), refusing, ObservationRegistry.NOOP, 3, Integer.MAX_VALUE));
		assertThat(ids).containsExactlyElementsOf(numbers(1, 10));
		assertThat(this.fetches).extracting(Fetch::thread).containsOnly(Thread.currentThread());
		assertThat(this.fetches).hasSize(5);
	}

	@Test
	void waitsForThePagesAheadThatAnExecutorWithoutAQueueAccepted() {
		ExecutorService handOff = SuiteQlExecutor.create("hand-off");
		try {
			assertThat(ids(pages(table(10), handOff, ObservationRegistry.NOOP, 3, Integer.MAX_VALUE)))
				.containsExactlyElementsOf(numbers(1, 10));
		}
		finally {
			handOff.shutdownNow();
		}
		assertThat(this.fetches).filteredOn((fetch) -> fetch.offset() > 0)
			.extracting((fetch) -> fetch.thread().getName())
			.hasSize(4)
			.allSatisfy((name) -> assertThat(name).startsWith("netsuite-suiteql-hand-off-"));
	}

	@Test
	void closingEarlyLeavesNothingToFetchInTheExecutorsQueue() throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		ThreadPoolTaskExecutor executor = busy(busy);
		try (Stream<ObjectNode> rows = pages(table(10), executor, ObservationRegistry.NOOP, 3, Integer.MAX_VALUE)
			.stream()) {
			assertThat(rows.findFirst()).isPresent();
		}
		assertThat(executor.getQueueSize()).isEqualTo(3);
		busy.countDown();
		executor.shutdown();
		assertThat(this.fetches).extracting(Fetch::offset).containsExactly(0);
	}

	@Test
	void fetchesAPageAheadInTheObservationCurrentOnTheConsumersThread() {
		ObservationRegistry registry = observed();
		Observation caller = Observation.start("caller", registry);
		List<String> ids;
		try (Observation.Scope scope = caller.openScope()) {
			ids = ids(pages(table(6), PagesTests::onAnotherThread, registry, 2, Integer.MAX_VALUE));
		}
		finally {
			caller.stop();
		}
		assertThat(ids).containsExactlyElementsOf(numbers(1, 6));
		assertThat(this.fetches).filteredOn((fetch) -> fetch.offset() > 0)
			.isNotEmpty()
			.allSatisfy((fetch) -> assertThat(fetch.thread()).isNotSameAs(Thread.currentThread()));
		assertThat(this.fetches).extracting(Fetch::observation).containsOnly(caller);
	}

	@Test
	void leavesNoObservationCurrentOnTheExecutorsThreadAfterAPage() throws Exception {
		ObservationRegistry registry = observed();
		Observation caller = Observation.start("caller", registry);
		try (Observation.Scope scope = caller.openScope()) {
			assertThat(ids(pages(table(6), this.pool, registry, 2, Integer.MAX_VALUE))).hasSize(6);
		}
		finally {
			caller.stop();
		}
		assertThat(this.pool.submit(registry::getCurrentObservation).get()).isNull();
	}

	@Test
	void goesOnByKeysetPastTheOffsetCeilingAndFetchesThosePagesAheadToo() {
		List<String> ids = ids(pages(table(11), this.pool, ObservationRegistry.NOOP, 2, 4));
		assertThat(ids).containsExactlyElementsOf(numbers(1, 11));
		assertThat(this.fetches).extracting((fetch) -> fetch.query() + "@" + fetch.offset())
			.containsExactlyInAnyOrder(QUERY + "@0", QUERY + "@2", "SELECT id FROM t WHERE id > 4 ORDER BY id@0",
					"SELECT id FROM t WHERE id > 4 ORDER BY id@2", "SELECT id FROM t WHERE id > 8 ORDER BY id@0",
					"SELECT id FROM t WHERE id > 8 ORDER BY id@2");
	}

	@Test
	void failsAtTheOffsetCeilingWhenTheQueryCannotGoOnByKeyset() {
		List<String> read = new ArrayList<>();
		Pages pages = new Pages(table(11), this.pool, ObservationRegistry.NOOP, "SELECT id FROM t", null, 4, 2, 2,
				Long.MAX_VALUE);
		assertThatExceptionOfType(NetSuiteQueryLimitException.class)
			.isThrownBy(() -> pages.stream().forEach((row) -> read.add(row.path("id").asString())))
			.withMessageContaining("more than 100000 rows");
		assertThat(read).containsExactlyElementsOf(numbers(1, 4));
	}

	@Test
	void endsAfterMaxRowsWithoutFetchingPastThem() {
		Pages pages = new Pages(table(20), this.pool, ObservationRegistry.NOOP, QUERY, SuiteQlKeyset.of(QUERY),
				Integer.MAX_VALUE, 2, 5, 5);
		assertThat(ids(pages)).containsExactlyElementsOf(numbers(1, 5));
		assertThat(this.fetches).extracting(Fetch::offset).containsExactlyInAnyOrder(0, 2, 4);
	}

	private Pages pages(Pages.Fetcher fetcher, Executor executor, ObservationRegistry registry, int prefetch,
			int maxOffset) {
		return new Pages(fetcher, executor, registry, QUERY, SuiteQlKeyset.of(QUERY), maxOffset, 2, prefetch,
				Long.MAX_VALUE);
	}

	// Rows with ids 1 to 'size', paged by offset and, for a keyset query, after an id.
	private Pages.Fetcher table(int size) {
		return (query, limit, offset) -> {
			this.fetches.add(new Fetch(query, offset, Thread.currentThread(),
					this.registry.getCurrentObservation()));
			Matcher after = AFTER.matcher(query);
			int first = (after.find() ? Integer.parseInt(after.group(1)) : 0) + offset + 1;
			List<ObjectNode> items = IntStream.rangeClosed(first, Math.min(first + limit - 1, size))
				.mapToObj((id) -> this.mapper.valueToTree(Map.of("id", String.valueOf(id))))
				.map(ObjectNode.class::cast)
				.toList();
			int rowsOfQuery = size - (first - offset - 1);
			return new NetSuitePage<>(items, offset, offset + limit < rowsOfQuery, rowsOfQuery);
		};
	}

	private ObservationRegistry observed() {
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig().observationHandler((context) -> true);
		return this.registry;
	}

	// Boot's kind of executor, one thread, busy until 'busy' counts down: what it is given
	// waits in its queue. Shutting it down runs what is queued and waits for it.
	private static ThreadPoolTaskExecutor busy(CountDownLatch busy) throws InterruptedException {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(5);
		executor.initialize();
		CountDownLatch started = new CountDownLatch(1);
		executor.execute(() -> {
			started.countDown();
			try {
				busy.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		started.await();
		return executor;
	}

	// Runs each task on a thread of its own and returns once it has ended.
	private static void onAnotherThread(Runnable task) {
		Thread thread = new Thread(task);
		thread.start();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> ids(Pages pages) {
		try (Stream<ObjectNode> rows = pages.stream()) {
			return rows.map((row) -> row.path("id").asString()).toList();
		}
	}

	private static List<String> numbers(int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj(String::valueOf).toList();
	}

	record Fetch(String query, int offset, Thread thread, Observation observation) {
	}

}
