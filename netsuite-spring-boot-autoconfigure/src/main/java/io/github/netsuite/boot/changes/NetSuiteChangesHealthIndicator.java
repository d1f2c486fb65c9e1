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
