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

import org.springframework.util.Assert;

/**
 * The limit of requests in flight that NetSuite accepts now, learned the way TCP learns a
 * congestion window (additive increase, multiplicative decrease): a throttled answer is a
 * loss and shrinks the limit by a quarter, at most once per round trip, so that the burst
 * of answers one overload throttles counts once (though they tell how far over it was);
 * each answer NetSuite accepted while
 * requests queued for a permit grows it by a small step. The limit stays within
 * {@code [1, ceiling]}.
 * <p>
 * The growth step is a tenth of a permit per round trip at the limit: above what NetSuite
 * allows, each probe costs one throttled answer per some ten round trips, and recovering
 * from 1 to 8 takes some 280 accepted answers.
 *
 * @author NetSuite Spring Boot team
 */
final class AdaptiveLimit {

	static final double BACKOFF = 0.75;

	// Accepted answers per permit of the limit that grow it by one.
	static final int ROUNDS_PER_STEP = 10;

	private int ceiling;

	private double estimate;

	private long lastDecrease;

	private boolean decreased;

	// Of the overload that caused the last decrease: requests in flight, and throttled.
	private int overloadInFlight;

	private int overloadThrottled;

	AdaptiveLimit(int ceiling) {
		Assert.isTrue(ceiling > 0, "'ceiling' must be positive");
		this.ceiling = ceiling;
		this.estimate = ceiling;
	}

	/**
	 * Return the limit in force.
	 * @return the limit, within {@code [1, ceiling]}
	 */
	synchronized int limit() {
		// The steps add up to whole permits but for rounding.
		return (int) Math.floor(this.estimate + 1e-9);
	}

	synchronized int ceiling() {
		return this.ceiling;
	}

	/**
	 * Start over from a new ceiling, which is also the new limit.
	 * @param newCeiling the ceiling
	 */
	synchronized void reset(int newCeiling) {
		Assert.isTrue(newCeiling > 0, "'newCeiling' must be positive");
		this.ceiling = newCeiling;
		this.estimate = newCeiling;
		this.decreased = false;
	}

	/**
	 * NetSuite throttled a request. The first throttled answer of an overload shrinks the
	 * limit by a quarter; the overload's further answers (requests that went on the wire
	 * before that decrease) tell how far over NetSuite's limit it was: of the W requests
	 * in flight when it began, at most W minus the throttled ones were accepted.
	 * @param sentAt when the throttled attempt went on the wire ({@link System#nanoTime()})
	 * @param now the time now ({@link System#nanoTime()})
	 * @param inFlight the requests in flight now, the throttled one included
	 * @return the limit in force
	 */
	synchronized int throttled(long sentAt, long now, int inFlight) {
		if (!this.decreased || sentAt - this.lastDecrease > 0) {
			this.estimate = Math.max(1, Math.floor(limit() * BACKOFF));
			this.lastDecrease = now;
			this.decreased = true;
			this.overloadInFlight = inFlight;
			this.overloadThrottled = 1;
		}
		else {
			this.overloadThrottled++;
		}
		this.estimate = Math.max(1, Math.min(this.estimate, this.overloadInFlight - this.overloadThrottled));
		return limit();
	}

	/**
	 * NetSuite accepted a request: grow the limit if others were waiting for a permit,
	 * that is, if a larger limit would have been used.
	 * @param demand whether requests were waiting for a permit
	 * @return the limit in force
	 */
	synchronized int accepted(boolean demand) {
		if (demand && this.estimate < this.ceiling) {
			this.estimate = Math.min(this.ceiling, this.estimate + 1.0 / (ROUNDS_PER_STEP * limit()));
		}
		return limit();
	}

}
