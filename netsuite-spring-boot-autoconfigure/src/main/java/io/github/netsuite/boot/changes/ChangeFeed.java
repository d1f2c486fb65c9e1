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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuitePermissionException;
import io.github.netsuite.boot.NetSuiteValidationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One change feed: a record type of an account followed for one handler. It polls on its own
 * thread, so a handler that keeps failing delays its own feed only.
 * <p>
 * Each poll reads NetSuite's clock ({@code SYSDATE}) once and fixes the window's end at the start
 * of its current minute: changes are stamped to the minute, so only a minute that is over on
 * NetSuite's clock can hold no more changes, and a long poll does not chase its own tail. The
 * window starts at the checkpoint's minute again (the windows overlap by that minute) and skips
 * the changes the checkpoint remembers as handed at it. Modifications and deletions are merged in
 * the order of their minute, then ID, and handed one by one; the checkpoint advances after the
 * handler returned and is saved every {@value #SAVE_EVERY} changes, at the end of each poll, when
 * a handler fails and when the feed stops. A crash repeats at most the changes since the last
 * save; the instance that polls never hands a change twice.
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeFeed {

	static final int SAVE_EVERY = 100;

	private static final Log logger = LogFactory.getLog(ChangeFeed.class);

	// Within a minute by ID, a record's modification before its deletion
	private static final Comparator<Pending> ORDER = Comparator.comparing(Pending::minute)
		.thenComparing(Pending::numericId)
		.thenComparing(Pending::id)
		.thenComparing((Pending pending) -> pending.key().startsWith("d"));

	private final String id;

	private final String account;

	private final String type;

	private final NetSuiteClient client;

	private final ChangeQueries queries;

	private final ChangeHandler handler;

	private final boolean deletes;

	private final boolean withRecord;

	private final CheckpointStore store;

	private final FeedLock lock;

	private final FeedSettings settings;

	private final FeedMeters meters;

	private volatile boolean running;

	private @Nullable ScheduledExecutorService executor;

	// The feed thread's own state
	private boolean holding;

	private @Nullable Checkpoint checkpoint;

	private ChangeQueries.Columns columns = new ChangeQueries.Columns("datecreated", true);

	private boolean behind;

	private long renewedAt;

	private long nextPollAt;

	// What health and the lag meter read
	private volatile State state = State.STOPPED;

	private volatile @Nullable String lastCheckpoint;

	private volatile @Nullable String checkpointMinute;

	private volatile @Nullable LocalDateTime serverNow;

	private volatile long serverNowReadAt;

	private volatile long polls;

	private volatile long ticks;

	private volatile long handledCount;

	private volatile long failureCount;

	private volatile int consecutiveFailures;

	private volatile @Nullable String lastError;

	ChangeFeed(String id, String account, String type, NetSuiteClient client, ChangeHandler handler, boolean deletes,
			boolean withRecord, CheckpointStore store, FeedLock lock, FeedSettings settings, FeedMeters meters) {
		this.id = id;
		this.account = account;
		this.type = type;
		this.client = client;
		this.queries = new ChangeQueries(client);
		this.handler = handler;
		this.deletes = deletes;
		this.withRecord = withRecord;
		this.store = store;
		this.lock = lock;
		this.settings = settings;
		this.meters = meters;
	}

	String id() {
		return this.id;
	}

	String account() {
		return this.account;
	}

	String type() {
		return this.type;
	}

	/**
	 * Check that NetSuite can follow the type as the feed asks, then start polling.
	 * @throws IllegalStateException if NetSuite refuses the feed's queries
	 */
	synchronized void start() {
		probe();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "netsuite-changes-" + this.id);
			thread.setDaemon(true);
			return thread;
		});
		// Stopping must not wait for the next poll's delay
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor = executor;
		this.running = true;
		this.state = State.STANDBY;
		this.meters.lag(this, () -> lag().toMillis() / 1000.0);
		executor.execute(this::tick);
	}

	/**
	 * Stop after the change in hand: save the checkpoint and give the lock back.
	 */
	synchronized void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return;
		}
		this.running = false;
		// The lock is given back on the thread that holds it
		executor.execute(this::release);
		executor.shutdown();
		try {
			if (!executor.awaitTermination(this.settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
		this.executor = null;
		this.state = State.STOPPED;
	}

	private void probe() {
		// The creation column is datecreated on entities, createddate on transactions; a table may lack either
		// and even externalid: every change is then an update, without an external ID
		List<ChangeQueries.Columns> candidates = List.of(new ChangeQueries.Columns("datecreated", true),
				new ChangeQueries.Columns("createddate", true), new ChangeQueries.Columns(null, true),
				new ChangeQueries.Columns(null, false));
		NetSuiteException refusal = null;
		for (ChangeQueries.Columns candidate : candidates) {
			try {
				this.queries.probe(this.type, candidate);
				this.columns = candidate;
				refusal = null;
				break;
			}
			catch (NetSuiteValidationException ex) {
				refusal = ex;
			}
			catch (NetSuiteException ex) {
				// NetSuite unreachable or busy: the polls will say so, and start-up goes on
				logger.warn("Could not check NetSuite change feed " + this.id + " at start-up: " + ex.getMessage());
				return;
			}
		}
		if (refusal != null) {
			throw new IllegalStateException("NetSuite refuses to follow the changes of record type '" + this.type
					+ "' (feed " + this.id + "): SuiteQL cannot filter its lastmodifieddate (NetSuite answered "
					+ refusal.getStatusCode() + " " + refusal.getErrorCode() + ": " + refusal.getDetail()
					+ "). Check the type's SuiteQL table name; record types without a filterable lastmodifieddate"
					+ " cannot be followed by a change feed.", refusal);
		}
		if (this.deletes) {
			try {
				this.queries.probeDeletions(this.type);
			}
			catch (NetSuitePermissionException | NetSuiteValidationException ex) {
				throw new IllegalStateException("NetSuite refuses to read the deletions of record type '" + this.type
						+ "' (feed " + this.id + ") from SuiteQL's DeletedRecord table (NetSuite answered "
						+ ex.getStatusCode() + " " + ex.getErrorCode() + ": " + ex.getDetail()
						+ "). Give the token's role the 'Deleted Records' permission, or set deletes = false on the"
						+ " @NetSuiteChangeListener.", ex);
			}
		}
	}

	private void tick() {
		if (!this.running) {
			return;
		}
		// The lock is renewed (or sought) at least three times a lease, also between polls
		Duration next = this.settings.pollInterval();
		Duration beat = this.settings.lease().dividedBy(3);
		try {
			if (!this.holding) {
				if (!this.lock.tryAcquire()) {
					this.state = State.STANDBY;
					next = min(next, beat);
					return;
				}
				this.holding = true;
				this.checkpoint = null;
				this.renewedAt = System.nanoTime();
				this.nextPollAt = this.renewedAt;
			}
			else if (!renew()) {
				next = min(next, beat);
				return;
			}
			long wait = this.nextPollAt - System.nanoTime();
			if (wait > 0) {
				next = min(Duration.ofNanos(wait), beat);
				return;
			}
			if (this.state != State.FAILING || this.consecutiveFailures == 0) {
				this.state = State.POLLING;
			}
			boolean again = poll();
			this.polls++;
			next = again ? Duration.ZERO : this.settings.pollInterval();
			this.nextPollAt = System.nanoTime() + next.toNanos();
			next = min(next, beat);
		}
		catch (RuntimeException ex) {
			this.state = State.FAILING;
			this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			logger.warn("NetSuite change feed " + this.id + " could not poll; it tries again in "
					+ this.settings.pollInterval() + ": " + ex.getMessage());
			this.nextPollAt = System.nanoTime() + this.settings.pollInterval().toNanos();
			next = min(this.settings.pollInterval(), beat);
		}
		finally {
			this.ticks++;
			schedule(next);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private void schedule(Duration delay) {
		ScheduledExecutorService executor = this.executor;
		if (this.running && executor != null && !executor.isShutdown()) {
			try {
				executor.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RuntimeException ex) {
				// Stopping
			}
		}
	}

	/**
	 * One poll: hand the changes of one closed window, at most the configured number.
	 * @return whether changes are left, so the next poll should follow at once
	 */
	private boolean poll() {
		LocalDateTime now = this.queries.now();
		this.serverNow = now;
		this.serverNowReadAt = System.nanoTime();
		Checkpoint checkpoint = checkpoint(now);
		LocalDateTime end = now.truncatedTo(ChronoUnit.MINUTES);
		String to = ChangeQueries.text(end);
		if (checkpoint.minute().compareTo(to) >= 0) {
			return false;
		}
		int handed = 0;
		boolean capped = false;
		boolean saved = true;
		try (Stream<Map<String, Object>> modified = this.queries.modified(this.type, this.columns,
				checkpoint.minute(), to);
				Stream<Map<String, Object>> deleted = this.deletes
						? this.queries.deleted(this.type, checkpoint.minute(), to) : Stream.empty()) {
			Iterator<Pending> changes = merge(modified.map(this::modification).iterator(),
					deleted.map(this::deletion).iterator());
			while (changes.hasNext()) {
				Pending change = changes.next();
				if (checkpoint.isHanded(change.minute(), change.key())) {
					continue;
				}
				if (handed >= this.settings.maxChangesPerPoll()) {
					capped = true;
					break;
				}
				// A handler slower than the lease loses the lock: hand nothing more then
				if (!renewIfDue() || !deliver(change)) {
					// Stopping or lost: only the holder may save
					if (this.holding) {
						save(checkpoint);
					}
					return false;
				}
				checkpoint.handed(change.minute(), change.key());
				saved = false;
				handed++;
				if (handed % SAVE_EVERY == 0) {
					save(checkpoint);
					saved = true;
				}
			}
		}
		if (!capped) {
			// The window is over: the next starts at its last minute, which may still see late changes
			String before = checkpoint.minute();
			checkpoint.moveTo(ChangeQueries.text(end.minusMinutes(1)));
			saved = saved && before.equals(checkpoint.minute());
		}
		if (!saved) {
			save(checkpoint);
		}
		this.lastCheckpoint = checkpoint.toString();
		this.checkpointMinute = checkpoint.minute();
		reportLag(capped);
		return capped;
	}

	private Checkpoint checkpoint(LocalDateTime now) {
		Checkpoint checkpoint = this.checkpoint;
		if (checkpoint != null) {
			return checkpoint;
		}
		String stored = this.store.load(this.id);
		if (stored != null) {
			checkpoint = Checkpoint.parse(stored);
			logger.info("NetSuite change feed " + this.id + " polls from checkpoint " + checkpoint + " in the "
					+ this.store.describe() + " store (it resumes or takes over)");
		}
		else {
			String start = this.settings.startAt().equalsIgnoreCase("now") ? ChangeQueries.text(now)
					: this.settings.startAt().trim();
			checkpoint = Checkpoint.at(ChangeQueries.text(ChangeQueries.time(start).truncatedTo(ChronoUnit.MINUTES)));
			save(checkpoint);
			logger.info("NetSuite change feed " + this.id + " starts at " + checkpoint.minute()
					+ " (NetSuite's time in the token user's time zone), checkpoints in the " + this.store.describe()
					+ " store");
		}
		this.checkpoint = checkpoint;
		this.lastCheckpoint = checkpoint.toString();
		this.checkpointMinute = checkpoint.minute();
		return checkpoint;
	}

	private void save(Checkpoint checkpoint) {
		this.store.save(this.id, checkpoint.format());
		this.lastCheckpoint = checkpoint.toString();
		this.checkpointMinute = checkpoint.minute();
	}

	private void reportLag(boolean capped) {
		Duration lag = lag();
		if (capped || lag.compareTo(this.settings.lagWarning()) > 0) {
			if (!this.behind) {
				logger.warn("NetSuite change feed " + this.id + " is behind: its checkpoint is " + lag.toSeconds()
						+ " s behind NetSuite's clock" + (capped ? ", and more changes are waiting" : ""));
			}
			this.behind = true;
		}
		else if (this.behind) {
			logger.info("NetSuite change feed " + this.id + " has caught up");
			this.behind = false;
		}
	}

	/**
	 * How far the checkpoint is behind NetSuite's clock, as last read plus the time since.
	 */
	Duration lag() {
		LocalDateTime now = this.serverNow;
		String minute = this.checkpointMinute;
		if (now == null || minute == null) {
			return Duration.ZERO;
		}
		Duration since = Duration.ofNanos(System.nanoTime() - this.serverNowReadAt);
		Duration lag = Duration.between(ChangeQueries.time(minute), now).plus(since);
		return lag.isNegative() ? Duration.ZERO : lag;
	}

	/**
	 * Hand one change until the handler returns.
	 * @return {@code false} if the feed stops or lost its lock first
	 */
	private boolean deliver(Pending pending) {
		Duration wait = this.settings.retryInitialInterval();
		int attempt = 1;
		while (this.running) {
			try {
				NetSuiteChange change = pending.change();
				if (this.withRecord && change.change() != NetSuiteChange.Kind.DELETED) {
					change = withRecord(change);
				}
				this.handler.handle(change);
				this.handledCount++;
				if (this.consecutiveFailures > 0) {
					this.consecutiveFailures = 0;
					this.state = State.POLLING;
				}
				this.meters.handled(this, change.change());
				return true;
			}
			catch (Exception ex) {
				this.failureCount++;
				this.consecutiveFailures++;
				this.state = State.FAILING;
				this.lastError = pending.change() + " failed: " + ex;
				this.meters.failed(this);
				logger.warn("NetSuite change feed " + this.id + ": the handler threw on " + pending.change()
						+ " (attempt " + attempt + "); handing it again in " + wait, ex);
				if (this.checkpoint != null) {
					// Whatever was handed before stays handed, whoever polls next
					save(this.checkpoint);
				}
				if (!pause(wait)) {
					return false;
				}
				wait = wait.multipliedBy(2);
				if (wait.compareTo(this.settings.retryMaxInterval()) > 0) {
					wait = this.settings.retryMaxInterval();
				}
				attempt++;
			}
		}
		return false;
	}

	private NetSuiteChange withRecord(NetSuiteChange change) {
		Map<String, Object> record;
		try {
			record = this.client.record(this.type, change.id()).get();
		}
		catch (NetSuiteNotFoundException ex) {
			// Deleted since: its deletion comes later in the feed
			record = null;
		}
		return new NetSuiteChange(change.account(), change.type(), change.id(), change.externalId(), change.change(),
				change.at(), record);
	}

	/**
	 * Wait before the next attempt, renewing the lock.
	 * @return {@code false} if the feed stops or lost its lock meanwhile
	 */
	private boolean pause(Duration wait) {
		long end = System.nanoTime() + wait.toNanos();
		long renewEvery = Math.max(this.settings.lease().toNanos() / 3, 1);
		long renewAt = System.nanoTime() + renewEvery;
		while (this.running) {
			long now = System.nanoTime();
			if (now >= end) {
				return true;
			}
			if (now >= renewAt) {
				if (!renew()) {
					return false;
				}
				renewAt = now + renewEvery;
			}
			try {
				Thread.sleep(Math.max(1, Math.min(50, (end - now) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private boolean renewIfDue() {
		long renewEvery = Math.max(this.settings.lease().toNanos() / 3, 1);
		return System.nanoTime() - this.renewedAt < renewEvery || renew();
	}

	private boolean renew() {
		if (!this.lock.renew()) {
			lost();
			return false;
		}
		this.renewedAt = System.nanoTime();
		return true;
	}

	private void lost() {
		this.holding = false;
		this.checkpoint = null;
		this.state = State.STANDBY;
		logger.warn("NetSuite change feed " + this.id + " lost its lock (its lease of " + this.settings.lease()
				+ " ran out): another instance polls it now");
	}

	private void release() {
		if (this.holding) {
			Checkpoint checkpoint = this.checkpoint;
			if (checkpoint != null) {
				try {
					save(checkpoint);
				}
				catch (RuntimeException ex) {
					logger.warn("NetSuite change feed " + this.id + " could not save its checkpoint on stopping: " + ex);
				}
			}
			this.lock.release();
			this.holding = false;
		}
	}

	private Pending modification(Map<String, Object> row) {
		String id = String.valueOf(row.get("id"));
		String modified = text(row.get("modified"));
		Object created = row.get("created");
		NetSuiteChange.Kind kind = (created != null && minute(text(created)).equals(minute(modified)))
				? NetSuiteChange.Kind.CREATED : NetSuiteChange.Kind.UPDATED;
		Object externalId = row.get("externalid");
		return new Pending("m" + id, minute(modified), id, new NetSuiteChange(this.account, this.type, id,
				(externalId != null) ? externalId.toString() : null, kind, ChangeQueries.time(modified), null));
	}

	private Pending deletion(Map<String, Object> row) {
		String id = String.valueOf(row.get("recordid"));
		String deleted = text(row.get("deleted"));
		return new Pending("d" + id, minute(deleted), id, new NetSuiteChange(this.account, this.type, id, null,
				NetSuiteChange.Kind.DELETED, ChangeQueries.time(deleted), null));
	}

	private static String text(@Nullable Object value) {
		return Objects.requireNonNull(value, "NetSuite answered a change without its time").toString();
	}

	// Stamps have whole minutes; the text is cut to them so that checkpoints compare as text
	private static String minute(String time) {
		return ChangeQueries.text(ChangeQueries.time(time).truncatedTo(ChronoUnit.MINUTES));
	}

	private static Iterator<Pending> merge(Iterator<Pending> left, Iterator<Pending> right) {
		return new Iterator<>() {

			private @Nullable Pending nextLeft = left.hasNext() ? left.next() : null;

			private @Nullable Pending nextRight = right.hasNext() ? right.next() : null;

			@Override
			public boolean hasNext() {
				return this.nextLeft != null || this.nextRight != null;
			}

			@Override
			public Pending next() {
				Pending a = this.nextLeft;
				Pending b = this.nextRight;
				if (a != null && (b == null || ORDER.compare(a, b) <= 0)) {
					this.nextLeft = left.hasNext() ? left.next() : null;
					return a;
				}
				this.nextRight = right.hasNext() ? right.next() : null;
				return Objects.requireNonNull(b);
			}

		};
	}

	/**
	 * What health shows of the feed.
	 */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("account", this.account);
		details.put("type", this.type);
		details.put("state", this.state.name().toLowerCase(Locale.ROOT));
		details.put("store", this.store.describe());
		String checkpoint = this.lastCheckpoint;
		if (checkpoint != null) {
			details.put("checkpoint", checkpoint);
		}
		details.put("lagSeconds", lag().toSeconds());
		details.put("handled", this.handledCount);
		details.put("failures", this.failureCount);
		details.put("consecutiveFailures", this.consecutiveFailures);
		String error = this.lastError;
		if (error != null) {
			details.put("lastError", error);
		}
		return details;
	}

	/**
	 * How many polls went through to the end.
	 */
	long polls() {
		return this.polls;
	}

	/**
	 * How many times the feed polled or found another instance polling.
	 */
	long ticks() {
		return this.ticks;
	}

	State state() {
		return this.state;
	}

	/**
	 * What a feed is doing.
	 */
	enum State {

		/**
		 * Not started, or stopped.
		 */
		STOPPED,

		/**
		 * Waiting for the lock another instance holds.
		 */
		STANDBY,

		/**
		 * Holding the lock and polling.
		 */
		POLLING,

		/**
		 * Its handler or its polls fail.
		 */
		FAILING

	}

	/**
	 * A change read but not yet handed, with its place in the order.
	 */
	private record Pending(String key, String minute, String id, NetSuiteChange change) {

		long numericId() {
			try {
				return Long.parseLong(this.id);
			}
			catch (NumberFormatException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

	/**
	 * The user's handler of one feed.
	 */
	@FunctionalInterface
	interface ChangeHandler {

		void handle(NetSuiteChange change) throws Exception;

	}

}
