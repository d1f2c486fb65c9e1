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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.redis.RedisSharedPermitStore;
import io.lettuce.core.ClientOptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How close the concurrency governor lets an application come to the ideal throughput of
 * a NetSuite account: with a limit of N requests in flight and a latency of L per
 * request, at most N / L requests a second. Many more callers than N share one governor
 * and a loopback server that answers each request after L; the benchmark reports the
 * achieved throughput as a fraction of N / L (target: 0.95 or more) and the most requests
 * the server ever had at once (must not exceed N).
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.GovernorThroughputBenchmark [N] [L in ms] [seconds]}.
 * <p>
 * With {@code adaptive} as the first argument, the scenario of a limit set above what
 * NetSuite allows (other integrations use the rest): the governor's ceiling C, a server
 * that answers 429 (CONCURRENCY_LIMIT_EXCEEDED) to each request over its limit N, latency
 * L, many callers, through the retry interceptor with its default settings. Reported for
 * the adaptive limit and, in the same run, for a fixed one: caller errors (retries ran
 * out), the fraction of answers throttled and the throughput as a fraction of N / L.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.GovernorThroughputBenchmark adaptive [C] [N] [L in ms]
 * [callers] [seconds]}.
 * <p>
 * With {@code redis} as the first argument, I instances (each its own governor and
 * {@link RedisSharedPermitStore}, its own connection) share a limit of N through a
 * {@code redis-server} that the benchmark starts on a free port, against a server
 * without a limit of its own; reported with, in the same run, one instance with local
 * permits and the same N: throughput as a fraction of N / L, the most requests the server
 * had at once (must not exceed N), and Redis scripts run per request.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.GovernorThroughputBenchmark redis [I] [N] [L in ms]
 * [callers] [seconds]}.
 *
 * @author NetSuite Spring Boot team
 */
public final class GovernorThroughputBenchmark {

	private GovernorThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("redis")) {
			shared(args);
			return;
		}
		if (args.length > 0 && args[0].equals("adaptive")) {
			throttling(args);
			return;
		}
		int limit = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		Duration latency = Duration.ofMillis((args.length > 1) ? Long.parseLong(args[1]) : 100);
		Duration duration = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 10);
		Result result = run(limit, latency, duration, limit * 4);
		System.out.printf("limit N=%d, latency L=%d ms, callers=%d, %d s%n", limit, latency.toMillis(), limit * 4,
				duration.toSeconds());
		System.out.printf("throughput %.1f req/s, ideal N/L %.1f req/s, fraction %.3f (target >= 0.95)%n",
				result.throughput(), result.ideal(), result.fraction());
		System.out.printf("one request alone takes %.1f ms here; of N/(that) the governor reaches %.3f%n",
				result.roundTrip().toNanos() / 1e6, result.fractionOfMeasured());
		System.out.printf("most requests in flight at the server: %d (limit %d)%n", result.maxInFlight(), limit);
	}

	// An account on the slow server, built as users build one.
	private static NetSuiteAccount.Builder account(SlowServer server) {
		URI url = URI.create("http://127.0.0.1:" + server.port());
		return NetSuiteAccount.builder(AccountId.of("1234567"))
			.restUrl(url)
			.restletUrl(url)
			.tba(new TbaCredentials("ck", "cs", "tk", "ts"))
			.requestFactory(new SimpleClientHttpRequestFactory());
	}

	static Result run(int limit, Duration latency, Duration duration, int callers) throws Exception {
		// Without it the JDK's server writes headers and body in two segments and waits out
		// the client's delayed ACK: some 40 ms a request that no NetSuite would add.
		SlowServer server = SlowServer.start(latency, Integer.MAX_VALUE, callers + 4);
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			RestClient client = account(server).noRetry()
				.concurrencyLimit(limit, Duration.ofMinutes(1))
				.adaptiveLimit(false)
				.build()
				.restClient();
			// Warm up the JIT and the connection pool before measuring.
			measure(executor, client, callers, Duration.ofSeconds(2));
			// What one request really takes here, server and HTTP stack included.
			int sequential = 20;
			long start = System.nanoTime();
			for (int i = 0; i < sequential; i++) {
				client.get().uri("/services/rest/record/v1/customer/1").retrieve().body(String.class);
			}
			Duration roundTrip = Duration.ofNanos((System.nanoTime() - start) / sequential);
			server.resetMaxInFlight();
			long completed = measure(executor, client, callers, duration);
			double throughput = completed / (duration.toNanos() / 1e9);
			double ideal = limit / (latency.toNanos() / 1e9);
			double idealMeasured = limit / (roundTrip.toNanos() / 1e9);
			return new Result(throughput, ideal, throughput / ideal, throughput / idealMeasured, roundTrip,
					server.maxInFlight());
		}
		finally {
			executor.shutdownNow();
			server.close();
		}
	}

	private static long measure(ExecutorService executor, RestClient client, int callers, Duration duration)
			throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong completed = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			futures.add(executor.submit(() -> {
				while (System.nanoTime() < end) {
					client.get().uri("/services/rest/record/v1/customer/1").retrieve().body(String.class);
					if (System.nanoTime() <= end) {
						completed.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		return completed.get();
	}

	private static void throttling(String[] args) throws Exception {
		int ceiling = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int netSuiteLimit = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		Duration latency = Duration.ofMillis((args.length > 3) ? Long.parseLong(args[3]) : 50);
		int callers = (args.length > 4) ? Integer.parseInt(args[4]) : 60;
		Duration duration = Duration.ofSeconds((args.length > 5) ? Long.parseLong(args[5]) : 10);
		System.out.printf("ceiling C=%d, NetSuite's limit N=%d (429 over it), latency L=%d ms, callers=%d, %d s, "
				+ "retry defaults (4 attempts, 500 ms initial back-off)%n", ceiling, netSuiteLimit, latency.toMillis(),
				callers, duration.toSeconds());
		// Twice each, in turn: the adaptive limit, the fixed ceiling, and a fixed limit of
		// exactly N, which needs knowing NetSuite's limit (the reference).
		for (int round = 0; round < 2; round++) {
			report("adaptive", runThrottling(ceiling, netSuiteLimit, latency, duration, callers, true));
			report("fixed C", runThrottling(ceiling, netSuiteLimit, latency, duration, callers, false));
			report("fixed N", runThrottling(netSuiteLimit, netSuiteLimit, latency, duration, callers, false));
		}
	}

	private static void report(String name, Throttling result) {
		System.out.printf(
				"%-8s: %5.1f req/s = %.3f of N/L (%.1f); caller errors %d of %d; throttled %d of %d answers (%.1f %%); "
						+ "limit at the end %d; most in flight at the server %d%n",
				name, result.throughput(), result.throughput() / result.ideal(), result.ideal(), result.errors(),
				result.completed() + result.errors(), result.throttled(), result.answers(),
				100.0 * result.throttled() / result.answers(), result.limit(), result.maxInFlight());
	}

	static Throttling runThrottling(int ceiling, int netSuiteLimit, Duration latency, Duration duration, int callers,
			boolean adaptive) throws Exception {
		SlowServer server = SlowServer.start(latency, netSuiteLimit, callers + 4);
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			NetSuiteAccount account = account(server).concurrencyLimit(ceiling, Duration.ofMinutes(1))
				.adaptiveLimit(adaptive)
				.build();
			NetSuitePermits governor = Objects.requireNonNull(account.permits(), "permits");
			RestClient client = account.restClient();
			AtomicLong errors = new AtomicLong();
			long completed = measureWithErrors(executor, List.of(client), callers, duration, errors);
			double throughput = completed / (duration.toNanos() / 1e9);
			double ideal = netSuiteLimit / (latency.toNanos() / 1e9);
			return new Throttling(throughput, ideal, completed, errors.get(), server.throttled(), server.answers(),
					governor.limit(), server.maxInFlight());
		}
		finally {
			executor.shutdownNow();
			server.close();
		}
	}

	private static void shared(String[] args) throws Exception {
		int instances = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int limit = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		Duration latency = Duration.ofMillis((args.length > 3) ? Long.parseLong(args[3]) : 50);
		int callers = (args.length > 4) ? Integer.parseInt(args[4]) : 60;
		Duration duration = Duration.ofSeconds((args.length > 5) ? Long.parseLong(args[5]) : 10);
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectErrorStream(true)
			.start();
		try {
			Thread.sleep(500);
			System.out.printf("%d instances sharing limit N=%d through Redis, latency L=%d ms, callers=%d, %d s%n",
					instances, limit, latency.toMillis(), callers, duration.toSeconds());
			for (int round = 0; round < 2; round++) {
				reportShared("redis", runShared(port, instances, limit, latency, duration, callers), limit);
				reportShared("local", runShared(-1, 1, limit, latency, duration, callers), limit);
			}
		}
		finally {
			redis.destroy();
		}
	}

	private static void reportShared(String name, Shared result, int limit) {
		System.out.printf("%-6s: %5.1f req/s = %.3f of N/L (%.1f); caller errors %d; most in flight at the server %d "
				+ "(limit %d); Redis scripts per request %.2f%n", name, result.throughput(),
				result.throughput() / result.ideal(), result.ideal(), result.errors(), result.maxInFlight(), limit,
				result.scriptsPerRequest());
	}

	// A negative port: one instance with local permits.
	static Shared runShared(int port, int instances, int limit, Duration latency, Duration duration, int callers)
			throws Exception {
		SlowServer server = SlowServer.start(latency, Integer.MAX_VALUE, callers + 4);
		List<RedisSharedPermitStore> stores = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			List<RestClient> clients = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				NetSuiteAccount.Builder account = account(server).noRetry().concurrencyLimit(limit, Duration.ofMinutes(1));
				if (port > 0) {
					RedisSharedPermitStore store = new RedisSharedPermitStore(connectionFactory(port));
					stores.add(store);
					account.sharedPermits(store, Duration.ofSeconds(30));
					store.start();
				}
				clients.add(account.build().restClient());
			}
			// Warm up before measuring.
			measureWithErrors(executor, clients, callers, Duration.ofSeconds(2), new AtomicLong());
			long scriptsBefore = (port > 0) ? scripts(port) : 0;
			server.resetMaxInFlight();
			AtomicLong errors = new AtomicLong();
			long completed = measureWithErrors(executor, clients, callers, duration, errors);
			long scripts = (port > 0) ? scripts(port) - scriptsBefore : 0;
			double throughput = completed / (duration.toNanos() / 1e9);
			return new Shared(throughput, limit / (latency.toNanos() / 1e9), errors.get(), server.maxInFlight(),
					(completed > 0) ? (double) scripts / completed : 0);
		}
		finally {
			executor.shutdownNow();
			server.close();
			for (RedisSharedPermitStore store : stores) {
				store.destroy();
			}
		}
	}

	// Every caller keeps one request going, on the clients in turn; one that fails after its
	// retries counts as an error.
	private static long measureWithErrors(ExecutorService executor, List<RestClient> clients, int callers,
			Duration duration, AtomicLong errors) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong completed = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			RestClient client = clients.get(i % clients.size());
			futures.add(executor.submit(() -> {
				while (System.nanoTime() < end) {
					try {
						client.get().uri("/services/rest/record/v1/customer/1").retrieve().body(String.class);
						if (System.nanoTime() <= end) {
							completed.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						errors.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		return completed.get();
	}

	private static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder()
					.commandTimeout(Duration.ofSeconds(1))
					.clientOptions(ClientOptions.builder()
						.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
						.build())
					.build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	// Scripts Redis ran so far (EVALSHA, and EVAL where the script was not cached yet).
	private static long scripts(int port) {
		LettuceConnectionFactory factory = connectionFactory(port);
		try (var connection = factory.getConnection()) {
			java.util.Properties stats = connection.serverCommands().info("commandstats");
			long calls = 0;
			for (String name : new String[] { "cmdstat_evalsha", "cmdstat_eval" }) {
				String value = stats.getProperty(name);
				if (value != null) {
					calls += Long.parseLong(value.replaceAll("^calls=(\\d+).*", "$1"));
				}
			}
			return calls;
		}
		finally {
			factory.destroy();
		}
	}

	record Shared(double throughput, double ideal, long errors, int maxInFlight, double scriptsPerRequest) {
	}

	record Throttling(double throughput, double ideal, long completed, long errors, long throttled, long answers,
			int limit, int maxInFlight) {
	}

	/**
	 * A loopback server that answers every request after the latency, like NetSuite
	 * refuses at once (429, taking no slot) what is over its limit, and counts.
	 */
	static final class SlowServer implements AutoCloseable {

		private static final byte[] ANSWER = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

		private static final byte[] REFUSAL = ("{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1\","
				+ "\"title\":\"Bad Request\",\"status\":429,\"o:errorDetails\":[{\"detail\":\"Concurrent request "
				+ "limit exceeded. Request blocked.\",\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}")
			.getBytes(StandardCharsets.UTF_8);

		private final HttpServer server;

		private final ExecutorService threads;

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger maxInFlight = new AtomicInteger();

		private final AtomicLong answers = new AtomicLong();

		private final AtomicLong throttled = new AtomicLong();

		private SlowServer(HttpServer server, ExecutorService threads) {
			this.server = server;
			this.threads = threads;
		}

		static SlowServer start(Duration latency, int limit, int threads) throws IOException {
			// Without it the JDK's server writes headers and body in two segments and waits out
			// the client's delayed ACK: some 40 ms a request that no NetSuite would add.
			System.setProperty("sun.net.httpserver.nodelay", "true");
			HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			SlowServer server = new SlowServer(http, Executors.newFixedThreadPool(threads));
			http.setExecutor(server.threads);
			http.createContext("/", (exchange) -> {
				server.answers.incrementAndGet();
				int now = server.inFlight.incrementAndGet();
				if (now > limit) {
					server.inFlight.decrementAndGet();
					server.throttled.incrementAndGet();
					exchange.getResponseHeaders().set("Content-Type", "application/vnd.oracle.resource+json");
					exchange.sendResponseHeaders(429, REFUSAL.length);
					exchange.getResponseBody().write(REFUSAL);
					exchange.close();
					return;
				}
				server.maxInFlight.accumulateAndGet(now, Math::max);
				try {
					Thread.sleep(latency.toMillis());
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, ANSWER.length);
					exchange.getResponseBody().write(ANSWER);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					server.inFlight.decrementAndGet();
					exchange.close();
				}
			});
			http.start();
			return server;
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		int maxInFlight() {
			return this.maxInFlight.get();
		}

		void resetMaxInFlight() {
			this.maxInFlight.set(0);
		}

		long answers() {
			return this.answers.get();
		}

		long throttled() {
			return this.throttled.get();
		}

		@Override
		public void close() {
			this.server.stop(0);
			// Otherwise their threads keep the JVM from exiting.
			this.threads.shutdownNow();
		}

	}

	record Result(double throughput, double ideal, double fraction, double fractionOfMeasured, Duration roundTrip,
			int maxInFlight) {
	}

}
