package io.github.netsuite.boot.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteErrorDecoder;
import io.github.netsuite.boot.NetSuiteRequests;
import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.github.netsuite.boot.http.ConcurrencyGovernor;
import io.github.netsuite.boot.http.NetSuiteAuthenticationInterceptor;
import io.github.netsuite.boot.http.NetSuiteAuthenticationRenewalInterceptor;
import io.github.netsuite.boot.http.NetSuiteErrorInterceptor;
import io.github.netsuite.boot.http.RetryInterceptor;
import io.github.netsuite.boot.http.TbaAuthentication;
import io.github.netsuite.boot.test.NetSuiteDouble;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What an idempotent write costs in latency against a plain one: the same create, one
 * caller at a time, synchronously ({@code POST}, 204) and as an idempotent write (an
 * asynchronous {@code POST} with an idempotency key, 202, then polls of the job, its task
 * list, the task and the task's result), against the NetSuite double, interleaved so that
 * both see the same machine. Reports the median and mean of each and their ratio, for a
 * few settings of the double's latency per request, its async delay and the client's
 * poll interval.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.AsyncWriteLatencyBenchmark [creates per mode]}.
 *
 * @author NetSuite Spring Boot team
 */
public final class AsyncWriteLatencyBenchmark {

	private AsyncWriteLatencyBenchmark() {
	}

	public static void main(String[] args) {
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
			client.records("customer").idempotent().create(customer);
		}
		long[] sync = new long[creates];
		long[] async = new long[creates];
		for (int i = 0; i < creates; i++) {
			long start = System.nanoTime();
			client.records("customer").create(customer);
			sync[i] = System.nanoTime() - start;
			start = System.nanoTime();
			client.records("customer").idempotent().create(customer);
			async[i] = System.nanoTime() - start;
		}
		double syncMedian = median(sync);
		double asyncMedian = median(async);
		System.out.printf("%-10s %-8s %-10s %11.2f ms %11.2f ms %11.2f ms %11.2f ms %7.1fx%n", latency.toMillis() + " ms",
				delay.toMillis() + " ms", poll.toMillis() + " ms", syncMedian, mean(sync), asyncMedian, mean(async),
				asyncMedian / syncMedian);
	}

	// The chain NetSuiteAccountFactory builds, outermost first, without observation.
	private static NetSuiteClient client(NetSuiteDouble netSuite) {
		AccountId account = AccountId.of(netSuite.account());
		TbaSigner signer = new TbaSigner(account, new TbaCredentials(netSuite.consumerKey(), netSuite.consumerSecret(),
				netSuite.tokenId(), netSuite.tokenSecret()));
		TbaAuthentication authentication = new TbaAuthentication(signer);
		NetSuiteErrorDecoder errors = new NetSuiteErrorDecoder(authentication);
		RestClient rest = RestClient.builder()
			.baseUrl(netSuite.restUrl())
			.requestFactory(new SimpleClientHttpRequestFactory())
			.requestInterceptor(new RetryInterceptor(4, Duration.ofMillis(500), Duration.ofSeconds(10),
					Duration.ofSeconds(60)))
			.requestInterceptor(new NetSuiteAuthenticationRenewalInterceptor(authentication))
			.requestInterceptor(new ConcurrencyGovernor(5, Duration.ofSeconds(30)))
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.defaultRequest((request) -> request.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST))
			.defaultStatusHandler(NetSuiteErrorDecoder.IS_ERROR, errors)
			.build();
		return new NetSuiteClient(account, rest, rest, JsonMapper.builder().build(), errors, SuiteQlPageListener.NONE);
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
