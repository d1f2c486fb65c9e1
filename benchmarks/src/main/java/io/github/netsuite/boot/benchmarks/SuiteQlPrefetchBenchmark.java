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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.SuiteQlQuery;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.test.NetSuiteDouble;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * A bulk SuiteQL read with pages fetched ahead against one page at a time, in one run:
 * the NetSuite double serves a table with a latency per page (NetSuite takes one to
 * several seconds for a page of 1,000 rows) and refuses requests over the account's
 * concurrency limit; the client has the same limit in its governor. Each round reads the
 * whole table with {@code prefetch(0)}, with the default (as many pages ahead as the
 * permits allow, issue 24) and with 3 ahead (the default before issue 24), in turn, and
 * checks that every read gives the same rows in the same order. Target: the default at
 * least 4.5 times faster than 0 at a limit of 5 (3.5 with 3 ahead).
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.SuiteQlPrefetchBenchmark [rows] [ms per page] [limit] [rounds]}
 * (defaults 50000, 200, 5, 2).
 *
 * @author NetSuite Spring Boot team
 */
public final class SuiteQlPrefetchBenchmark {

	private static final String QUERY = "SELECT id, companyname, email FROM customer ORDER BY id";

	private static final int[] PREFETCH = { 0, NetSuiteClient.DEFAULT_SUITEQL_PREFETCH_PAGES, 3 };

	private static final String[] NAMES = { "0", "default", "3" };

	private SuiteQlPrefetchBenchmark() {
	}

	public static void main(String[] args) {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		Duration pageLatency = Duration.ofMillis((args.length > 1) ? Long.parseLong(args[1]) : 200);
		int limit = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			netSuite.table("customer", rows, SuiteQlPrefetchBenchmark::customer);
			netSuite.concurrencyLimit(limit);
			// One account, so one set of permits, for every prefetch.
			NetSuiteClient client = client(netSuite, limit);
			System.out.printf(Locale.ROOT, "%,d rows, pages of 1,000, %d ms per page, concurrency limit %d%n", rows,
					pageLatency.toMillis(), limit);
			List<Map<String, Object>> baseline = null;
			// Warm-up reads without latency, each setting three times, so that the first timed reads do not
			// pay for class loading and compilation
			for (int i = 0; i < 3; i++) {
				for (int prefetch : PREFETCH) {
					client.suiteql(QUERY).prefetch(prefetch).stream().count();
				}
			}
			netSuite.suiteQlPageLatency(pageLatency);
			double[][] seconds = new double[rounds][PREFETCH.length];
			for (int round = 0; round < rounds; round++) {
				for (int i = 0; i < PREFETCH.length; i++) {
					long requestsBefore = netSuite.requestCount();
					netSuite.resetMaxInFlight();
					long start = System.nanoTime();
					// The default as an application gets it: no prefetch(n) on the query
					SuiteQlQuery query = (PREFETCH[i] == NetSuiteClient.DEFAULT_SUITEQL_PREFETCH_PAGES)
							? client.suiteql(QUERY) : client.suiteql(QUERY).prefetch(PREFETCH[i]);
					List<Map<String, Object>> read = query.stream().toList();
					seconds[round][i] = (System.nanoTime() - start) / 1e9;
					if (baseline == null) {
						baseline = read;
					}
					boolean same = read.equals(baseline) && read.size() == rows && inIdOrder(read);
					System.out.printf(Locale.ROOT,
							"round %d prefetch %-7s: %6.2f s, %d requests, at most %d in flight, rows %s%n", round + 1,
							NAMES[i], seconds[round][i], netSuite.requestCount() - requestsBefore,
							netSuite.maxInFlight(), same ? "identical and in order" : "DIFFERENT");
					if (!same) {
						throw new IllegalStateException("Prefetch " + NAMES[i] + " read different rows");
					}
				}
			}
			double[][] ratios = new double[PREFETCH.length][rounds];
			for (int round = 0; round < rounds; round++) {
				StringBuilder line = new StringBuilder("round " + (round + 1) + " speed-up against prefetch 0:");
				for (int i = 1; i < PREFETCH.length; i++) {
					ratios[i][round] = seconds[round][0] / seconds[round][i];
					line.append(String.format(Locale.ROOT, "  %s: %.2fx", NAMES[i], ratios[i][round]));
				}
				System.out.println(line);
			}
			StringBuilder line = new StringBuilder("median speed-up against prefetch 0:");
			for (int i = 1; i < PREFETCH.length; i++) {
				double[] sorted = ratios[i].clone();
				Arrays.sort(sorted);
				double median = (rounds % 2 == 1) ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
				line.append(String.format(Locale.ROOT, "  %s: %.2fx", NAMES[i], median));
			}
			System.out.println(line);
		}
	}

	// As the auto-configuration builds it, without retry: the permit, error reading and
	// signing, on the JDK's plain HttpURLConnection.
	private static NetSuiteClient client(NetSuiteDouble netSuite, int limit) {
		return NetSuiteAccount.builder(AccountId.of(netSuite.account()))
			.restUrl(URI.create(netSuite.restUrl()))
			.restletUrl(URI.create(netSuite.restUrl()))
			.tba(new TbaCredentials(netSuite.consumerKey(), netSuite.consumerSecret(), netSuite.tokenId(),
					netSuite.tokenSecret()))
			.requestFactory(new SimpleClientHttpRequestFactory())
			.noRetry()
			.concurrencyLimit(limit, Duration.ofMinutes(1))
			.adaptiveLimit(false)
			.build()
			.client();
	}

	private static boolean inIdOrder(List<Map<String, Object>> rows) {
		for (int i = 0; i < rows.size(); i++) {
			if (!String.valueOf(i + 1).equals(rows.get(i).get("id"))) {
				return false;
			}
		}
		return true;
	}

	static Map<String, Object> customer(int i) {
		int id = i + 1;
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("id", String.valueOf(id));
		customer.put("companyname", "Customer " + id);
		customer.put("email", "customer" + id + "@example.com");
		return customer;
	}

}
