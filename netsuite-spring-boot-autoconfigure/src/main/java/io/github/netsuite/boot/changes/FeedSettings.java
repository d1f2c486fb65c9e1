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

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The settings one feed runs with.
 *
 * @author NetSuite Spring Boot team
 */
record FeedSettings(Duration pollInterval, String startAt, int maxChangesPerPoll, Duration lease,
		Duration lagWarning, Duration retryInitialInterval, Duration retryMaxInterval) {

	static FeedSettings of(NetSuiteChangesProperties properties) {
		String startAt = properties.getStartAt().trim();
		if (!startAt.equalsIgnoreCase("now")) {
			try {
				ChangeQueries.time(startAt);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalStateException("netsuite.changes.start-at must be 'now' or a date and time"
						+ " 'yyyy-MM-dd HH:mm:ss' in the time zone of the token's user, not '" + startAt + "'");
			}
		}
		if (properties.getPollInterval().isNegative() || properties.getLease().compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalStateException("netsuite.changes.poll-interval must not be negative and"
					+ " netsuite.changes.lease must be at least 1s");
		}
		return new FeedSettings(properties.getPollInterval(), properties.getStartAt(),
				Math.max(1, properties.getMaxChangesPerPoll()), properties.getLease(), properties.getLagWarning(),
				properties.getRetry().getInitialInterval(), properties.getRetry().getMaxInterval());
	}

}
