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
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * Retries NetSuite requests where a repeat cannot do harm, with exponential back-off and
 * full jitter, bounded by a number of attempts and a total time.
 * <ul>
 * <li>Throttling (REST 429, RESTlet {@code SSS_REQUEST_LIMIT_EXCEEDED}) is retried for
 * every request: NetSuite did not execute it.</li>
 * <li>502, 503 and 504 are retried only for requests that are
 * {@linkplain NetSuiteRequests#isIdempotent safe to repeat}: REST {@code GET}, {@code PUT},
 * {@code DELETE}, {@code OPTIONS}, SuiteQL queries and RESTlet {@code GET}s. A create, a
 * {@code PATCH} or a RESTlet {@code POST} that may have reached NetSuite is never repeated,
 * so no record is created twice.</li>
 * <li>Connection failures before the request was sent are retried for every request.</li>
 * <li>A request that carries an {@linkplain NetSuiteRequests#idempotencyKey idempotency key}
 * (an asynchronous write NetSuite executes at most once per key) is also retried when its
 * answer was lost: any 5xx, a read timeout or a connection reset after sending. The
 * repeat carries the same key, so NetSuite answers {@code IDEMPOTENCY_ERROR} with the
 * original job instead of executing it again.</li>
 * </ul>
 * No back-off waits past the call's {@linkplain NetSuiteRequests#deadline deadline}.
 * Every attempt passes through the interceptors further in again, so it is signed afresh.
 * A {@code Retry-After} header is honoured when NetSuite sends one.
 *
 * @author NetSuite Spring Boot team
 */
final class RetryInterceptor implements ClientHttpRequestInterceptor {

	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(502, 503, 504);

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final Duration maxElapsed;

	/**
	 * Create a retry interceptor.
	 * @param maxAttempts the most attempts per request, the first included
	 * @param initialBackoff the back-off ceiling before the second attempt; it doubles
	 * for each further attempt
	 * @param maxBackoff the largest back-off ceiling
	 * @param maxElapsed the longest time from the first attempt after which no further
	 * attempt starts
	 */
	RetryInterceptor(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
		Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxElapsed = maxElapsed;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		long deadline = System.nanoTime() + this.maxElapsed.toNanos();
		NetSuiteRequests.Deadline callDeadline = NetSuiteRequests.deadline(request);
		if (callDeadline != null && callDeadline.nanoTime() - deadline < 0) {
			// Never back off past the call's deadline.
			deadline = callDeadline.nanoTime();
		}
		for (int attempt = 1;; attempt++) {
			request.getAttributes().put(NetSuiteRequests.ATTEMPT_ATTRIBUTE, attempt);
			ClientHttpResponse response;
			try {
				response = execution.execute(request, body);
			}
			catch (NetSuiteTimeoutException ex) {
				// An attempt that ran out of time may have been executed: only a write with an
				// idempotency key is repeated, as for a lost answer.
				boolean repeatable = NetSuiteAnswerGuard.ATTEMPT_TIMEOUT_PROPERTY.equals(ex.getProperty())
						&& NetSuiteRequests.idempotencyKey(request) != null;
				if (attempt < this.maxAttempts && repeatable && waitFor(backoff(attempt), deadline)) {
					continue;
				}
				throw ex;
			}
			catch (IOException ex) {
				boolean repeatable = isConnectFailure(ex)
						|| (NetSuiteRequests.idempotencyKey(request) != null && !Thread.currentThread().isInterrupted());
				if (attempt < this.maxAttempts && repeatable && waitFor(backoff(attempt), deadline)) {
					continue;
				}
				throw ex;
			}
			int status = response.getStatusCode().value();
			NetSuiteError error = NetSuiteRequests.error(request);
			boolean throttled = status == 429 || (error != null && error.isThrottled());
			boolean retryable = throttled
					|| (RETRYABLE_STATUSES.contains(status) && NetSuiteRequests.isIdempotent(request))
					|| (status >= 500 && NetSuiteRequests.idempotencyKey(request) != null);
			if (!retryable || attempt >= this.maxAttempts) {
				return response;
			}
			Duration wait = retryAfter(response.getHeaders());
			if (wait == null) {
				wait = backoff(attempt);
			}
			if (System.nanoTime() + wait.toNanos() - deadline > 0) {
				return response;
			}
			response.close();
			waitFor(wait, deadline);
		}
	}

	private Duration backoff(int attempt) {
		long ceiling = Math.min(this.maxBackoff.toNanos(),
				this.initialBackoff.toNanos() << Math.min(attempt - 1, 30));
		return Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(ceiling, 1)));
	}

	private static boolean waitFor(Duration wait, long deadline) throws InterruptedIOException {
		if (System.nanoTime() + wait.toNanos() - deadline > 0) {
			return false;
		}
		try {
			Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while backing off before retrying a NetSuite request");
		}
	}

	// Failures that happen before a byte of the request left: nothing reached NetSuite.
	private static boolean isConnectFailure(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof HttpConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

}
