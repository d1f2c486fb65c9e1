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
import java.util.concurrent.locks.Lock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.support.locks.DistributedLock;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.RenewableLockRegistry;

/**
 * A feed's lock from a Spring Integration {@link LockRegistry} ({@code JdbcLockRegistry},
 * {@code RedisLockRegistry}, or the application's own): taken with the lease as its time to live
 * and renewed through {@link RenewableLockRegistry}.
 *
 * @author NetSuite Spring Boot team
 */
final class LockRegistryFeedLock implements FeedLock {

	private static final Log logger = LogFactory.getLog(LockRegistryFeedLock.class);

	private final LockRegistry<?> registry;

	private final String key;

	private final Duration lease;

	private final Lock lock;

	LockRegistryFeedLock(LockRegistry<?> registry, String key, Duration lease) {
		this.registry = registry;
		this.key = key;
		this.lease = lease;
		this.lock = registry.obtain(key);
	}

	@Override
	public boolean tryAcquire() {
		try {
			if (this.lock instanceof DistributedLock distributed) {
				return distributed.tryLock(Duration.ZERO, this.lease);
			}
			return this.lock.tryLock();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not take the lock of NetSuite change feed " + this.key + ": " + ex);
			return false;
		}
	}

	@Override
	public boolean renew() {
		if (!(this.registry instanceof RenewableLockRegistry<?> renewable)) {
			// A lock that cannot be renewed does not expire: holding it is enough
			return true;
		}
		try {
			renewable.renewLock(this.key, this.lease);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void release() {
		try {
			this.lock.unlock();
		}
		catch (RuntimeException ex) {
			// Lost already: another instance holds it now
		}
	}

}
