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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.netsuite.boot.SharedPermitStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Keeps the concurrency permits of NetSuite accounts in Redis, shared by every instance
 * that uses the same Redis: one {@link RedisSharedPermits} per account, a pub/sub
 * subscription that wakes waiters when a permit is given back, and one background thread
 * that renews the leases of requests in flight and, while Redis cannot be reached, checks
 * once a second whether it answers again.
 * <p>
 * It listens once {@linkplain #start() started}, which the application context does
 * after all accounts took their permits.
 * <p>
 * Give it a connection factory of its own with a short command timeout that rejects
 * commands while disconnected, so that a request never waits on an unreachable Redis; it
 * destroys the factory when it is destroyed. Leases still held then are not given back:
 * they expire after the lease time.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class RedisSharedPermitStore implements SharedPermitStore, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisSharedPermitStore.class);

	static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer listeners;

	private final ScheduledExecutorService scheduler;

	private final Map<String, RedisSharedPermits> accounts = new ConcurrentHashMap<>();

	private volatile boolean started;

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis, initialized and started
	 */
	public RedisSharedPermitStore(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.listeners = new RedisMessageListenerContainer();
		this.listeners.setConnectionFactory(connectionFactory);
		this.listeners.setRecoveryBackoff(new FixedBackOff(PROBE_INTERVAL.toMillis()));
		this.listeners.setBeanName("netSuiteRedisPermitListeners");
		this.listeners.afterPropertiesSet();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "netsuite-redis-permits");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public SharedPermitStore.Permits permits(String account, Duration leaseTime) {
		return this.accounts.computeIfAbsent(account, (key) -> {
			RedisSharedPermits permits = new RedisSharedPermits(this.redis, key, leaseTime);
			try {
				// Subscribes at once only when already listening; else when listening starts.
				this.listeners.addMessageListener((message, pattern) -> permits.released(),
						new ChannelTopic(permits.channel()));
			}
			catch (RuntimeException ex) {
				// Waiters still ask again every RECHECK; the container resubscribes when Redis is back.
				logger.debug("Could not subscribe to " + permits.channel() + " yet", ex);
			}
			long period = Math.max(leaseTime.toMillis() / 3, 1);
			this.scheduler.scheduleWithFixedDelay(permits::renew, period, period, TimeUnit.MILLISECONDS);
			return permits;
		});
	}

	/**
	 * Start listening for given-back permits, in the background: Redis need not be
	 * reachable when the application starts.
	 */
	@Override
	public void start() {
		if (!this.started) {
			this.started = true;
			this.scheduler.execute(this::listen);
		}
	}

	@Override
	public void stop() {
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	private void listen() {
		try {
			this.listeners.start();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not listen for released NetSuite permits yet; trying again", ex);
			try {
				this.listeners.stop();
			}
			catch (RuntimeException stopFailure) {
				logger.debug("Could not reset the listener container", stopFailure);
			}
			if (this.started) {
				this.scheduler.schedule(this::listen, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private void probe() {
		for (RedisSharedPermits permits : this.accounts.values()) {
			try {
				permits.probe();
			}
			catch (RuntimeException ex) {
				logger.debug("Probing Redis for NetSuite permits failed", ex);
			}
		}
	}

	@Override
	public void destroy() throws Exception {
		this.scheduler.shutdownNow();
		try {
			this.listeners.destroy();
		}
		finally {
			if (this.connectionFactory instanceof DisposableBean disposable) {
				disposable.destroy();
			}
		}
	}

}
