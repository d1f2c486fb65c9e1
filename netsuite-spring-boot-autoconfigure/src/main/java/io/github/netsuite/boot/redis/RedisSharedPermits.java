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
package io.github.netsuite.boot.redis;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLException;

import io.github.netsuite.boot.SharedPermitStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One account's permits in Redis: a sorted set of leases (member: lease ID, score: when
 * the lease expires, in milliseconds of Redis's own clock, so that the instances' clocks
 * do not matter), and a channel on which a given-back lease is announced.
 * <p>
 * {@link #ACQUIRE} drops the expired leases and adds one if fewer than the limit are
 * held, all in one script, so that two instances never both take the last permit. Only
 * the oldest waiter of the instance runs it; the others queue behind it in order. When
 * no permit is free it waits for a release on the channel, or until the soonest lease
 * expires, but never longer than {@link #RECHECK} before it asks again: a safety net
 * for a missed message, not a polling loop.
 *
 * @author NetSuite Spring Boot team
 */
final class RedisSharedPermits implements SharedPermitStore.Permits {

	private static final Log logger = LogFactory.getLog(RedisSharedPermits.class);

	static final Duration RECHECK = Duration.ofMillis(200);

	/**
	 * KEYS[1] the leases; ARGV[1] the limit, ARGV[2] the lease time in ms, ARGV[3] the
	 * new lease's ID. Answers -1 when the lease was taken, otherwise the milliseconds
	 * until the soonest lease expires.
	 */
	static final RedisScript<Long> ACQUIRE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
			if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
			  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  return -1
			end
			local soonest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(tonumber(soonest[2]) - now, 0)
			""", Long.class);

	/**
	 * KEYS[1] the leases; ARGV[1] the channel, ARGV[2] the lease's ID. Announces the
	 * release only if the lease was still held.
	 */
	static final RedisScript<Long> RELEASE = RedisScript.of("""
			local removed = redis.call('ZREM', KEYS[1], ARGV[2])
			if removed == 1 then
			  redis.call('PUBLISH', ARGV[1], ARGV[2])
			end
			return removed
			""", Long.class);

	/**
	 * KEYS[1] the leases; ARGV[1] the lease time in ms, ARGV[2..] the IDs of the leases
	 * to renew. Renews only leases still held; answers how many were.
	 */
	static final RedisScript<Long> RENEW = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local renewed = 0
			for i = 2, #ARGV do
			  if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
			    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[i])
			    renewed = renewed + 1
			  end
			end
			if renewed > 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			end
			return renewed
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String account;

	private final List<String> leasesKey;

	private final String channel;

	private final Duration leaseTime;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong sequence = new AtomicLong();

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	// The oldest waiter asks Redis; the others wait here, in order.
	private final ReentrantLock turn = new ReentrantLock(true);

	private final Object releases = new Object();

	private long released;

	private volatile @Nullable String unavailable;

	RedisSharedPermits(StringRedisTemplate redis, String account, Duration leaseTime) {
		this.redis = redis;
		this.account = account;
		// One hash tag: on a Redis Cluster the leases and the channel live in one slot.
		this.leasesKey = List.of("netsuite:concurrency:{" + account + "}:leases");
		this.channel = "netsuite:concurrency:{" + account + "}:released";
		this.leaseTime = leaseTime;
	}

	String channel() {
		return this.channel;
	}

	@Override
	public String store() {
		return "redis";
	}

	@Override
	public @Nullable String unavailable() {
		return this.unavailable;
	}

	@Override
	public @Nullable String acquire(int limit, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		checkAvailable();
		if (!this.turn.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			return null;
		}
		try {
			while (true) {
				checkAvailable();
				long seen = releasedCount();
				String lease = this.instance + ":" + this.sequence.incrementAndGet();
				long answer = call(ACQUIRE, String.valueOf(limit), String.valueOf(this.leaseTime.toMillis()), lease);
				if (answer < 0) {
					this.held.add(lease);
					return lease;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				// The soonest expiry plus a millisecond, as Redis's clock counts whole ones.
				long wait = Math.min(Math.min(left, RECHECK.toNanos()), TimeUnit.MILLISECONDS.toNanos(answer + 1));
				awaitRelease(seen, wait);
			}
		}
		finally {
			this.turn.unlock();
		}
	}

	@Override
	public void release(String lease) {
		if (!this.held.remove(lease) || this.unavailable != null) {
			return;
		}
		try {
			this.redis.execute(RELEASE, this.leasesKey, this.channel, lease);
		}
		catch (RuntimeException ex) {
			unreachable(ex);
		}
		// This instance's next waiter need not wait for the message to come back.
		released();
	}

	void released() {
		synchronized (this.releases) {
			this.released++;
			this.releases.notifyAll();
		}
	}

	// The leases of requests in flight stay taken while their instance lives.
	void renew() {
		if (this.held.isEmpty() || this.unavailable != null) {
			return;
		}
		List<String> args = new ArrayList<>();
		args.add(String.valueOf(this.leaseTime.toMillis()));
		args.addAll(this.held);
		try {
			this.redis.execute(RENEW, this.leasesKey, args.toArray());
		}
		catch (RuntimeException ex) {
			unreachable(ex);
		}
	}

	// While unreachable, once a second: is Redis back?
	void probe() {
		if (this.unavailable == null) {
			return;
		}
		String pong = this.redis.execute((org.springframework.data.redis.core.RedisCallback<String>) (
				connection) -> connection.ping());
		if ("PONG".equalsIgnoreCase(pong)) {
			this.unavailable = null;
			logger.info("Redis answers again: NetSuite account " + this.account
					+ " shares its concurrency permits with the other instances again");
		}
	}

	private long call(RedisScript<Long> script, String... args) {
		Long answer;
		try {
			answer = this.redis.execute(script, this.leasesKey, (Object[]) args);
		}
		catch (RuntimeException ex) {
			unreachable(ex);
			throw new SharedPermitStore.UnavailableException(describe(ex), ex);
		}
		return (answer != null) ? answer : 0;
	}

	private void checkAvailable() {
		String reason = this.unavailable;
		if (reason != null) {
			throw new SharedPermitStore.UnavailableException(reason, null);
		}
	}

	private void unreachable(RuntimeException ex) {
		synchronized (this.releases) {
			if (this.unavailable != null) {
				return;
			}
			this.unavailable = "Redis unreachable since " + Instant.now() + " (" + describe(ex)
					+ "): each instance limits its requests with its own adaptive permits until Redis answers again";
			// Leases held now are lost or will expire: none is given back or renewed.
			this.held.clear();
			this.releases.notifyAll();
		}
		logger.warn("Redis cannot be reached for the concurrency permits of NetSuite account " + this.account + " ("
				+ describe(ex) + "); until it answers again, this instance limits its requests with its own adaptive "
				+ "permits, which other instances do not see" + tlsHint(ex));
	}

	private long releasedCount() {
		synchronized (this.releases) {
			return this.released;
		}
	}

	private void awaitRelease(long seen, long nanos) throws InterruptedException {
		long deadline = System.nanoTime() + nanos;
		synchronized (this.releases) {
			while (this.released == seen && this.unavailable == null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				TimeUnit.NANOSECONDS.timedWait(this.releases, left);
			}
		}
	}

	// A failed TLS handshake does not pass by itself: say what makes Redis's certificate trusted
	private static String tlsHint(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
				return ". The TLS connection to Redis failed: if its certificate is not trusted, set "
						+ "spring.data.redis.ssl.bundle to an SSL bundle whose trust store holds the certificate "
						+ "of its CA (spring.ssl.bundle.pem.<name>.truststore.certificate)";
			}
		}
		return "";
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
