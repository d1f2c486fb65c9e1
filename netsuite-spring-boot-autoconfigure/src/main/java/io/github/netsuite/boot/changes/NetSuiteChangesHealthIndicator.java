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

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * One detail per change feed: its state (polling, standby, failing), checkpoint, lag, changes
 * handled and handler failures. Always up: a feed whose handler fails says so in its detail
 * and in {@code netsuite.changes.failures}, without taking the application out of service.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteChangesHealthIndicator extends AbstractHealthIndicator {

	private final ChangeFeeds feeds;

	NetSuiteChangesHealthIndicator(ChangeFeeds feeds) {
		super("NetSuite change feeds health check failed");
		this.feeds = feeds;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		for (ChangeFeed feed : this.feeds.feeds()) {
			builder.withDetail(feed.id(), feed.details());
		}
	}

}
