package io.github.netsuite.boot.changes;

import java.util.function.Supplier;

/**
 * What a feed reports to metrics; nothing without Micrometer.
 *
 * @author NetSuite Spring Boot team
 */
interface FeedMeters {

	FeedMeters NONE = new FeedMeters() {
	};

	default void lag(ChangeFeed feed, Supplier<Double> seconds) {
	}

	default void handled(ChangeFeed feed, NetSuiteChange.Kind kind) {
	}

	default void failed(ChangeFeed feed) {
	}

}
