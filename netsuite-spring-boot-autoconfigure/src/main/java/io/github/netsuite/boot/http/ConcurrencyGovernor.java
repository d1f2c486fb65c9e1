package io.github.netsuite.boot.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.netsuite.boot.NetSuitePermitTimeoutException;
import io.github.netsuite.boot.NetSuitePermits;

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
 * bounded by the acquire timeout.
 *
 * @author NetSuite Spring Boot team
 */
public final class ConcurrencyGovernor implements ClientHttpRequestInterceptor, NetSuitePermits {

	private final ResizableSemaphore permits;

	private final Duration acquireTimeout;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger waiting = new AtomicInteger();

	private volatile int limit;

	/**
	 * Create a governor.
	 * @param limit the most requests in flight at once
	 * @param acquireTimeout the longest a request waits for a permit
	 */
	public ConcurrencyGovernor(int limit, Duration acquireTimeout) {
		Assert.isTrue(limit > 0, "'limit' must be positive");
		this.permits = new ResizableSemaphore(limit);
		this.limit = limit;
		this.acquireTimeout = acquireTimeout;
	}

	/**
	 * Return the most requests in flight at once.
	 * @return the limit
	 */
	@Override
	public int limit() {
		return this.limit;
	}

	/**
	 * Change the limit, for instance to what NetSuite reports for the integration.
	 * Requests in flight keep their permits.
	 * @param newLimit the new limit
	 */
	public synchronized void resize(int newLimit) {
		Assert.isTrue(newLimit > 0, "'newLimit' must be positive");
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
		acquire(request);
		this.inFlight.incrementAndGet();
		try {
			return new PermitReleasingResponse(execution.execute(request, body), this::release);
		}
		catch (IOException | RuntimeException | Error ex) {
			release();
			throw ex;
		}
	}

	private void acquire(HttpRequest request) throws InterruptedIOException {
		this.waiting.incrementAndGet();
		try {
			if (!this.permits.tryAcquire(this.acquireTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new NetSuitePermitTimeoutException(request.getMethod().name(), request.getURI().getRawPath(),
						"No permit to send the request came free within " + this.acquireTimeout + ": " + this.limit
								+ " requests to the account were in flight and " + (this.waiting.get() - 1)
								+ " others waiting",
						"Raise netsuite.concurrency.acquire-timeout, or netsuite.concurrency.limit if the account's "
								+ "concurrency limit allows");
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

	private void release() {
		this.inFlight.decrementAndGet();
		this.permits.release();
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
