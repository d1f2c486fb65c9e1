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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.test.NetSuiteDouble;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * What an idempotent write costs in latency against a plain one: the same create, one
 * caller at a time, synchronously ({@code POST}, 204) and as an idempotent write (an
 * asynchronous {@code POST} with an idempotency key, 202, then polls of the job, its task
 * list, the task and the task's result), against the NetSuite double, interleaved so that
 * both see the same machine. Reports the median and mean of each and their ratio, for a
 * few settings of the double's latency per request, its async delay and the client's
 * poll interval.
 * <p>
 * With {@code lost} as the first argument, issue 16's scenario instead: the double loses
 * every 7th answer of a write (it runs the write, then resets the connection) and allows 2
 * requests at once, the client allows 4, and 60 callers each create one customer at once,
 * plain and then idempotent, in turn. Reports what the callers were told (acknowledged or
 * failed), how many records the double holds, how many of those are duplicates, and the
 * time each round took.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.AsyncWriteLatencyBenchmark [creates per mode]} or
 * {@code … AsyncWriteLatencyBenchmark lost [creates] [rounds]}.
 *
 * @author NetSuite Spring Boot team
 */
public final class AsyncWriteLatencyBenchmark {

	private AsyncWriteLatencyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("lost")) {
			lost((args.length > 1) ? Integer.parseInt(args[1]) : 60, (args.length > 2) ? Integer.parseInt(args[2]) : 3);
			return;
		}
		int creates = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			System.out.printf("%d creates per mode, one at a time, interleaved%n", creates);
			System.out.printf("%-10s %-8s %-10s %14s %14s %14s %14s %8s%n", "latency", "delay", "poll", "sync median",
					"sync mean", "async median", "async mean", "ratio");
			run(netSuite, Duration.ZERO, Duration.ZERO, Duration.ofMillis(200), creates);
			run(netSuite, Duration.ZERO, Duration.ZERO, Duration.ofMillis(10), creates);
			run(netSuite, Duration.ofMillis(20), Duration.ZERO, Duration.ofMillis(10), creates);
			run(netSuite, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(10), creates);
			run(netSuite, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200), creates);
		}
	}

	private static void run(NetSuiteDouble netSuite, Duration latency, Duration delay, Duration poll, int creates) {
		netSuite.reset();
		netSuite.clearData();
		netSuite.latency(latency).asyncDelay(delay);
		NetSuiteClient client = client(netSuite).withAsyncPolling(poll, Duration.ofSeconds(5), Duration.ofMinutes(1));
		Map<String, Object> customer = Map.of("companyname", "Acme", "email", "a@acme.test");
		// Warm up the JIT, the connections and the double
		for (int i = 0; i < 20; i++) {
			client.records("customer").create(customer);
			client.records("customer").exactlyOnce().create(customer);
		}
		long[] sync = new long[creates];
		long[] async = new long[creates];
		for (int i = 0; i < creates; i++) {
			long start = System.nanoTime();
			client.records("customer").create(customer);
			sync[i] = System.nanoTime() - start;
			start = System.nanoTime();
			client.records("customer").exactlyOnce().create(customer);
			async[i] = System.nanoTime() - start;
		}
		double syncMedian = median(sync);
		double asyncMedian = median(async);
		System.out.printf("%-10s %-8s %-10s %11.2f ms %11.2f ms %11.2f ms %11.2f ms %7.1fx%n", latency.toMillis() + " ms",
				delay.toMillis() + " ms", poll.toMillis() + " ms", syncMedian, mean(sync), asyncMedian, mean(async),
				asyncMedian / syncMedian);
	}

	private static void lost(int creates, int rounds) throws Exception {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			System.out.printf("%d concurrent creates, every 7th answer lost, double limit 2, client limit 4%n", creates);
			for (int round = 1; round <= rounds; round++) {
				long plain = lostRound(netSuite, false, creates);
				long idempotent = lostRound(netSuite, true, creates);
				System.out.printf("round %d: idempotent / plain time %.2fx%n", round, (double) idempotent / plain);
			}
		}
	}

	// The round's time in nanoseconds.
	private static long lostRound(NetSuiteDouble netSuite, boolean idempotent, int creates) throws Exception {
		netSuite.reset();
		netSuite.clearData();
		netSuite.latency(Duration.ofMillis(20)).concurrencyLimit(2).loseAnswers(7);
		NetSuiteClient client = client(netSuite, 4).withExactlyOnceWrites(idempotent)
			.withAsyncPolling(Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofMinutes(1));
		ExecutorService callers = Executors.newFixedThreadPool(creates);
		try {
			long start = System.nanoTime();
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < creates; i++) {
				Map<String, Object> customer = Map.of("companyname", "C" + i);
				futures.add(callers.submit(() -> client.records("customer").create(customer)));
			}
			int acknowledged = 0;
			int failed = 0;
			for (Future<String> future : futures) {
				try {
					future.get();
					acknowledged++;
				}
				catch (ExecutionException ex) {
					failed++;
				}
			}
			long elapsed = System.nanoTime() - start;
			List<Map<String, Object>> records = netSuite.records("customer").all();
			Set<Object> names = new HashSet<>();
			long duplicates = records.stream().filter((record) -> !names.add(record.get("companyname"))).count();
			System.out.printf("%-10s: %d acknowledged, %d failed, %d records in NetSuite, %d duplicated, "
					+ "%d answers lost, %.2f s%n", idempotent ? "idempotent" : "plain", acknowledged, failed,
					records.size(), duplicates, netSuite.lostAnswerCount(), elapsed / 1e9);
			return elapsed;
		}
		finally {
			callers.shutdownNow();
		}
	}

	private static NetSuiteClient client(NetSuiteDouble netSuite) {
		return client(netSuite, 5);
	}

	// As the auto-configuration builds it, without observation: the same public path.
	private static NetSuiteClient client(NetSuiteDouble netSuite, int limit) {
		return NetSuiteAccount.builder(AccountId.of(netSuite.account()))
			.restUrl(URI.create(netSuite.restUrl()))
			.restletUrl(URI.create(netSuite.restUrl()))
			.tba(new TbaCredentials(netSuite.consumerKey(), netSuite.consumerSecret(), netSuite.tokenId(),
					netSuite.tokenSecret()))
			.requestFactory(new SimpleClientHttpRequestFactory())
			.concurrencyLimit(limit, Duration.ofSeconds(30))
			.build()
			.client();
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static double mean(long[] nanos) {
		return Arrays.stream(nanos).average().orElse(0) / 1e6;
	}

}
