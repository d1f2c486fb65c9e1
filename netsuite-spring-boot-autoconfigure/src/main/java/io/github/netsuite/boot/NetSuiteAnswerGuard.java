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
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * {@link ClientHttpRequestInterceptor} next to the wire that holds every attempt to what a
 * hostile network cannot stretch:
 * <ul>
 * <li>a redirect (3xx) is never an answer: it becomes a {@link NetSuiteRedirectException}
 * naming only the scheme, host and port it pointed to (the request factories are built not
 * to follow one);</li>
 * <li>an attempt ends by its deadline, the earlier of {@code netsuite.attempt-timeout}
 * from its start and the call's {@linkplain NetSuiteRequests#deadline deadline}, however
 * slowly its body drips: a shared watchdog aborts the body's connection, and the reader
 * gets a {@link NetSuiteTimeoutException};</li>
 * <li>a body longer than {@code netsuite.max-answer-size} fails with a
 * {@link NetSuiteUnreadableAnswerException} ({@code TOO_LARGE}) and its connection is
 * aborted;</li>
 * <li>a body closed before its end aborts its connection instead of draining it, so that
 * no pooled connection keeps unread data.</li>
 * </ul>
 * With Apache HttpClient and {@link HttpComponentsAttemptAbort} in its exec chain, the
 * watchdog also ends an attempt still waiting for its answer's headers; with other
 * clients, headers are bounded by {@code netsuite.read-timeout} per read, and an answer
 * whose headers come after the deadline is refused. With {@code HttpURLConnection}, whose
 * stream cannot be aborted from another thread without blocking its reader, a body is
 * ended at its next read after the deadline (within {@code netsuite.read-timeout}).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
final class NetSuiteAnswerGuard implements ClientHttpRequestInterceptor {

	static final String ATTEMPT_TIMEOUT_PROPERTY = "netsuite.attempt-timeout";

	private static final boolean APACHE_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", NetSuiteAnswerGuard.class.getClassLoader());

	// What a body closed before its end may still read, and for how long, to find its end
	// (a parser stops at the closing brace, before the stream says so).
	private static final int CLOSE_DRAIN_BYTES = 16 * 1024;

	private static final String SIMPLE_RESPONSE = "org.springframework.http.client.SimpleClientHttpResponse";

	private static final long CLOSE_DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	// The attempt the calling thread is in, for a client that can abort while headers are awaited.
	private static final ThreadLocal<@Nullable Attempt> current = new ThreadLocal<>();

	private final Duration attemptTimeout;

	private final long maxAnswerBytes;

	private final DataSize maxAnswerSize;

	/**
	 * Create a guard.
	 * @param attemptTimeout the longest time for one attempt, headers and body
	 * @param maxAnswerSize the largest body read
	 */
	NetSuiteAnswerGuard(Duration attemptTimeout, DataSize maxAnswerSize) {
		Assert.isTrue(!attemptTimeout.isNegative() && !attemptTimeout.isZero(), "'attemptTimeout' must be positive");
		Assert.isTrue(maxAnswerSize.toBytes() > 0, "'maxAnswerSize' must be positive");
		this.attemptTimeout = attemptTimeout;
		this.maxAnswerSize = maxAnswerSize;
		this.maxAnswerBytes = maxAnswerSize.toBytes();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Attempt attempt = new Attempt(request, this.attemptTimeout);
		if (attempt.remainingNanos() <= 0) {
			throw attempt.timeout(false, null);
		}
		attempt.arm();
		ClientHttpResponse response;
		current.set(attempt);
		try {
			response = execution.execute(request, body);
		}
		catch (IOException ex) {
			attempt.disarm();
			if (attempt.expired()) {
				throw attempt.timeout(true, ex);
			}
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			attempt.disarm();
			throw ex;
		}
		finally {
			current.remove();
		}
		GuardedResponse guarded = new GuardedResponse(response, attempt, this.maxAnswerBytes, this.maxAnswerSize);
		if (!attempt.watch(guarded)) {
			// Headers after the deadline: the body would come later still.
			guarded.abortAndClose();
			throw attempt.timeout(true, null);
		}
		int status = response.getStatusCode().value();
		if (status >= 300 && status < 400) {
			String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
			guarded.abortAndClose();
			throw new NetSuiteRedirectException(status, request.getURI(), location, request.getMethod().name(),
					request.getURI().getRawPath(), redirectHint(request));
		}
		return guarded;
	}

	/**
	 * Give the watchdog a way to end the calling thread's attempt by closing its
	 * connection, while it waits for the answer's headers or reads its body (Apache
	 * HttpClient's, on the thread that runs the request).
	 * @param abort closes the attempt's connection at once
	 */
	static void onConnectionAbort(Runnable abort) {
		Attempt attempt = current.get();
		if (attempt != null) {
			attempt.connectionAbort = abort;
		}
	}

	// As the property is written: 32MB rather than 33554432B.
	static String size(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + "MB";
		}
		return (bytes % 1024 == 0) ? size.toKilobytes() + "KB" : bytes + "B";
	}

	private static String redirectHint(HttpRequest request) {
		String property = switch (NetSuiteRequests.api(request)) {
			case NetSuiteRequests.TOKEN -> "netsuite.oauth2.token-url";
			case NetSuiteRequests.RESTLET -> "netsuite.restlet-url";
			default -> "netsuite.rest-url";
		};
		return "check " + property + ", and any proxy or captive portal on the way; nothing was sent to that host";
	}

	/**
	 * One attempt's deadline and the watchdog's alarm for it.
	 */
	private static final class Attempt {

		private final HttpRequest request;

		private final long deadline;

		private final Duration timeout;

		private final String property;

		private final AtomicBoolean expired = new AtomicBoolean();

		private volatile @Nullable ScheduledFuture<?> alarm;

		private volatile @Nullable GuardedResponse response;

		private volatile @Nullable Runnable connectionAbort;

		Attempt(HttpRequest request, Duration attemptTimeout) {
			this.request = request;
			long deadline = System.nanoTime() + attemptTimeout.toNanos();
			Duration timeout = attemptTimeout;
			String property = ATTEMPT_TIMEOUT_PROPERTY;
			NetSuiteRequests.Deadline call = NetSuiteRequests.deadline(request);
			if (call != null && call.nanoTime() - deadline < 0) {
				deadline = call.nanoTime();
				timeout = call.timeout();
				property = call.property();
			}
			this.deadline = deadline;
			this.timeout = timeout;
			this.property = property;
		}

		long remainingNanos() {
			return this.deadline - System.nanoTime();
		}

		void arm() {
			this.alarm = Watchdog.schedule(this::expire, Math.max(remainingNanos(), 0));
		}

		void disarm() {
			ScheduledFuture<?> alarm = this.alarm;
			if (alarm != null) {
				alarm.cancel(false);
			}
		}

		boolean expired() {
			return this.expired.get();
		}

		// False when the deadline passed before the answer's headers came.
		boolean watch(GuardedResponse response) {
			this.response = response;
			return !this.expired.get();
		}

		// On the watchdog's thread: the reader's next or blocked read fails.
		private void expire() {
			if (this.expired.compareAndSet(false, true)) {
				GuardedResponse response = this.response;
				Runnable connectionAbort = this.connectionAbort;
				if (response != null) {
					Watchdog.abort(response::abortFromWatchdog);
				}
				else if (connectionAbort != null) {
					Watchdog.abort(connectionAbort);
				}
			}
		}

		NetSuiteTimeoutException timeout(boolean sent, @Nullable Throwable cause) {
			String hint = ATTEMPT_TIMEOUT_PROPERTY.equals(this.property)
					? "the answer did not complete in time; raise " + ATTEMPT_TIMEOUT_PROPERTY
							+ " if NetSuite's answers are this slow"
					: null;
			return new NetSuiteTimeoutException(this.timeout, this.property, sent, this.request.getMethod().name(),
					this.request.getURI().getRawPath(), hint, cause);
		}

	}

	/**
	 * A response whose body is counted, bounded by the attempt's deadline, and aborted
	 * rather than drained when closed before its end.
	 */
	private static final class GuardedResponse extends ClientHttpResponseDecorator {

		private final Attempt attempt;

		private final long maxBytes;

		private final DataSize maxSize;

		private final AtomicBoolean closed = new AtomicBoolean();

		private final Object bodyMonitor = new Object();

		private @Nullable InputStream raw;

		private @Nullable GuardedStream body;

		private volatile boolean ended;

		private final boolean simple;

		GuardedResponse(ClientHttpResponse response, Attempt attempt, long maxBytes, DataSize maxSize) {
			super(response);
			this.simple = response.getClass().getName().equals(SIMPLE_RESPONSE);
			this.attempt = attempt;
			this.maxBytes = maxBytes;
			this.maxSize = maxSize;
		}

		@Override
		public InputStream getBody() throws IOException {
			synchronized (this.bodyMonitor) {
				GuardedStream body = this.body;
				if (body == null) {
					body = new GuardedStream(raw());
					this.body = body;
				}
				return body;
			}
		}

		private InputStream raw() throws IOException {
			synchronized (this.bodyMonitor) {
				InputStream raw = this.raw;
				if (raw == null) {
					raw = getDelegate().getBody();
					this.raw = raw;
				}
				return raw;
			}
		}

		// Closes the connection under the body, so that a read blocked on it fails at once.
		// Apache HttpClient's own way first: a compressed body wraps the stream it could
		// abort, and closing the wrapper would read the rest of the body instead.
		void abort() {
			Runnable connectionAbort = this.attempt.connectionAbort;
			if (connectionAbort != null) {
				try {
					connectionAbort.run();
					return;
				}
				catch (RuntimeException ex) {
					// Falls back to the body's own abort
				}
			}
			try {
				InputStream raw = raw();
				if (!(APACHE_PRESENT && Apache.abort(raw))) {
					raw.close();
				}
			}
			catch (IOException | RuntimeException ex) {
				// Aborting a connection that already failed
			}
		}

		void abortAndClose() {
			this.attempt.disarm();
			if (this.closed.compareAndSet(false, true)) {
				abort();
				closeDelegate(true);
			}
		}

		// On the watchdog's side. HttpURLConnection's stream, closed while another thread
		// reads it, hands the rest to the JDK's keep-alive cleaner, which holds the stream's
		// lock, and so the reader, until the body ends: its reader is left to find the
		// deadline passed on its next read (within netsuite.read-timeout).
		void abortFromWatchdog() {
			if (!this.simple) {
				abort();
			}
		}

		private void closeDelegate(boolean aborted) {
			// Spring's HttpURLConnection response would drain the rest; its own close() was
			// enough: the JDK reads a small remainder in the background, else closes the socket.
			if (aborted && this.simple) {
				return;
			}
			try {
				getDelegate().close();
			}
			catch (RuntimeException ex) {
				// Some factories' close() reads the rest and fails on a stream already aborted.
			}
		}

		@Override
		public void close() {
			if (!this.closed.compareAndSet(false, true)) {
				return;
			}
			boolean aborted = false;
			try {
				if (!this.ended && hasBodyLeft()) {
					aborted = true;
					if (this.simple || this.attempt.expired()) {
						abort();
					}
					else {
						finishOrAbort();
					}
				}
			}
			finally {
				this.attempt.disarm();
				closeDelegate(aborted);
			}
		}

		private boolean hasBodyLeft() {
			if (this.body != null) {
				return true;
			}
			HttpHeaders headers = getHeaders();
			return headers.getContentLength() != 0;
		}

		// Reads a little to find the body's end, briefly: a parser that stopped at the
		// closing brace leaves only the end of the stream; anything more is abandoned.
		private void finishOrAbort() {
			ScheduledFuture<?> cut = Watchdog.schedule(() -> Watchdog.abort(this::abort), CLOSE_DRAIN_NANOS);
			boolean finished = false;
			try {
				InputStream raw = raw();
				byte[] scratch = new byte[1024];
				int left = CLOSE_DRAIN_BYTES;
				int read;
				while (left > 0 && (read = raw.read(scratch, 0, Math.min(scratch.length, left))) != -1) {
					left -= read;
				}
				finished = left > 0;
			}
			catch (IOException | RuntimeException ex) {
				// Cut, or failed on its own: abort below
			}
			finally {
				cut.cancel(false);
			}
			if (!finished || cut.isDone() && !cut.isCancelled()) {
				abort();
			}
		}

		private RuntimeException tooLarge() {
			HttpRequest request = this.attempt.request;
			int status;
			try {
				status = getStatusCode().value();
			}
			catch (IOException ex) {
				status = 0;
			}
			String contentType = getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
			return new NetSuiteUnreadableAnswerException(NetSuiteUnreadableAnswerException.Reason.TOO_LARGE, status,
					contentType, !NetSuiteRequests.isIdempotent(request), request.getMethod().name(),
					request.getURI().getRawPath(), "the answer passed " + size(this.maxSize)
							+ ", the limit netsuite.max-answer-size sets; its connection was closed");
		}

		/**
		 * The body as the caller reads it.
		 */
		private final class GuardedStream extends InputStream {

			private final InputStream raw;

			private long count;

			GuardedStream(InputStream raw) {
				this.raw = raw;
			}

			private final byte[] one = new byte[1];

			@Override
			public int read() throws IOException {
				int read = read(this.one, 0, 1);
				return (read == -1) ? -1 : (this.one[0] & 0xFF);
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				Attempt attempt = GuardedResponse.this.attempt;
				if (attempt.expired()) {
					throw attempt.timeout(true, null);
				}
				// One byte past the limit tells a body of exactly the limit from a longer one.
				long allowed = GuardedResponse.this.maxBytes - this.count + 1;
				int read;
				try {
					read = this.raw.read(buffer, offset, (int) Math.min(length, allowed));
				}
				catch (IOException ex) {
					if (attempt.expired()) {
						throw attempt.timeout(true, ex);
					}
					throw ex;
				}
				catch (RuntimeException ex) {
					// A decompressing stream whose connection was cut fails unchecked
					// ("Inflater has been closed"): an answer that ended, never an untyped error.
					if (attempt.expired()) {
						throw attempt.timeout(true, ex);
					}
					throw new IOException("The answer's body failed: " + ex.getClass().getSimpleName(), ex);
				}
				// An aborted stream may end rather than fail: never a short body for a whole one.
				if (attempt.expired()) {
					throw attempt.timeout(true, null);
				}
				if (read == -1) {
					GuardedResponse.this.ended = true;
					attempt.disarm();
					return -1;
				}
				this.count += read;
				if (this.count > GuardedResponse.this.maxBytes) {
					abortAndClose();
					throw tooLarge();
				}
				return read;
			}

			@Override
			public int available() throws IOException {
				return this.raw.available();
			}

			@Override
			public void close() {
				GuardedResponse.this.close();
			}

		}

	}

	/**
	 * The one daemon thread that times every attempt, and the threads that abort them
	 * (closing some factories' streams waits for a read in progress).
	 */
	private static final class Watchdog {

		private static final ScheduledThreadPoolExecutor timer;

		private static final ExecutorService aborts = Executors.newCachedThreadPool(daemon("netsuite-abort"));

		static {
			timer = new ScheduledThreadPoolExecutor(1, daemon("netsuite-watchdog"));
			timer.setRemoveOnCancelPolicy(true);
		}

		static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
			return timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}

		static void abort(Runnable abort) {
			aborts.execute(abort);
		}

		private static ThreadFactory daemon(String name) {
			return (runnable) -> {
				Thread thread = new Thread(runnable, name);
				thread.setDaemon(true);
				return thread;
			};
		}

	}

	/**
	 * Apache HttpClient's abort, kept apart so that its classes load only when present.
	 */
	private static final class Apache {

		// Closes the connection at once, where close() would read the rest of the body.
		static boolean abort(InputStream body) throws IOException {
			if (body instanceof EofSensorInputStream sensor) {
				sensor.abort();
				return true;
			}
			return false;
		}

	}

}
