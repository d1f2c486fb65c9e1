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
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;

/**
 * {@link MeterObservationHandler} for the {@code netsuite.requests} observations: the
 * {@code netsuite.requests} timer, tagged with the observation's low cardinality key values
 * and {@code error} as Micrometer's {@link DefaultMeterObservationHandler} tags it, and the
 * counters of retries ({@code netsuite.retries}: every attempt after the first) and of
 * NetSuite's throttling ({@code netsuite.throttled}: REST 429 or
 * {@code CONCURRENCY_LIMIT_EXCEEDED}, RESTlet {@code SSS_REQUEST_LIMIT_EXCEEDED}), tagged
 * with the account realm and the API.
 * <p>
 * It stands in for the default handler on NetSuite's observations, which sit on every
 * request: it makes no long task timer (the {@code netsuite.requests.in-flight} gauge tells
 * what is on the wire) and keeps the timers it made rather than building and looking up a
 * meter per request. Register it before the default handler in a
 * {@link FirstMatchingCompositeObservationHandler}, as Spring Boot does for every
 * {@link MeterObservationHandler} bean, so that one timer records each attempt.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteMeterObservationHandler implements MeterObservationHandler<NetSuiteRequestContext> {

	/**
	 * Name of the counter of retried attempts.
	 */
	static final String RETRIES = "netsuite.retries";

	/**
	 * Name of the counter of attempts NetSuite refused for its concurrency limit.
	 */
	static final String THROTTLED = "netsuite.throttled";

	static final String RETRIES_DESCRIPTION = "Request attempts after the first (retries), each signed afresh";

	static final String THROTTLED_DESCRIPTION = "Request attempts NetSuite refused for the account's concurrency limit";

	// Tags have few values each; a bound keeps a misbehaving convention from growing it.
	private static final int MAX_CACHED_TIMERS = 1024;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * Create a handler.
	 * @param registry the registry the meters go to
	 */
	NetSuiteMeterObservationHandler(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.clock = registry.config().clock();
		// A timer removed from the registry must be registered again, not recorded unseen;
		// a meter filter may have made several keys one timer.
		registry.config().onMeterRemoved((meter) -> this.timers.values().removeIf((timer) -> timer == meter));
	}

	@Override
	public void onStart(NetSuiteRequestContext context) {
		context.setStartTime(this.clock.monotonicTime());
		if (context.getAttempt() > 1) {
			counter(RETRIES, RETRIES_DESCRIPTION, context).increment();
		}
	}

	@Override
	public void onStop(NetSuiteRequestContext context) {
		long duration = this.clock.monotonicTime() - context.getStartTime();
		timer(context).record(duration, TimeUnit.NANOSECONDS);
		if (context.isThrottled()) {
			counter(THROTTLED, THROTTLED_DESCRIPTION, context).increment();
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof NetSuiteRequestContext;
	}

	private Timer timer(NetSuiteRequestContext context) {
		Throwable error = context.getError();
		// A custom convention that keeps Micrometer's default getName() gives no name.
		String name = Objects.requireNonNullElse(context.getName(), DefaultNetSuiteRequestObservationConvention.NAME);
		TimerKey key = new TimerKey(name, context.getLowCardinalityKeyValues(),
				(error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = Timer.builder(key.name())
				.description("NetSuite request attempts on the wire, until their response is closed")
				.tags(tags(key.tags()).and("error", key.error()))
				.register(this.registry);
			if (this.timers.size() < MAX_CACHED_TIMERS) {
				this.timers.put(key, timer);
			}
		}
		return timer;
	}

	private static Tags tags(KeyValues keyValues) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : keyValues) {
			tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

	private Counter counter(String name, String description, NetSuiteRequestContext context) {
		return Counter.builder(name)
			.description(description)
			.tags(Tags.of(NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT.asString(), context.getRealm(),
					NetSuiteObservationDocumentation.LowCardinalityKeyNames.API.asString(), context.getApi()))
			.register(this.registry);
	}

	private record TimerKey(String name, KeyValues tags, String error) {

	}

}
