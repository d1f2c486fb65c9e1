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

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The double's faults of NetSuite's own making: login refused (role disabled, invalid login,
 * the TBA feature off), throttling at a concurrency limit, added latency, injected failures,
 * lost write answers, a revoked M2M certificate, a token endpoint that is down, and a skewed
 * clock; with them the costs of work (the async delay, a synchronous write's latency, the
 * async processors and their time per record), which {@link NetSuiteDouble#reset()} puts
 * back too. The
 * switches are {@link NetSuiteDouble}'s; their state and the decisions they make are kept
 * here. The faults of networks and proxies are {@link HostileAnswers}'.
 *
 * @author NetSuite Spring Boot team
 */
final class Faults {

	private static final int DEFAULT_FAILURE_STATUS = 503;

	// Unconfirmed: NetSuite scales its REST async processors with SuiteCloud Plus licences
	// and publishes no number; 4 runs items truly in parallel (so that order-dependent
	// clients show) and stays below a developer account's concurrency limit of 5
	static final int DEFAULT_ASYNC_PROCESSORS = 4;

	private volatile boolean roleDisabled;

	private volatile boolean invalidLogin;

	private volatile boolean tbaFeatureDisabled;

	private volatile int concurrencyLimit;

	private volatile Duration latency = Duration.ZERO;

	private volatile Duration suiteQlPageLatency = Duration.ZERO;

	private volatile Duration clockSkew = Duration.ZERO;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus = DEFAULT_FAILURE_STATUS;

	private volatile int loseAnswersEvery;

	private final AtomicLong writeCount = new AtomicLong();

	private volatile boolean certificateRevoked;

	private volatile boolean tokenEndpointDown;

	private volatile Duration asyncDelay = Duration.ZERO;

	// Null: writes take the latency of every request
	private volatile @Nullable Duration writeLatency;

	private volatile int asyncProcessors = DEFAULT_ASYNC_PROCESSORS;

	private volatile Duration timePerAsyncRecord = Duration.ZERO;

	// Switches

	void roleDisabled(boolean disabled) {
		this.roleDisabled = disabled;
	}

	void invalidLogin(boolean invalid) {
		this.invalidLogin = invalid;
	}

	void tbaFeatureDisabled(boolean disabled) {
		this.tbaFeatureDisabled = disabled;
	}

	void concurrencyLimit(int limit) {
		this.concurrencyLimit = Math.max(limit, 0);
	}

	void latency(@Nullable Duration latency) {
		this.latency = orZero(latency);
	}

	void suiteQlPageLatency(@Nullable Duration latency) {
		this.suiteQlPageLatency = orZero(latency);
	}

	void clockSkew(@Nullable Duration skew) {
		// Either way: behind is as much a fault as ahead
		this.clockSkew = (skew != null) ? skew : Duration.ZERO;
	}

	void failNext(int k, int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("The status must be an error status (400-599), not " + status);
		}
		this.failureStatus = status;
		this.failuresLeft.set(Math.max(k, 0));
	}

	void loseAnswers(int n) {
		this.loseAnswersEvery = Math.max(n, 0);
		this.writeCount.set(0);
	}

	void certificateRevoked(boolean revoked) {
		this.certificateRevoked = revoked;
	}

	void tokenEndpointDown(boolean down) {
		this.tokenEndpointDown = down;
	}

	void asyncDelay(@Nullable Duration delay) {
		this.asyncDelay = orZero(delay);
	}

	void writeLatency(@Nullable Duration latency) {
		this.writeLatency = (latency != null) ? orZero(latency) : null;
	}

	void asyncProcessors(int processors) {
		if (processors < 1) {
			throw new IllegalArgumentException("There must be at least one async processor, not " + processors);
		}
		this.asyncProcessors = processors;
	}

	void timePerAsyncRecord(@Nullable Duration time) {
		this.timePerAsyncRecord = orZero(time);
	}

	/**
	 * Switch every fault off, the async delay and the time per async record to none, writes
	 * back to the latency of every request and the async processors to their default number.
	 */
	void reset() {
		this.roleDisabled = false;
		this.invalidLogin = false;
		this.tbaFeatureDisabled = false;
		this.concurrencyLimit = 0;
		this.latency = Duration.ZERO;
		this.suiteQlPageLatency = Duration.ZERO;
		this.clockSkew = Duration.ZERO;
		this.failuresLeft.set(0);
		this.loseAnswersEvery = 0;
		this.writeCount.set(0);
		this.certificateRevoked = false;
		this.tokenEndpointDown = false;
		this.asyncDelay = Duration.ZERO;
		this.writeLatency = null;
		this.asyncProcessors = DEFAULT_ASYNC_PROCESSORS;
		this.timePerAsyncRecord = Duration.ZERO;
	}

	// State, as the endpoints read it

	/**
	 * The double's clock: the machine's, moved by the clock skew.
	 */
	Instant now() {
		return Instant.now().plus(this.clockSkew);
	}

	boolean isRoleDisabled() {
		return this.roleDisabled;
	}

	boolean isInvalidLogin() {
		return this.invalidLogin;
	}

	boolean isTbaFeatureDisabled() {
		return this.tbaFeatureDisabled;
	}

	/**
	 * The concurrency limit, or 0 for none.
	 */
	int concurrencyLimit() {
		return this.concurrencyLimit;
	}

	/**
	 * The latency of a request: a synchronous write's own, when set, else every request's.
	 */
	Duration latency(boolean synchronousWrite) {
		Duration write = this.writeLatency;
		return (synchronousWrite && write != null) ? write : this.latency;
	}

	Duration suiteQlPageLatency() {
		return this.suiteQlPageLatency;
	}

	boolean isCertificateRevoked() {
		return this.certificateRevoked;
	}

	boolean isTokenEndpointDown() {
		return this.tokenEndpointDown;
	}

	Duration asyncDelay() {
		return this.asyncDelay;
	}

	int asyncProcessors() {
		return this.asyncProcessors;
	}

	Duration timePerAsyncRecord() {
		return this.timePerAsyncRecord;
	}

	// Decisions, one per request

	/**
	 * The status to fail this request with, or 0 when it should not fail.
	 */
	int takeFailure() {
		int before = this.failuresLeft.getAndUpdate((left) -> (left > 0) ? left - 1 : 0);
		return (before > 0) ? this.failureStatus : 0;
	}

	/**
	 * Whether this executed write's answer is to be lost.
	 */
	boolean takeLostAnswer() {
		int every = this.loseAnswersEvery;
		return every > 0 && this.writeCount.incrementAndGet() % every == 0;
	}

	private static Duration orZero(@Nullable Duration duration) {
		return (duration != null && !duration.isNegative()) ? duration : Duration.ZERO;
	}

}
