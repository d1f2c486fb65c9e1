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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Every change feed of the application: built from the listener methods when the context starts
 * (after every bean is ready), stopped first when it closes.
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeFeeds implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ChangeFeeds.class);

	private final ChangeListenerMethods methods;

	private final NetSuiteAccounts accounts;

	private final CheckpointStore store;

	private final Function<String, FeedLock> locks;

	private final FeedSettings settings;

	private final FeedMeters meters;

	private final List<ChangeFeed> feeds = new ArrayList<>();

	private volatile boolean running;

	ChangeFeeds(ChangeListenerMethods methods, NetSuiteAccounts accounts, CheckpointStore store,
			Function<String, FeedLock> locks, FeedSettings settings, FeedMeters meters) {
		this.methods = methods;
		this.accounts = accounts;
		this.store = store;
		this.locks = locks;
		this.settings = settings;
		this.meters = meters;
	}

	@Override
	public synchronized void start() {
		Map<String, String> ids = new LinkedHashMap<>();
		List<ChangeFeed> feeds = new ArrayList<>();
		for (ChangeListenerMethods.Listener listener : this.methods.listeners()) {
			NetSuiteChangeListener annotation = listener.annotation();
			NetSuiteAccount account = annotation.account().isEmpty() ? this.accounts.primary()
					: this.accounts.get(annotation.account());
			String id = account.name() + ":" + annotation.type().toLowerCase(Locale.ROOT);
			String earlier = ids.putIfAbsent(id, listener.name());
			if (earlier != null) {
				throw new IllegalStateException("Two @NetSuiteChangeListener methods follow " + id + ": " + earlier
						+ " and " + listener.name() + ". Each feed has one checkpoint: hand its changes on from one method.");
			}
			feeds.add(new ChangeFeed(id, account.name(), annotation.type(), account.client(), listener.handler(),
					annotation.deletes(), annotation.withRecord(), this.store, this.locks.apply(id), this.settings,
					this.meters));
		}
		try {
			for (ChangeFeed feed : feeds) {
				feed.start();
				this.feeds.add(feed);
			}
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		if (!feeds.isEmpty()) {
			logger.info("Following NetSuite changes of " + ids.keySet() + ", checkpoints in the "
					+ this.store.describe() + " store, polling every " + this.settings.pollInterval());
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		for (ChangeFeed feed : this.feeds) {
			feed.stop();
		}
		this.feeds.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	List<ChangeFeed> feeds() {
		synchronized (this) {
			return List.copyOf(this.feeds);
		}
	}

}
