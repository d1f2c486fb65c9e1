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
package io.github.netsuite.boot.changes;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A feed's meters, tagged with its account, record type and feed ID:
 * {@code netsuite.changes.lag} (seconds between NetSuite's clock and the checkpoint),
 * {@code netsuite.changes.handled} (by {@code change}) and {@code netsuite.changes.failures}
 * (handler failures).
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeFeedMeters implements FeedMeters {

	private final MeterRegistry registry;

	ChangeFeedMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lag(ChangeFeed feed, Supplier<Double> seconds) {
		Gauge.builder("netsuite.changes.lag", seconds)
			.description("How far the feed's checkpoint is behind NetSuite's clock")
			.baseUnit("seconds")
			.tags("account", feed.account(), "type", feed.type(), "feed", feed.id())
			.register(this.registry);
	}

	@Override
	public void handled(ChangeFeed feed, NetSuiteChange.Kind kind) {
		Counter.builder("netsuite.changes.handled")
			.description("Changes the feed's handler returned from")
			.tags("account", feed.account(), "type", feed.type(), "feed", feed.id(), "change",
					kind.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
	}

	@Override
	public void failed(ChangeFeed feed) {
		Counter.builder("netsuite.changes.failures")
			.description("Times the feed's handler threw")
			.tags("account", feed.account(), "type", feed.type(), "feed", feed.id())
			.register(this.registry)
			.increment();
	}

}
