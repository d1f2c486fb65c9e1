package io.github.netsuite.boot.changes;

import java.time.Duration;

/**
 * The settings one feed runs with.
 *
 * @author NetSuite Spring Boot team
 */
record FeedSettings(Duration pollInterval, String startAt, int maxChangesPerPoll, Duration lease,
		Duration lagWarning, Duration retryInitialInterval, Duration retryMaxInterval) {

	static FeedSettings of(NetSuiteChangesProperties properties) {
		return new FeedSettings(properties.getPollInterval(), properties.getStartAt(),
				Math.max(1, properties.getMaxChangesPerPoll()), properties.getLease(), properties.getLagWarning(),
				properties.getRetry().getInitialInterval(), properties.getRetry().getMaxInterval());
	}

}
