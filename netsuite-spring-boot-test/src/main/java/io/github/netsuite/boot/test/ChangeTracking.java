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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the double does for change feeds: whether it stamps records with {@code datecreated} and
 * {@code lastmodifieddate} and records removals in {@code deletedrecord}, in which time zone the
 * account's user reads datetimes, and the clock changes are stamped with and {@code SYSDATE}
 * answers. Off until a test turns it on, so records seeded by other tests keep exactly their
 * fields.
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeTracking {

	static final String DELETED_RECORD = "deletedrecord";

	private final Supplier<Instant> machineClock;

	private volatile @Nullable ZoneId zone;

	// Set by tests that move the clock; null follows the machine's clock
	private volatile @Nullable Instant fixedNow;

	ChangeTracking(Supplier<Instant> machineClock) {
		this.machineClock = machineClock;
	}

	synchronized void start(ZoneId zone) {
		this.zone = zone;
	}

	synchronized void stop() {
		this.zone = null;
		this.fixedNow = null;
	}

	boolean isOn() {
		return this.zone != null;
	}

	ZoneId zone() {
		ZoneId zone = this.zone;
		return (zone != null) ? zone : ZoneOffset.UTC;
	}

	synchronized void time(Instant now) {
		this.fixedNow = now;
	}

	synchronized void advance(Duration duration) {
		this.fixedNow = now().plus(duration);
	}

	Instant now() {
		Instant fixed = this.fixedNow;
		return (fixed != null) ? fixed : this.machineClock.get();
	}

	/**
	 * The time a change made now is stamped with: NetSuite keeps whole minutes.
	 */
	Instant stamp() {
		return now().truncatedTo(ChronoUnit.MINUTES);
	}

}
