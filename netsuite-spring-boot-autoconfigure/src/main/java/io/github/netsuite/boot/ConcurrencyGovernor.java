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
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * Keeps the application's requests to one NetSuite account, REST and RESTlets together,
 * within a number in flight at once. NetSuite refuses requests over the account's
 * concurrency limit; waiting here for a permit is cheaper than being refused.
 * <p>
 * A permit is taken when a request goes on the wire and given back when its response is
 * closed, so a retry's back-off holds none. Waiting is first come, first served, and
 * bounded by the acquire timeout and by the call's {@linkplain NetSuiteRequests#deadline
 * deadline}, whichever comes first. Once {@linkplain #close() closed}, at shutdown, it
 * refuses the requests still waiting.
 * <p>
 * Adaptive, the limit learns what NetSuite accepts now ({@link AdaptiveLimit}): the
 * account's limit is shared with every other integration on it, so the configured limit
 * is only a ceiling. A throttled answer (REST 429, RESTlet
 * {@code SSS_REQUEST_LIMIT_EXCEEDED}) shrinks it, answers accepted while requests queue
 * grow it back. The retry interceptor sits outside: a throttled attempt gives its permit
 * back and its retry queues for a new one under the smaller limit.
 * <p>
 * With {@link SharedPermitStore.Permits shared permits}, a request also takes one of the
 * permits that every instance shares, after one of this instance's own; when the store cannot be reached, the
 * instance's own permits alone limit it until the store answers again.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
final class ConcurrencyGovernor implements ClientHttpRequestInterceptor, NetSuitePermits, AutoCloseable {

	private final ResizableSemaphore permits;

	private final Duration acquireTimeout;

	private final AdaptiveLimit adaptiveLimit;

	private final boolean adaptive;

	private final SharedPermitStore.@Nullable Permits shared;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicLong throttled = new AtomicLong();

	private volatile int limit;

	private volatile boolean closed;

	/**
	 * Create a governor with a fixed limit and the instance's own permits.
	 * @param limit the most requests in flight at once
	 * @param acquireTimeout the longest a request waits for a permit
	 */
	ConcurrencyGovernor(int limit, Duration acquireTimeout) {
		this(limit, acquireTimeout, false, null);
	}

	/**
	 * Create a governor.
	 * @param limit the most requests in flight at once; the ceiling when adaptive
	 * @param acquireTimeout the longest a request waits for a permit
	 * @param adaptive whether the limit learns from throttled answers
	 * @param shared the permits that all instances share, or {@code null} for the
	 * instance's own only
	 */
	ConcurrencyGovernor(int limit, Duration acquireTimeout, boolean adaptive,
			SharedPermitStore.@Nullable Permits shared) {
		Assert.isTrue(limit > 0, "'limit' must be positive");
		this.permits = new ResizableSemaphore(limit);
		this.adaptiveLimit = new AdaptiveLimit(limit);
		this.adaptive = adaptive;
		this.shared = shared;
		this.limit = limit;
		this.acquireTimeout = acquireTimeout;
	}

	/**
	 * Return the most requests in flight at once now: when adaptive, what the governor
	 * learned NetSuite accepts, never above the {@linkplain #ceiling() ceiling}.
	 * @return the limit in force
	 */
	@Override
	public int limit() {
		return this.limit;
	}

	/**
	 * Return the configured limit (or the one NetSuite's governance limits gave), above
	 * which an adaptive limit never grows.
	 * @return the ceiling
	 */
	int ceiling() {
		return this.adaptiveLimit.ceiling();
	}

	/**
	 * Return whether the limit learns from throttled answers.
	 * @return whether adaptive
	 */
	boolean isAdaptive() {
		return this.adaptive;
	}

	/**
	 * Return the permits shared by every instance, if any.
	 * @return the shared permits, or {@code null}
	 */
	SharedPermitStore.@Nullable Permits sharedPermits() {
		return this.shared;
	}

	/**
	 * Describe where the permits live, when every instance shares them: the store's name,
	 * or {@code local (fallback)} with since when and why while the store cannot be
	 * reached.
	 * @return {@code concurrencyStore} and {@code concurrencyStoreFallback}, or nothing
	 * without shared permits
	 */
	@Override
	public Map<String, Object> details() {
		SharedPermitStore.Permits shared = this.shared;
		if (shared == null) {
			return Map.of();
		}
		String unavailable = shared.unavailable();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("concurrencyStore", (unavailable != null) ? "local (fallback)" : shared.store());
		if (unavailable != null) {
			details.put("concurrencyStoreFallback", unavailable);
		}
		return details;
	}

	/**
	 * Return how many answers NetSuite throttled since the governor was created.
	 * @return the throttled answers
	 */
	long throttled() {
		return this.throttled.get();
	}

	/**
	 * Change the limit, for instance to what NetSuite reports for the integration. It is
	 * the new ceiling, and an adaptive limit starts over from it. Requests in flight keep
	 * their permits.
	 * @param newLimit the new limit
	 */
	@Override
	public synchronized void resize(int newLimit) {
		Assert.isTrue(newLimit > 0, "'newLimit' must be positive");
		this.adaptiveLimit.reset(newLimit);
		apply(newLimit);
	}

	@Override
	public String description() {
		return "concurrency limit " + ceiling() + (this.adaptive ? " (adaptive)" : " (fixed)") + ", permits "
				+ ((this.shared != null) ? "in redis" : "local");
	}

	// Reads the limit again under the lock, so that an older change never wins over a newer.
	private synchronized void applyLearnedLimit() {
		apply(this.adaptiveLimit.limit());
	}

	private void apply(int newLimit) {
		int delta = newLimit - this.limit;
		if (delta > 0) {
			this.permits.release(delta);
		}
		else if (delta < 0) {
			this.permits.reduce(-delta);
		}
		this.limit = newLimit;
	}

	/**
	 * Return how many requests are on the wire now.
	 * @return the requests in flight
	 */
	@Override
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Return how many requests wait for a permit now.
	 * @return the waiting requests
	 */
	@Override
	public int waiting() {
		return this.waiting.get();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String lease = acquire(request);
		this.inFlight.incrementAndGet();
		long sentAt = System.nanoTime();
		ClientHttpResponse response;
		boolean throttledAnswer;
		try {
			response = execution.execute(request, body);
			throttledAnswer = isThrottled(request, response);
		}
		catch (IOException | RuntimeException | Error ex) {
			release(lease, false);
			throw ex;
		}
		if (throttledAnswer) {
			// At once, not when the response is closed: the requests queued next see the smaller limit.
			this.throttled.incrementAndGet();
			if (this.adaptive
					&& this.adaptiveLimit.throttled(sentAt, System.nanoTime(), this.inFlight.get()) != this.limit) {
				applyLearnedLimit();
			}
		}
		return new PermitReleasingResponse(response, () -> release(lease, !throttledAnswer));
	}

	private static boolean isThrottled(HttpRequest request, ClientHttpResponse response) throws IOException {
		if (response.getStatusCode().value() == 429) {
			return true;
		}
		NetSuiteError error = NetSuiteRequests.error(request);
		return error != null && error.isThrottled();
	}

	// This instance's permit first (first come, first served), then a shared one, if any;
	// never past the call's deadline.
	private @Nullable String acquire(HttpRequest request) throws InterruptedIOException {
		long now = System.nanoTime();
		long deadline = now + this.acquireTimeout.toNanos();
		NetSuiteRequests.Deadline call = NetSuiteRequests.deadline(request);
		NetSuiteRequests.Deadline callDeadline = null;
		if (call != null && call.nanoTime() - deadline < 0) {
			deadline = call.nanoTime();
			callDeadline = call;
		}
		this.waiting.incrementAndGet();
		try {
			checkOpen(request);
			if (!this.permits.tryAcquire(Math.max(deadline - now, 0), TimeUnit.NANOSECONDS)) {
				throw timeout(request, "", callDeadline);
			}
			try {
				checkOpen(request);
				return acquireShared(request, deadline, callDeadline);
			}
			catch (RuntimeException | InterruptedException ex) {
				this.permits.release();
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for a NetSuite concurrency permit");
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	private void checkOpen(HttpRequest request) {
		if (this.closed) {
			String method = request.getMethod().name();
			String path = request.getURI().getRawPath();
			throw new NetSuiteException(0, null,
					method + " " + path + " was never sent: the application is shutting down", method, path, null);
		}
	}

	// Null when the instance's own permit is all there is to take.
	private @Nullable String acquireShared(HttpRequest request, long deadline,
			NetSuiteRequests.@Nullable Deadline callDeadline) throws InterruptedException {
		SharedPermitStore.Permits shared = this.shared;
		if (shared == null || shared.unavailable() != null) {
			return null;
		}
		try {
			String lease = shared.acquire(this.limit, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
			if (lease == null) {
				throw timeout(request, " across the instances sharing them through " + shared.store(), callDeadline);
			}
			return lease;
		}
		catch (SharedPermitStore.UnavailableException ex) {
			// The store logged it once; the instance's own permit carries the request.
			return null;
		}
	}

	// The call's deadline, when it came first, is named rather than the acquire timeout.
	private NetSuiteException timeout(HttpRequest request, String where,
			NetSuiteRequests.@Nullable Deadline callDeadline) {
		String method = request.getMethod().name();
		String path = request.getURI().getRawPath();
		String state = this.limit + " requests to the account were in flight" + where + " and "
				+ (this.waiting.get() - 1) + " others waiting here";
		if (callDeadline != null) {
			return new NetSuiteTimeoutException(callDeadline.timeout(), callDeadline.property(), false, method, path,
					"no permit to send it came free in time: " + state, null);
		}
		return new NetSuitePermitTimeoutException(method, path,
				"No permit to send the request came free within " + this.acquireTimeout + ": " + state,
				"Raise netsuite.concurrency.acquire-timeout, or netsuite.concurrency.limit if the account's "
						+ "concurrency limit allows");
	}

	/**
	 * Refuse every request that waits for a permit or asks for one from now on, saying
	 * that it was never sent: at shutdown, rather than let queued requests run on a
	 * client being closed. Requests in flight are not touched.
	 */
	@Override
	public void close() {
		this.closed = true;
		// Wakes every waiter; each finds the governor closed.
		this.permits.release(Integer.MAX_VALUE / 2);
	}

	private void release(@Nullable String lease, boolean accepted) {
		this.inFlight.decrementAndGet();
		if (lease != null) {
			SharedPermitStore.Permits shared = this.shared;
			Assert.state(shared != null, "A lease without shared permits");
			shared.release(lease);
		}
		this.permits.release();
		if (accepted && this.adaptive && this.adaptiveLimit.accepted(this.waiting.get() > 0) != this.limit) {
			applyLearnedLimit();
		}
	}

	private static final class ResizableSemaphore extends Semaphore {

		ResizableSemaphore(int permits) {
			super(permits, true);
		}

		void reduce(int reduction) {
			reducePermits(reduction);
		}

	}

	/**
	 * Gives the permit back once, when the response is closed.
	 */
	private static final class PermitReleasingResponse extends ClientHttpResponseDecorator {

		private final Runnable release;

		private final AtomicBoolean released = new AtomicBoolean();

		PermitReleasingResponse(ClientHttpResponse response, Runnable release) {
			super(response);
			this.release = release;
		}

		@Override
		public void close() {
			try {
				super.close();
			}
			finally {
				if (this.released.compareAndSet(false, true)) {
					this.release.run();
				}
			}
		}

	}

}
