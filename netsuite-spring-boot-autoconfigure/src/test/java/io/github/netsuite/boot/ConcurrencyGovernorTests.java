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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link ConcurrencyGovernor}.
 */
class ConcurrencyGovernorTests {

	private final MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET,
			URI.create("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1?secret=x"));

	@Test
	void neverHasMoreThanTheLimitInFlight() throws Exception {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(3, Duration.ofSeconds(10));
		AtomicInteger current = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		ClientHttpRequestExecution slow = (request, body) -> {
			peak.accumulateAndGet(current.incrementAndGet(), Math::max);
			sleep(20);
			current.decrementAndGet();
			return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		};
		ExecutorService executor = Executors.newFixedThreadPool(12);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				futures.add(executor.submit(() -> {
					governor.intercept(this.request, new byte[0], slow).close();
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(peak).hasValue(3);
		assertThat(governor.inFlight()).isZero();
		assertThat(governor.waiting()).isZero();
	}

	@Test
	void holdsThePermitUntilTheResponseIsClosed() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofMillis(50));
		ClientHttpResponse response = governor.intercept(this.request, new byte[0], ok());
		assertThat(governor.inFlight()).isOne();
		assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
			.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()));
		response.close();
		response.close();
		assertThat(governor.inFlight()).isZero();
		governor.intercept(this.request, new byte[0], ok()).close();
	}

	@Test
	void timesOutWithAClearExceptionThatNamesTheSettingsButNotTheQuery() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofMillis(50));
		try (ClientHttpResponse held = governor.intercept(this.request, new byte[0], ok())) {
			assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
				.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()))
				.satisfies((ex) -> {
					assertThat(ex.getPath()).isEqualTo("/services/rest/record/v1/customer/1");
					assertThat(ex.getDetail()).contains("within PT0.05S", "1 requests to the account were in flight");
					assertThat(ex.getHint()).contains("netsuite.concurrency.acquire-timeout",
							"netsuite.concurrency.limit");
				})
				.withMessageNotContaining("secret");
		}
	}

	@Test
	void givesThePermitBackWhenTheRequestFails() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofMillis(50));
		assertThatIOException().isThrownBy(() -> governor.intercept(this.request, new byte[0], (request, body) -> {
			throw new IOException("connection reset");
		}));
		assertThat(governor.inFlight()).isZero();
		governor.intercept(this.request, new byte[0], ok()).close();
	}

	@Test
	void servesWaitersFirstComeFirstServed() throws Exception {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofSeconds(10));
		ClientHttpResponse held = governor.intercept(this.request, new byte[0], ok());
		List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(5);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				int caller = i;
				// Recorded while holding the only permit, so the list is the order of service.
				futures.add(executor.submit(() -> {
					governor.intercept(this.request, new byte[0], (request, body) -> {
						order.add(caller);
						return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
					}).close();
					return null;
				}));
				awaitWaiting(governor, i + 1);
			}
			held.close();
			for (Future<?> future : futures) {
				future.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(order).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void resizesWithoutTakingPermitsFromRequestsInFlight() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofMillis(50));
		ClientHttpResponse first = governor.intercept(this.request, new byte[0], ok());
		governor.resize(2);
		ClientHttpResponse second = governor.intercept(this.request, new byte[0], ok());
		assertThat(governor.inFlight()).isEqualTo(2);
		governor.resize(1);
		first.close();
		assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
			.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()));
		second.close();
		governor.intercept(this.request, new byte[0], ok()).close();
		assertThat(governor.limit()).isOne();
	}

	@Test
	void anAdaptiveLimitShrinksWhenNetSuiteAnswers429() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(8, Duration.ofMillis(50), true, null);
		List<ClientHttpResponse> accepted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			accepted.add(governor.intercept(this.request, new byte[0], ok()));
		}
		governor.intercept(this.request, new byte[0], status(HttpStatus.TOO_MANY_REQUESTS)).close();
		assertThat(governor.limit()).isEqualTo(3);
		assertThat(governor.ceiling()).isEqualTo(8);
		assertThat(governor.throttled()).isOne();
		assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
			.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()));
		accepted.forEach(ClientHttpResponse::close);
	}

	@Test
	void anAdaptiveLimitShrinksWhenARestletAnswersSssRequestLimitExceeded() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(4, Duration.ofMillis(50), true, null);
		List<ClientHttpResponse> accepted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			accepted.add(governor.intercept(this.request, new byte[0], ok()));
		}
		byte[] body = "{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\":\"Request limit exceeded\"}}"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		governor.intercept(this.request, new byte[0], (request, requestBody) -> {
			request.getAttributes()
				.put(io.github.netsuite.boot.NetSuiteRequests.ERROR_ATTRIBUTE,
						io.github.netsuite.boot.NetSuiteError.of(400, new org.springframework.http.HttpHeaders(), body));
			return new MockClientHttpResponse(body, HttpStatus.BAD_REQUEST);
		}).close();
		assertThat(governor.limit()).isEqualTo(3);
		accepted.forEach(ClientHttpResponse::close);
	}

	@Test
	void aFixedLimitIsNotShrunkByThrottling() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(4, Duration.ofMillis(50), false, null);
		governor.intercept(this.request, new byte[0], status(HttpStatus.TOO_MANY_REQUESTS)).close();
		assertThat(governor.limit()).isEqualTo(4);
		assertThat(governor.throttled()).isOne();
	}

	@Test
	void anAdaptiveLimitGrowsBackWhileRequestsQueue() throws Exception {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(2, Duration.ofSeconds(10), true, null);
		governor.intercept(this.request, new byte[0], status(HttpStatus.TOO_MANY_REQUESTS)).close();
		assertThat(governor.limit()).isOne();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(executor.submit(() -> {
					for (int j = 0; j < 20; j++) {
						ClientHttpResponse response = governor.intercept(this.request, new byte[0], ok());
						sleep(1);
						response.close();
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(governor.limit()).isEqualTo(2);
	}

	@Test
	void takesASharedPermitAfterItsOwnAndGivesItBackOnClose() throws IOException {
		InMemorySharedPermits shared = new InMemorySharedPermits(1);
		ConcurrencyGovernor governor = new ConcurrencyGovernor(2, Duration.ofMillis(50), true, shared);
		ClientHttpResponse response = governor.intercept(this.request, new byte[0], ok());
		assertThat(shared.held).isOne();
		assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
			.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()))
			.withMessageContaining("across the instances sharing them through memory");
		assertThat(governor.inFlight()).isOne();
		response.close();
		assertThat(shared.held).isZero();
		governor.intercept(this.request, new byte[0], ok()).close();
	}

	@Test
	void fallsBackToItsOwnPermitsWhenTheSharedOnesCannotBeReached() throws IOException {
		InMemorySharedPermits shared = new InMemorySharedPermits(1);
		shared.unavailable = "down";
		ConcurrencyGovernor governor = new ConcurrencyGovernor(2, Duration.ofMillis(50), true, shared);
		ClientHttpResponse first = governor.intercept(this.request, new byte[0], ok());
		ClientHttpResponse second = governor.intercept(this.request, new byte[0], ok());
		assertThat(governor.inFlight()).isEqualTo(2);
		assertThat(shared.held).isZero();
		assertThatExceptionOfType(NetSuitePermitTimeoutException.class)
			.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()));
		first.close();
		second.close();
	}

	@Test
	void fallsBackToItsOwnPermitWhenTheStoreFailsWhileTakingOne() throws IOException {
		InMemorySharedPermits shared = new InMemorySharedPermits(1);
		shared.failNext = true;
		ConcurrencyGovernor governor = new ConcurrencyGovernor(2, Duration.ofMillis(50), true, shared);
		governor.intercept(this.request, new byte[0], ok()).close();
		assertThat(governor.inFlight()).isZero();
		assertThat(shared.held).isZero();
	}

	@Test
	void waitsForAPermitNoLongerThanTheCallDeadlineAndSaysNothingWasSent() throws IOException {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofSeconds(30));
		this.request.getAttributes()
			.put(NetSuiteRequests.DEADLINE_ATTRIBUTE,
					NetSuiteRequests.Deadline.in(Duration.ofMillis(300), "netsuite.call-timeout"));
		try (ClientHttpResponse held = governor.intercept(this.request, new byte[0], ok())) {
			long start = System.nanoTime();
			assertThatExceptionOfType(NetSuiteTimeoutException.class)
				.isThrownBy(() -> governor.intercept(this.request, new byte[0], ok()))
				.satisfies((ex) -> {
					assertThat(ex.getProperty()).isEqualTo("netsuite.call-timeout");
					assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
					assertThat(ex.mayHaveExecuted()).isFalse();
				})
				.withMessageContaining("netsuite.call-timeout")
				.withMessageNotContaining("secret");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
		assertThat(governor.inFlight()).isZero();
		assertThat(governor.waiting()).isZero();
	}

	@Test
	void refusesWaitersAndNewRequestsOnceClosedAsNeverSent() throws Exception {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(1, Duration.ofSeconds(30));
		AtomicInteger sent = new AtomicInteger();
		ClientHttpRequestExecution counting = (request, body) -> {
			sent.incrementAndGet();
			return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		};
		ClientHttpResponse held = governor.intercept(this.request, new byte[0], counting);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<ClientHttpResponse> waiter = executor
				.submit(() -> governor.intercept(this.request, new byte[0], counting));
			awaitWaiting(governor, 1);
			governor.close();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiter.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(NetSuiteException.class)
				.withMessageContaining("never sent: the application is shutting down");
			assertThatExceptionOfType(NetSuiteException.class)
				.isThrownBy(() -> governor.intercept(this.request, new byte[0], counting))
				.withMessageContaining("never sent");
			assertThat(sent).hasValue(1);
		}
		finally {
			executor.shutdownNow();
			held.close();
		}
	}

	private static ClientHttpRequestExecution status(HttpStatus status) {
		return (request, body) -> new MockClientHttpResponse(new byte[0], status);
	}

	/**
	 * Shared permits of one JVM, as a store would keep them.
	 */
	static final class InMemorySharedPermits implements SharedPermitStore.Permits {

		private final int capacity;

		volatile int held;

		volatile String unavailable;

		volatile boolean failNext;

		InMemorySharedPermits(int capacity) {
			this.capacity = capacity;
		}

		@Override
		public synchronized String acquire(int limit, Duration timeout) {
			if (this.failNext) {
				this.failNext = false;
				throw new SharedPermitStore.UnavailableException("store failed", null);
			}
			if (this.held >= Math.min(limit, this.capacity)) {
				return null;
			}
			this.held++;
			return "lease-" + this.held;
		}

		@Override
		public synchronized void release(String lease) {
			this.held--;
		}

		@Override
		public String unavailable() {
			return this.unavailable;
		}

		@Override
		public String store() {
			return "memory";
		}

	}

	private static ClientHttpRequestExecution ok() {
		return (request, body) -> new MockClientHttpResponse(new byte[0], HttpStatus.OK);
	}

	private static void awaitWaiting(ConcurrencyGovernor governor, int waiting) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (governor.waiting() < waiting && System.nanoTime() < deadline) {
			sleep(1);
		}
		assertThat(governor.waiting()).isEqualTo(waiting);
		// The count goes up just before the caller queues on the permits.
		sleep(50);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
