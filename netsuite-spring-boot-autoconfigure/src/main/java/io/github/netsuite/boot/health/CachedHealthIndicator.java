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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Runs a {@link ServerTimeHealthIndicator} on a thread of its own, one check at a time:
 * a probe that comes while one runs waits for it, at most the timeout, whatever the
 * network does; the result is reused for the cache's time to live, so that frequent
 * probes do not spend the account's concurrency. {@link #close()} stops the thread.
 *
 * @author NetSuite Spring Boot team
 */
final class CachedHealthIndicator implements HealthIndicator, AutoCloseable {

	private final ServerTimeHealthIndicator check;

	private final Duration timeout;

	private final long cacheTtlNanos;

	private final ThreadPoolExecutor executor;

	private @Nullable CompletableFuture<Health> inFlight;

	private volatile @Nullable Health cached;

	private volatile long cachedAt;

	CachedHealthIndicator(ServerTimeHealthIndicator check, Duration timeout, Duration cacheTtl, String threadName) {
		this.check = check;
		this.timeout = timeout;
		this.cacheTtlNanos = cacheTtl.toNanos();
		// One daemon thread, gone when idle: a check that hangs holds it, never a probe.
		this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check;
		synchronized (this) {
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

	void clearCache() {
		this.cached = null;
	}

	@Override
	public synchronized void close() {
		this.executor.shutdownNow();
	}

}
