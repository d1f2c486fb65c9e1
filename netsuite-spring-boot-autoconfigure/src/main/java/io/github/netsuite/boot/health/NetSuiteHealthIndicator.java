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
package io.github.netsuite.boot.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuitePermits;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.client.ClientHttpRequestFactory;
/**
 * {@link HealthIndicator} for a NetSuite account: checks the credentials with one cheap
 * authenticated call and caches the result, so that frequent probes do not spend the
 * account's concurrency.
 * <p>
 * The call is {@code GET /services/rest/system/v1/serverTime}: it is authenticated like
 * every REST call, reads no record (so it needs no permission beyond REST web services),
 * answers a few bytes, and tells NetSuite's clock, which measures the skew that breaks
 * token-based authentication beyond about five minutes. Accounts older than 2025.2 answer
 * it 404; for them the check falls back, for good, to {@code OPTIONS /services/rest/*},
 * equally authenticated and data-free, rather than to a one-row SuiteQL query, which would
 * need a table the role can read. It goes through the account's
 * {@linkplain NetSuiteAccount#probeClient probe client}: signed, without retry.
 * <p>
 * UP: the credentials work, also when NetSuite throttled the call (its concurrency limit
 * was reached, which it checks only for requests it authenticated), with what the
 * account's {@linkplain io.github.netsuite.boot.NetSuiteAuthentication#details(String)
 * authentication} says of itself. DOWN: NetSuite refused the credentials, with what the
 * authentication says to fix, or did not answer in time, at all, or with something that
 * is not NetSuite's answer (a redirect, an HTML page). The details of the account's
 * {@linkplain NetSuitePermits#details() permits} are added to every result as they are
 * now, never cached. The check runs on a thread of the indicator's, one at a time, and a
 * probe waits for it at most the timeout, whatever the network does; a failure is a
 * DOWN, never an exception. Details never carry a secret. {@link #close()} stops the
 * thread.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteHealthIndicator implements HealthIndicator, AutoCloseable {

	static final String SERVER_TIME_PATH = ServerTimeHealthIndicator.SERVER_TIME_PATH;

	private final NetSuiteAccount account;

	private final ServerTimeHealthIndicator check;

	private final Duration timeout;

	private final long cacheTtlNanos;

	private final ThreadPoolExecutor executor;

	private @Nullable CompletableFuture<Health> inFlight;

	private volatile @Nullable Health cached;

	private volatile long cachedAt;

	/**
	 * Create an indicator.
	 * @param account the account to check
	 * @param requestFactory the request factory of the check, whose connect and read
	 * timeouts are no longer than {@code timeout}
	 * @param timeout how long a probe waits for the check
	 * @param cacheTtl how long a result is reused; zero checks on every call
	 */
	public NetSuiteHealthIndicator(NetSuiteAccount account, ClientHttpRequestFactory requestFactory, Duration timeout,
			Duration cacheTtl) {
		this(account, requestFactory, timeout, cacheTtl, Clock.systemUTC());
	}

	NetSuiteHealthIndicator(NetSuiteAccount account, ClientHttpRequestFactory requestFactory, Duration timeout,
			Duration cacheTtl, Clock clock) {
		this.account = Objects.requireNonNull(account, "account");
		this.check = new ServerTimeHealthIndicator(account, properties(account),
				account.probeClient(requestFactory, timeout), timeout, Objects.requireNonNull(clock, "clock"));
		this.timeout = timeout;
		this.cacheTtlNanos = Objects.requireNonNull(cacheTtl, "cacheTtl").toNanos();
		// One daemon thread, gone when idle: a check that hangs holds it, never a probe.
		this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "netsuite-health-" + account.name());
			thread.setDaemon(true);
			return thread;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	// Messages name the account's own keys: netsuite.accounts.<name>.consumer-key, say.
	private static String properties(NetSuiteAccount account) {
		return NetSuiteAccounts.PRIMARY.equals(account.name()) ? "netsuite" : "netsuite.accounts." + account.name();
	}

	@Override
	public Health health() {
		Health health = cachedOrChecked();
		NetSuitePermits permits = this.account.permits();
		// Where the permits live, now rather than as cached: a fallback shows as it happens.
		return (permits == null || permits.details().isEmpty()) ? health : Health.status(health.getStatus())
			.withDetails(health.getDetails())
			.withDetails(permits.details())
			.build();
	}

	// One check at a time: a probe that comes while one runs waits for it, at most the timeout.
	private Health cachedOrChecked() {
		CompletableFuture<Health> check;
		synchronized (this.executor) {
			Health health = this.cached;
			if (health != null && System.nanoTime() - this.cachedAt < this.cacheTtlNanos) {
				return health;
			}
			if (this.executor.isShutdown()) {
				return this.check.down("Not checked: the indicator is closed");
			}
			if (this.inFlight == null || this.inFlight.isDone()) {
				this.inFlight = CompletableFuture.supplyAsync(this.check::health, this.executor);
			}
			check = this.inFlight;
		}
		Health health = await(check);
		this.cached = health;
		this.cachedAt = System.nanoTime();
		return health;
	}

	private Health await(CompletableFuture<Health> check) {
		try {
			return check.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return this.check.down(FailureDetails.notInTime(this.timeout));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.check.down("Interrupted while waiting for the check");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return this.check.down("The check failed: " + FailureDetails.describe(cause));
		}
	}

	/**
	 * Forget the cached result, so that the next call checks again whatever the cache TTL.
	 * Tests that switch NetSuite's behaviour between checks use it.
	 */
	public void clearCache() {
		this.cached = null;
	}

	/**
	 * Stop the thread the checks run on; a check that runs is interrupted, and later
	 * probes answer DOWN.
	 */
	@Override
	public void close() {
		synchronized (this.executor) {
			this.executor.shutdownNow();
		}
	}

}
