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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * What the double observed of the requests that reached it: how many are in flight now and
 * at most, how many requests, token requests and lost answers there were, the login audit
 * trail, and the received requests (method, path, and whether each carried credentials,
 * never the credentials themselves). The handler writes it as requests arrive;
 * {@link NetSuiteDouble}'s observation methods read it. The double keeps these itself
 * because WireMock's request journal is off.
 *
 * @author NetSuite Spring Boot team
 */
final class Traffic {

	// The newest entries of the audit trail and of the received requests kept
	private static final int CAPACITY = 10_000;

	private static final Set<String> CLIENT_ASSERTION = Set.of("client_assertion");

	private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("oauth_consumer_key", "oauth_token",
			"oauth_signature", "access_token");

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final AtomicLong requestCount = new AtomicLong();

	private final AtomicLong tokenRequestCount = new AtomicLong();

	private final AtomicLong lostAnswerCount = new AtomicLong();

	// Each guarded by itself: a deque's size is then cheap to keep bounded
	private final ArrayDeque<LoginAttempt> auditTrail = new ArrayDeque<>();

	private final ArrayDeque<ReceivedRequest> received = new ArrayDeque<>();

	// In flight

	/**
	 * Take an in-flight slot unless the limit is reached.
	 * @param limit the concurrency limit, or 0 for none
	 */
	boolean tryEnter(int limit) {
		while (true) {
			int current = this.inFlight.get();
			if (limit > 0 && current >= limit) {
				return false;
			}
			if (this.inFlight.compareAndSet(current, current + 1)) {
				this.maxInFlight.accumulateAndGet(current + 1, Math::max);
				return true;
			}
		}
	}

	void exit() {
		this.inFlight.decrementAndGet();
	}

	int inFlight() {
		return this.inFlight.get();
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	void resetMaxInFlight() {
		this.maxInFlight.set(this.inFlight.get());
	}

	// Counts

	void countRequest() {
		this.requestCount.incrementAndGet();
	}

	void countTokenRequest() {
		this.tokenRequestCount.incrementAndGet();
	}

	void countLostAnswer() {
		this.lostAnswerCount.incrementAndGet();
	}

	long requestCount() {
		return this.requestCount.get();
	}

	long tokenRequestCount() {
		return this.tokenRequestCount.get();
	}

	long lostAnswerCount() {
		return this.lostAnswerCount.get();
	}

	// The login audit trail and the received requests

	void audit(LoginAttempt attempt) {
		addBounded(this.auditTrail, attempt);
	}

	List<LoginAttempt> loginAuditTrail() {
		return snapshot(this.auditTrail);
	}

	void record(Call call) {
		addBounded(this.received, new ReceivedRequest(call.method, call.path, call.header("Authorization") != null,
				hasParameter(call, CLIENT_ASSERTION), hasParameter(call, CREDENTIAL_PARAMETERS)));
	}

	List<ReceivedRequest> receivedRequests() {
		return snapshot(this.received);
	}

	/**
	 * Forget every observation; the in-flight peak starts afresh from the requests in flight
	 * now, which go on.
	 */
	void reset() {
		this.requestCount.set(0);
		this.tokenRequestCount.set(0);
		this.lostAnswerCount.set(0);
		synchronized (this.auditTrail) {
			this.auditTrail.clear();
		}
		synchronized (this.received) {
			this.received.clear();
		}
		resetMaxInFlight();
	}

	private static <T> void addBounded(ArrayDeque<T> entries, T entry) {
		synchronized (entries) {
			entries.addLast(entry);
			if (entries.size() > CAPACITY) {
				entries.pollFirst();
			}
		}
	}

	private static <T> List<T> snapshot(ArrayDeque<T> entries) {
		synchronized (entries) {
			return List.copyOf(entries);
		}
	}

	private static boolean hasParameter(Call call, Set<String> names) {
		return hasParameter(call.rawQuery, names) || hasParameter(call.formBody(), names);
	}

	private static boolean hasParameter(@Nullable String encoded, Set<String> names) {
		if (encoded == null || encoded.isEmpty()) {
			return false;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			try {
				name = URLDecoder.decode(name, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// Judged as sent
			}
			if (names.contains(name.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

}
