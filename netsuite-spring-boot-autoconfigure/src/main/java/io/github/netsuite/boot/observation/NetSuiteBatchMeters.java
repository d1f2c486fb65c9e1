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
package io.github.netsuite.boot.observation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.netsuite.boot.RecordBatchListener;
import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;

/**
 * Counts the items of batch writes ({@code netsuite.batch.items.submitted},
 * {@code netsuite.batch.items.succeeded}, {@code netsuite.batch.items.failed}) and gauges
 * their jobs in flight ({@code netsuite.batch.jobs.in-flight}), tagged with each account's
 * realm and the record type.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteBatchMeters implements RecordBatchListener {

	/**
	 * Name of the counter of items NetSuite accepted in batch requests.
	 */
	static final String SUBMITTED = "netsuite.batch.items.submitted";

	/**
	 * Name of the counter of batch items written.
	 */
	static final String SUCCEEDED = "netsuite.batch.items.succeeded";

	/**
	 * Name of the counter of batch items that failed or whose outcome is unknown.
	 */
	static final String FAILED = "netsuite.batch.items.failed";

	/**
	 * Name of the gauge of batch jobs accepted whose results are not all read yet.
	 */
	static final String IN_FLIGHT = "netsuite.batch.jobs.in-flight";

	private static final String TYPE = "netsuite.record.type";

	private final MeterRegistry registry;

	// A handful of accounts and record types: their meters are looked up, not registered, per request.
	private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

	/**
	 * Create the meters.
	 * @param registry the registry the meters go to
	 */
	NetSuiteBatchMeters(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void submitted(AccountId account, String type, int items) {
		Meters meters = meters(account, type);
		meters.submitted.increment(items);
		meters.inFlight.incrementAndGet();
	}

	@Override
	public void finished(AccountId account, String type, boolean accepted, int succeeded, int failed) {
		Meters meters = meters(account, type);
		meters.succeeded.increment(succeeded);
		meters.failed.increment(failed);
		if (accepted) {
			meters.inFlight.decrementAndGet();
		}
	}

	private Meters meters(AccountId account, String type) {
		return this.meters.computeIfAbsent(new Key(account.realm(), type), this::register);
	}

	private Meters register(Key key) {
		AtomicInteger inFlight = new AtomicInteger();
		Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
			.description("Batch jobs NetSuite accepted whose items' results are not all read yet")
			.baseUnit("jobs")
			.tag(ACCOUNT.asString(), key.realm())
			.tag(TYPE, key.type())
			.strongReference(true)
			.register(this.registry);
		return new Meters(counter(SUBMITTED, "Batch items NetSuite accepted", key),
				counter(SUCCEEDED, "Batch items written", key),
				counter(FAILED, "Batch items that failed or whose outcome is unknown", key), inFlight);
	}

	private Counter counter(String name, String description, Key key) {
		return Counter.builder(name)
			.description(description)
			.baseUnit("items")
			.tag(ACCOUNT.asString(), key.realm())
			.tag(TYPE, key.type())
			.register(this.registry);
	}

	private record Key(String realm, String type) {

	}

	private record Meters(Counter submitted, Counter succeeded, Counter failed, AtomicInteger inFlight) {

	}

}
