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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the change feeds ({@code netsuite.changes.*}).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("netsuite.changes")
public class NetSuiteChangesProperties {

	/**
	 * Whether methods annotated with {@code @NetSuiteChangeListener} follow changes.
	 */
	private boolean enabled = true;

	/**
	 * Where checkpoints and the poller's lock live: 'jdbc' (the application's DataSource) or
	 * 'redis' (spring.data.redis.*). Unset: in memory, with a warning; a restart then starts
	 * again at start-at, and every instance polls on its own.
	 */
	private @Nullable Store store;

	/**
	 * How long a feed waits between polls when it has caught up.
	 */
	private Duration pollInterval = Duration.ofSeconds(30);

	/**
	 * Where a feed without a checkpoint starts: 'now', or a date and time 'yyyy-MM-dd HH:mm:ss'
	 * in the time zone of the user behind the integration's token.
	 */
	private String startAt = "now";

	/**
	 * Most changes one poll hands before it saves its checkpoint and polls again at once.
	 */
	private int maxChangesPerPoll = 1000;

	/**
	 * How long the lock of a feed holds without being renewed: another instance takes a feed
	 * over within this long after its poller died. Longer than the poll interval.
	 */
	private Duration lease = Duration.ofSeconds(60);

	/**
	 * How far behind NetSuite's clock a feed's checkpoint may fall before it says so in the log.
	 */
	private Duration lagWarning = Duration.ofMinutes(10);

	private final Retry retry = new Retry();

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Store getStore() {
		return this.store;
	}

	public void setStore(@Nullable Store store) {
		this.store = store;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public String getStartAt() {
		return this.startAt;
	}

	public void setStartAt(String startAt) {
		this.startAt = startAt;
	}

	public int getMaxChangesPerPoll() {
		return this.maxChangesPerPoll;
	}

	public void setMaxChangesPerPoll(int maxChangesPerPoll) {
		this.maxChangesPerPoll = maxChangesPerPoll;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getLagWarning() {
		return this.lagWarning;
	}

	public void setLagWarning(Duration lagWarning) {
		this.lagWarning = lagWarning;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * Where checkpoints and locks live.
	 */
	public enum Store {

		/**
		 * The application's {@code DataSource}, through {@code JdbcTemplate}; locks through
		 * Spring Integration's {@code JdbcLockRegistry}.
		 */
		JDBC,

		/**
		 * Redis ({@code spring.data.redis.*}); locks through Spring Integration's
		 * {@code RedisLockRegistry}.
		 */
		REDIS

	}

	/**
	 * How a handler that throws is retried.
	 */
	public static class Retry {

		/**
		 * Wait before handing a change again after its handler threw the first time.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Longest wait between two attempts; the wait doubles up to it.
		 */
		private Duration maxInterval = Duration.ofMinutes(5);

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

	}

	/**
	 * The JDBC store.
	 */
	public static class Jdbc {

		/**
		 * Whether to create the checkpoint and lock tables
		 * (META-INF/netsuite/changes-schema-&lt;platform&gt;.sql): 'embedded' (only in an
		 * embedded database), 'always' or 'never'.
		 */
		private String initializeSchema = "embedded";

		public String getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(String initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

	}

}
