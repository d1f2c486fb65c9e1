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
package io.github.netsuite.boot.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.RecordBatch;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.test.NetSuiteDouble;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Issue 24's batch writes against one create at a time, in one run, on the NetSuite double
 * with the parameters: a concurrency limit of 5 (the double's and the client's), 50
 * ms a read (every request but a synchronous write), 300 ms a synchronous create, 4 async
 * processors at 10 ms a record.
 * <ul>
 * <li>{@code one at a time}: 5 threads, each creating one record after another with
 * {@code records("customer").create(…)}, so that every permit is busy;</li>
 * <li>{@code batch}: {@code records("customer").batch().create(list)}, one result per
 * item;</li>
 * <li>the ceiling: min(P / X, permits ÷ the round trip of one result request) with the
 * round trip at the double's 50 ms, an upper bound (the client's own work and the
 * machine's load add to it); the round trip of a read through the client, measured before
 * and after the batch (median of sequential signed reads), is printed beside it.</li>
 * </ul>
 * A plain {@code main}, not JMH, as the other end-to-end benchmarks on the double: each
 * measurement takes minutes of wall-clock time set by the double's latencies.
 * Then the same batch under throttling and lost answers: the double allows 4 requests at
 * once where the client allows 5 (so requests are refused with 429 and retried), and loses
 * the answer of every 7th write (it runs the write, then resets the connection). Every
 * batch is checked: one result per item, each succeeded with the ID of the record holding
 * that item's name; records duplicated and items lost are counted (0 and 0 expected).
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.BatchWriteBenchmark [batch items] [one-at-a-time items] [rounds]}
 * (defaults 10000, 500, 1).
 *
 * @author NetSuite Spring Boot team
 */
public final class BatchWriteBenchmark {

	private static final int LIMIT = 5;

	private static final Duration READ = Duration.ofMillis(50);

	private static final Duration WRITE = Duration.ofMillis(300);

	private static final int PROCESSORS = 4;

	private static final Duration PER_RECORD = Duration.ofMillis(10);

	private static final int PROBES = 21;

	private BatchWriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int batchItems = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int singleItems = (args.length > 1) ? Integer.parseInt(args[1]) : 500;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 1;
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			NetSuiteClient client = client(netSuite, false);
			// Warm up the JIT, the connections and the double, without the costs
			netSuite.clearData();
			oneAtATime(client, "warm", 200);
			client.records("customer").batch().create(customers("warm-batch", 1_000));
			System.out.printf(Locale.ROOT,
					"limit %d, %d ms a read, %d ms a synchronous create, P = %d processors at X = %d ms a record%n",
					LIMIT, READ.toMillis(), WRITE.toMillis(), PROCESSORS, PER_RECORD.toMillis());
			for (int round = 1; round <= rounds; round++) {
				costs(netSuite);
				double roundTripBefore = roundTripSeconds(netSuite, client);
				netSuite.clearData();
				long start = System.nanoTime();
				oneAtATime(client, "single", singleItems);
				double single = perSecond(singleItems, start);
				Outcome singleOutcome = check(netSuite, "single", singleItems, null);
				netSuite.clearData();
				List<Object> customers = customers("batch", batchItems);
				long requestsBefore = netSuite.requestCount();
				start = System.nanoTime();
				List<RecordBatch.Result> results = client.records("customer").batch().create(customers);
				double batch = perSecond(batchItems, start);
				long requests = netSuite.requestCount() - requestsBefore;
				Outcome batchOutcome = check(netSuite, "batch", batchItems, results);
				double ceiling = ceiling(seconds(READ));
				double roundTripAfter = roundTripSeconds(netSuite, client);
				System.out.printf(Locale.ROOT, "round %d: one at a time (%d threads) %,d items: %.1f items/s (%s)%n",
						round, LIMIT, singleItems, single, singleOutcome);
				System.out.printf(Locale.ROOT, "round %d: batch %,d items: %.1f items/s (%s; %,d requests)%n", round,
						batchItems, batch, batchOutcome, requests);
				System.out.printf(Locale.ROOT,
						"round %d: batch / one at a time %.2fx; ceiling min(P/X = %.0f, %d permits / %d ms = %.0f) = %.0f "
								+ "items/s, batch at %.2f of it; a read through the client took %.1f ms before the "
								+ "batch and %.1f ms after (median of %d), which would make the ceiling %.0f and %.0f%n",
						round, batch / single, PROCESSORS / seconds(PER_RECORD), LIMIT, READ.toMillis(),
						LIMIT / seconds(READ), ceiling, batch / ceiling, roundTripBefore * 1000, roundTripAfter * 1000,
						PROBES, ceiling(roundTripBefore), ceiling(roundTripAfter));
			}
			// Under throttling and lost answers, with the client's adaptive limit as a user has it
			costs(netSuite);
			netSuite.concurrencyLimit(LIMIT - 1).loseAnswers(7);
			netSuite.clearData();
			NetSuiteClient adaptive = client(netSuite, true);
			List<Object> customers = customers("hostile", batchItems);
			long requestsBefore = netSuite.requestCount();
			long start = System.nanoTime();
			List<RecordBatch.Result> results = adaptive.records("customer").batch().create(customers);
			double hostile = perSecond(batchItems, start);
			Outcome outcome = check(netSuite, "hostile", batchItems, results);
			System.out.printf(Locale.ROOT,
					"throttled (double limit %d, client %d) and every 7th write answer lost: batch %,d items: "
							+ "%.1f items/s (%s; %d answers lost, %,d requests)%n",
					LIMIT - 1, LIMIT, batchItems, hostile, outcome, netSuite.lostAnswerCount(),
					netSuite.requestCount() - requestsBefore);
		}
	}

	// min(P / X, permits ÷ the round trip of one result request)
	private static double ceiling(double roundTripSeconds) {
		return Math.min(PROCESSORS / seconds(PER_RECORD), LIMIT / roundTripSeconds);
	}

	private static void costs(NetSuiteDouble netSuite) {
		netSuite.reset();
		netSuite.concurrencyLimit(LIMIT)
			.latency(READ)
			.writeLatency(WRITE)
			.asyncProcessors(PROCESSORS)
			.timePerAsyncRecord(PER_RECORD);
	}

	// The median of sequential signed reads through the client: what one result request costs
	private static double roundTripSeconds(NetSuiteDouble netSuite, NetSuiteClient client) {
		netSuite.records("probe").put(1, Map.of("companyname", "Probe"));
		long[] nanos = new long[PROBES];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			client.record("probe", "1").get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos[nanos.length / 2] / 1e9;
	}

	private static double perSecond(int items, long startNanos) {
		return items / ((System.nanoTime() - startNanos) / 1e9);
	}

	private static void oneAtATime(NetSuiteClient client, String prefix, int items) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(LIMIT);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < LIMIT; t++) {
				futures.add(threads.submit(() -> {
					for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
						client.records("customer").create(customer(prefix, i));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * What the double holds against what was written: each item's record exactly once, and
	 * each result (when given) succeeded with that record's ID.
	 */
	private static Outcome check(NetSuiteDouble netSuite, String prefix, int items,
			@Nullable List<RecordBatch.Result> results) {
		Map<Object, List<Object>> idsByName = new HashMap<>();
		for (Map<String, Object> record : netSuite.records("customer").all()) {
			idsByName.computeIfAbsent(record.get("companyname"), (name) -> new ArrayList<>()).add(record.get("id"));
		}
		int duplicates = 0;
		int lost = 0;
		int wrong = 0;
		for (int i = 0; i < items; i++) {
			List<Object> ids = idsByName.getOrDefault(prefix + "-" + i, List.of());
			duplicates += Math.max(0, ids.size() - 1);
			lost += ids.isEmpty() ? 1 : 0;
			if (results != null) {
				RecordBatch.Result result = (i < results.size()) ? results.get(i) : null;
				boolean right = result != null && result.index() == i && result.succeeded()
						&& ids.size() == 1 && ids.get(0).equals(result.id());
				wrong += right ? 0 : 1;
			}
		}
		if (results != null && results.size() != items) {
			wrong += Math.abs(results.size() - items);
		}
		return new Outcome(duplicates, lost, (results != null) ? wrong : -1);
	}

	private static List<Object> customers(String prefix, int items) {
		List<Object> customers = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			customers.add(customer(prefix, i));
		}
		return customers;
	}

	private static Map<String, Object> customer(String prefix, int i) {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("companyname", prefix + "-" + i);
		customer.put("email", "c" + i + "@example.com");
		return customer;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	// As the auto-configuration builds it, without observation: default retries, the
	// permits of the account's limit, on the JDK's plain HttpURLConnection
	private static NetSuiteClient client(NetSuiteDouble netSuite, boolean adaptive) {
		return NetSuiteAccount.builder(AccountId.of(netSuite.account()))
			.restUrl(URI.create(netSuite.restUrl()))
			.restletUrl(URI.create(netSuite.restUrl()))
			.tba(new TbaCredentials(netSuite.consumerKey(), netSuite.consumerSecret(), netSuite.tokenId(),
					netSuite.tokenSecret()))
			.requestFactory(new SimpleClientHttpRequestFactory())
			.concurrencyLimit(LIMIT, Duration.ofMinutes(1))
			.adaptiveLimit(adaptive)
			.build()
			.client();
	}

	private record Outcome(int duplicates, int lost, int wrongResults) {

		@Override
		public String toString() {
			return duplicates + " duplicated, " + lost + " lost"
					+ ((wrongResults >= 0) ? ", " + wrongResults + " results not the item's record" : "");
		}

	}

}
