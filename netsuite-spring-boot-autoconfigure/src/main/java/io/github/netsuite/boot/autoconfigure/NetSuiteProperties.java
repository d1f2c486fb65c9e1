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
package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Oracle NetSuite: the primary account at the top level,
 * named accounts under {@code accounts}, and what all accounts share (retry, health).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("netsuite")
public class NetSuiteProperties extends NetSuiteAccountProperties {

	/**
	 * Whether to enable the NetSuite client.
	 */
	private boolean enabled = true;

	/**
	 * Named accounts beside the primary one, each with the keys of the primary account
	 * ('netsuite.accounts.<name>.account', '.consumer-key', …).
	 */
	private final Map<String, NetSuiteAccountProperties> accounts = new LinkedHashMap<>();

	/**
	 * Name of the Executor bean that fetches pages ahead for every account. By default
	 * Spring Boot's 'applicationTaskExecutor' when there is one (on virtual threads with
	 * 'spring.threads.virtual.enabled'), else a bounded pool of daemon threads of the
	 * starter's own.
	 */
	private @Nullable String pageExecutor;

	/**
	 * Retry settings.
	 */
	private final Retry retry = new Retry();

	/**
	 * Health indicator settings.
	 */
	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPageExecutor() {
		return this.pageExecutor;
	}

	public void setPageExecutor(@Nullable String pageExecutor) {
		this.pageExecutor = pageExecutor;
	}

	public Map<String, NetSuiteAccountProperties> getAccounts() {
		return this.accounts;
	}

	// The settings of an account by its name: the top level is the primary account's.
	NetSuiteAccountProperties accountSettings(String name) {
		NetSuiteAccountProperties named = this.accounts.get(name);
		return (named != null && !NetSuiteAccounts.PRIMARY.equals(name)) ? named : this;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Retries of throttled requests and of failures that are safe to repeat.
	 */
	public static class Retry {

		/**
		 * Whether to retry throttled requests and, where a repeat cannot do harm, 502, 503,
		 * 504 and connection failures.
		 */
		private boolean enabled = true;

		/**
		 * Most attempts per request, the first included.
		 */
		private int maxAttempts = 4;

		/**
		 * Back-off ceiling before the second attempt; it doubles for each further one and
		 * the wait is drawn at random below it.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Largest back-off ceiling.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * Longest time from the first attempt after which no further attempt starts.
		 */
		private Duration maxElapsed = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxElapsed() {
			return this.maxElapsed;
		}

		public void setMaxElapsed(Duration maxElapsed) {
			this.maxElapsed = maxElapsed;
		}

	}

	/**
	 * Settings of the {@code netsuite} health indicator.
	 */
	public static class Health {

		/**
		 * Longest time a health probe waits for the check (permit, token, connection and
		 * answer included), whatever the server does; also the health client's connect and
		 * read timeouts.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * Time a health result is reused before NetSuite is asked again, so frequent
		 * probes do not spend the account's concurrency. Zero checks on every probe.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

}
