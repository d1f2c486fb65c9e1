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
package io.github.netsuite.boot.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrency limit and the in-flight peak, with truly parallel requests.
 */
class ConcurrencyTests {

	private static final int CALLERS = 20;

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
		netSuite.clearData();
	}

	/**
	 * Send one request per caller, all released at once.
	 */
	private static List<HttpResponse<String>> sendInParallel(IntFunction<HttpRequest> requests) throws Exception {
		List<HttpRequest> signed = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			signed.add(requests.apply(i));
		}
		ExecutorService executor = Executors.newFixedThreadPool(CALLERS);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (HttpRequest request : signed) {
				futures.add(executor.submit(() -> {
					go.await();
					return SignedRequest.send(request);
				}));
			}
			go.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void refusesRequestsBeyondTheLimitWith429AndNeverExceedsIt() throws Exception {
		netSuite.concurrencyLimit(3).latency(Duration.ofMillis(300));
		List<HttpResponse<String>> responses = sendInParallel(
				(i) -> SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/serverTime").build());
		List<HttpResponse<String>> refused = responses.stream().filter((r) -> r.statusCode() == 429).toList();
		assertThat(refused).isNotEmpty();
		assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).isIn(200, 429));
		assertThat(errorCode(refused.get(0))).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
		assertThat(json(refused.get(0)).get("title").asText()).isEqualTo("Too Many Requests");
		assertThat(json(refused.get(0)).at("/o:errorDetails/0/detail").asText()).isEqualTo("Concurrent request limit exceeded. Request blocked.");
		assertThat(netSuite.maxInFlight()).isEqualTo(3);
	}

	@Test
	void refusedRequestsAreNotExecuted() throws Exception {
		netSuite.concurrencyLimit(3).latency(Duration.ofMillis(300));
		List<HttpResponse<String>> responses = sendInParallel((i) -> SignedRequest
			.to(netSuite, "POST", "/services/rest/record/v1/customer")
			.json("{\"companyname\":\"Caller " + i + "\"}")
			.build());
		long created = responses.stream().filter((r) -> r.statusCode() == 204).count();
		long refused = responses.stream().filter((r) -> r.statusCode() == 429).count();
		assertThat(refused).isPositive();
		assertThat(created + refused).isEqualTo(CALLERS);
		assertThat(netSuite.records("customer").size()).isEqualTo((int) created);
	}

	@Test
	void refusesRestletsBeyondTheLimitWith400() throws Exception {
		netSuite.concurrencyLimit(2).latency(Duration.ofMillis(300));
		List<HttpResponse<String>> responses = sendInParallel(
				(i) -> SignedRequest.to(netSuite, "GET", "/app/site/hosting/restlet.nl?script=6&deploy=1").build());
		List<HttpResponse<String>> refused = responses.stream().filter((r) -> r.statusCode() == 400).toList();
		assertThat(refused).isNotEmpty();
		assertThat(json(refused.get(0)).at("/error/code").asText()).isEqualTo("SSS_REQUEST_LIMIT_EXCEEDED");
	}

	@Test
	void maxInFlightReportsTheRealPeak() throws Exception {
		netSuite.latency(Duration.ofMillis(1000));
		List<HttpResponse<String>> responses = sendInParallel(
				(i) -> SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/serverTime").build());
		assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).isEqualTo(200));
		assertThat(netSuite.maxInFlight()).isEqualTo(CALLERS);
	}

	@Test
	void sequentialRequestsNeverCountAsConcurrent() {
		netSuite.concurrencyLimit(1);
		for (int i = 0; i < 20; i++) {
			assertThat(SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/serverTime").send().statusCode())
				.isEqualTo(200);
		}
		assertThat(netSuite.maxInFlight()).isEqualTo(1);
	}

}
