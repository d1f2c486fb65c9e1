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
package io.github.netsuite.boot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.ResourceAccessException;

/**
 * One run of a {@link RecordBatch}: the input cut into requests, a window of them in
 * flight, and their items' results handed out in input order.
 * <p>
 * The consumer's thread alone reads the input and hands out results: it cuts the next
 * request's items whenever fewer than the window's requests are in flight, then waits for
 * the oldest. Everything that goes on the wire runs on a pool of the run's own, one thread
 * per permit of the account: a submit, a poll (scheduled after its wait, so no thread
 * sleeps while NetSuite processes a job and no permit is held), a job's task list, and one
 * task per item result. So the run never has more requests on the wire than the account
 * has permits, and reads results at their full speed.
 * <p>
 * The window is twice the account's permits: about one permit's worth of jobs at
 * NetSuite's processors while as many have their results read, so neither the processors
 * nor the permits wait for the other, and memory stays bounded by the window's items and
 * results. The pool's threads are daemons that end when idle, and the pool is shut down
 * when the run ends or is closed.
 *
 * @author NetSuite Spring Boot team
 */
final class RecordBatchRun implements Iterator<RecordBatch.Result>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RecordBatch.class);

	private static final RecordBatch.Result[] NONE = new RecordBatch.Result[0];

	// A read of a job's tasks or of a task's result asked again after a lost answer.
	private static final int READ_ATTEMPTS = 3;

	private static final Duration READ_BACKOFF = Duration.ofMillis(100);

	private static final AtomicInteger runs = new AtomicInteger();

	private final NetSuiteExchange exchange;

	private final RecordBatch.Operation operation;

	private final String type;

	private final int size;

	private final @Nullable String seed;

	private final Iterator<?> input;

	private final String method;

	private final String path;

	private final ArrayDeque<Chunk> inFlight = new ArrayDeque<>();

	private @Nullable ScheduledThreadPoolExecutor pool;

	private int window;

	private RecordBatch.Result[] current = NONE;

	private int position;

	private int nextIndex;

	private int requests;

	private volatile boolean closed;

	RecordBatchRun(NetSuiteExchange exchange, RecordBatch.Operation operation, String type, int size,
			@Nullable String seed, Iterator<?> input) {
		this.exchange = exchange;
		this.operation = operation;
		this.type = type;
		this.size = size;
		this.seed = seed;
		this.input = input;
		this.method = operation.method().name();
		this.path = RecordCollection.PATH.replace("{type}", type);
	}

	@Override
	public boolean hasNext() {
		while (this.position >= this.current.length) {
			if (this.closed) {
				return false;
			}
			fill();
			Chunk oldest = this.inFlight.poll();
			if (oldest == null) {
				end();
				return false;
			}
			this.current = oldest.await();
			this.position = 0;
			// Keep the window full while the consumer reads these results.
			fill();
		}
		return true;
	}

	@Override
	public RecordBatch.Result next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.current[this.position++];
	}

	private void fill() {
		while (this.inFlight.size() < window() && this.input.hasNext()) {
			List<Object> items = new ArrayList<>(this.size);
			while (items.size() < this.size && this.input.hasNext()) {
				items.add(this.operation.item(this.input.next(), this.nextIndex + items.size()));
			}
			Chunk chunk = new Chunk(this.nextIndex, key(this.requests++), items);
			this.nextIndex += items.size();
			this.inFlight.add(chunk);
			execute(chunk, chunk::submit);
		}
	}

	private String key(int request) {
		return (this.seed != null) ? key(this.seed, request) : UUID.randomUUID().toString();
	}

	/**
	 * The idempotency key of a request of a seeded batch: a name-based UUID of the seed and
	 * the request's number, in UTF-8.
	 */
	static String key(String seed, int request) {
		return UUID.nameUUIDFromBytes((seed + "/" + request).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private int window() {
		if (this.pool == null) {
			int permits = Math.max(1, this.exchange.batching().permits().getAsInt());
			this.window = 2 * permits;
			AtomicInteger threads = new AtomicInteger();
			String name = "netsuite-batch-" + Objects.toString(this.exchange.realm(), "client") + "-"
					+ runs.incrementAndGet() + "-";
			ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(permits, (task) -> {
				Thread thread = new Thread(task, name + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			pool.setKeepAliveTime(10, TimeUnit.SECONDS);
			pool.allowCoreThreadTimeOut(true);
			pool.setRemoveOnCancelPolicy(true);
			this.pool = pool;
		}
		return this.window;
	}

	private void execute(Chunk chunk, Runnable task) {
		schedule(chunk, task, Duration.ZERO);
	}

	private void schedule(Chunk chunk, Runnable task, Duration delay) {
		ScheduledThreadPoolExecutor pool = this.pool;
		try {
			if (pool == null || this.closed) {
				throw new RejectedExecutionException("closed");
			}
			pool.schedule(() -> {
				try {
					task.run();
				}
				catch (RuntimeException | Error ex) {
					// A defect, not NetSuite's answer: the items' outcome is not known.
					chunk.failAll(chunk.unknown("the batch request failed in the client", ex), chunk.job != null);
					if (ex instanceof Error error) {
						throw error;
					}
				}
			}, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Closed: nobody waits for these results any more.
			chunk.failAll(chunk.unknown("the batch was closed before the request's results were read", null),
					chunk.job != null);
		}
	}

	private void end() {
		ScheduledThreadPoolExecutor pool = this.pool;
		if (pool != null) {
			pool.shutdown();
		}
	}

	/**
	 * Stop: nothing more is submitted or read, and requests on the wire are interrupted.
	 * Jobs NetSuite accepted still run there.
	 */
	@Override
	public void close() {
		this.closed = true;
		ScheduledThreadPoolExecutor pool = this.pool;
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	private String hint() {
		return (this.seed != null)
				? "Write the same items again with the same idempotency keys and size to learn their outcome "
						+ "without writing them twice"
				: "Check whether the records were written before writing them again, or give the batch "
						+ "idempotency keys (RecordBatch.idempotencyKeys) so that a repeat is written once";
	}

	// A read of the job, asked again when its answer was lost.
	private static <T> T reading(Supplier<T> read) {
		for (int attempt = 1;; attempt++) {
			try {
				return read.get();
			}
			catch (RuntimeException ex) {
				if (attempt >= READ_ATTEMPTS || !NetSuiteJob.isTransient(ex)) {
					throw ex;
				}
				try {
					Thread.sleep(READ_BACKOFF.toMillis() * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/**
	 * One batch request: its items, its key, its job, and its items' results.
	 */
	private final class Chunk {

		private final int first;

		private final String key;

		private final List<Object> items;

		private final RecordBatch.Result[] results;

		private final AtomicInteger pending = new AtomicInteger();

		// Reported and handed out once, whichever of the pool's threads gets there first.
		private final AtomicBoolean finished = new AtomicBoolean();

		private final CompletableFuture<RecordBatch.Result[]> done = new CompletableFuture<>();

		private final long started = System.nanoTime();

		private volatile @Nullable NetSuiteJob job;

		Chunk(int first, String key, List<Object> items) {
			this.first = first;
			this.key = key;
			this.items = items;
			this.results = new RecordBatch.Result[items.size()];
		}

		void submit() {
			NetSuiteJob job;
			try {
				job = RecordBatchRun.this.operation.request(RecordBatchRun.this.exchange, RecordBatchRun.this.type,
						this.items).idempotencyKey(this.key).submit();
			}
			catch (NetSuiteException ex) {
				// Refused, or lost after the retries, which repeated it with the same key:
				// NetSuite's answer (or its absence) is every item's.
				failAll(ex, false);
				return;
			}
			catch (ResourceAccessException ex) {
				failAll(unknown("the batch request's answer was lost", ex), false);
				return;
			}
			this.job = job;
			RecordBatchRun.this.exchange.batchSubmitted(RecordBatchRun.this.type, this.items.size());
			if (job.location() == null) {
				// Unconfirmed: a server that ignored respond-async would answer for the whole
				// request at once, with no task per item to read.
				failAll(unknown("NetSuite answered the batch request at once, without a job whose tasks hold the "
						+ "items' results", null), true);
				return;
			}
			NetSuiteJob.AsyncPolling polling = RecordBatchRun.this.exchange.batching().polling();
			long deadline = System.nanoTime() + polling.timeout().toNanos();
			schedule(this, () -> poll(job, polling.interval(), deadline, null), polling.interval());
		}

		private void poll(NetSuiteJob job, Duration wait, long deadline, @Nullable RuntimeException lastFailure) {
			NetSuiteJob.AsyncPolling polling = RecordBatchRun.this.exchange.batching().polling();
			RuntimeException failure = lastFailure;
			JsonNode state = null;
			try {
				state = job.completedState();
			}
			catch (RuntimeException ex) {
				if (!NetSuiteJob.isTransient(ex)) {
					failAll(unknown("NetSuite's job " + job.id() + " could not be followed", ex), true);
					return;
				}
				// A poll only reads: one whose answer was lost is asked again.
				failure = ex;
			}
			if (state != null) {
				results(job, state);
				return;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				failAll(unknown("NetSuite had not completed job " + job.id() + " after " + polling.timeout()
						+ " (netsuite.batch.timeout); it may still complete", failure), true);
				return;
			}
			Duration next = (wait.compareTo(polling.maxInterval().dividedBy(2)) > 0) ? polling.maxInterval()
					: wait.multipliedBy(2);
			RuntimeException last = failure;
			schedule(this, () -> poll(job, next, deadline, last), Duration.ofNanos(Math.min(wait.toNanos(), left)));
		}

		private void results(NetSuiteJob job, JsonNode state) {
			List<URI> tasks;
			try {
				tasks = reading(() -> job.taskResults(state));
			}
			catch (RuntimeException ex) {
				failAll(unknown("the tasks of NetSuite's job " + job.id() + " could not be read", ex), true);
				return;
			}
			if (tasks.size() != this.items.size()) {
				// Unconfirmed that NetSuite makes one task per item, in input order: when the
				// counts differ, no task can be told to be any item's.
				failAll(unknown("NetSuite's job " + job.id() + " has " + tasks.size() + " tasks for "
						+ this.items.size() + " items, so no item's outcome can be told", null), true);
				return;
			}
			this.pending.set(tasks.size());
			for (int i = 0; i < tasks.size(); i++) {
				int item = i;
				URI task = tasks.get(i);
				execute(this, () -> {
					this.results[item] = result(job, item, task);
					if (this.pending.decrementAndGet() == 0 && this.finished.compareAndSet(false, true)) {
						complete(true);
					}
				});
			}
		}

		private RecordBatch.Result result(NetSuiteJob job, int item, URI task) {
			int index = this.first + item;
			NetSuiteJob.Result result;
			try {
				result = reading(() -> job.taskResult(task, true));
			}
			catch (NetSuiteException ex) {
				if (NetSuiteJob.isTransient(ex)) {
					return new RecordBatch.Result(index, null,
							unknown("the result of item " + index + " (" + task.getRawPath() + ") could not be read",
									ex));
				}
				// NetSuite's error for this item, as the synchronous request would have had it.
				return new RecordBatch.Result(index, null, ex);
			}
			catch (RuntimeException ex) {
				return new RecordBatch.Result(index, null,
						unknown("the result of item " + index + " (" + task.getRawPath() + ") could not be read", ex));
			}
			String id = result.writtenId(RecordBatchRun.this.type);
			if (id == null) {
				id = RecordBatchRun.this.operation.reference(this.items.get(item),
						RecordBatchRun.this.exchange.mapper());
			}
			if (id == null) {
				return new RecordBatch.Result(index, null, unknown("NetSuite's result for item " + index + " ("
						+ task.getRawPath() + ") names no " + RecordBatchRun.this.type + " record", null));
			}
			return new RecordBatch.Result(index, id, null);
		}

		NetSuiteException unknown(String detail, @Nullable Throwable cause) {
			return RecordBatchRun.this.exchange.named(new NetSuiteUnreadableAnswerException(detail,
					RecordBatchRun.this.method, RecordBatchRun.this.path, hint(), cause), null);
		}

		void failAll(NetSuiteException error, boolean accepted) {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			for (int i = 0; i < this.results.length; i++) {
				this.results[i] = new RecordBatch.Result(this.first + i, null, error);
			}
			complete(accepted);
		}

		private void complete(boolean accepted) {
			int failed = 0;
			for (RecordBatch.Result result : this.results) {
				if (!result.succeeded()) {
					failed++;
				}
			}
			int succeeded = this.results.length - failed;
			RecordBatchRun.this.exchange.batchFinished(RecordBatchRun.this.type, accepted, succeeded, failed);
			if (logger.isDebugEnabled()) {
				NetSuiteJob job = this.job;
				logger.debug("Batch " + RecordBatchRun.this.method + " of " + this.results.length + " "
						+ RecordBatchRun.this.type + " records (items " + this.first + " to "
						+ (this.first + this.results.length - 1) + "), job "
						+ ((job != null) ? job.id() : "not accepted") + ": " + succeeded + " succeeded, " + failed
						+ " failed in " + Duration.ofNanos(System.nanoTime() - this.started).toMillis() + " ms");
			}
			this.done.complete(this.results);
		}

		RecordBatch.Result[] await() {
			try {
				return this.done.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new NetSuiteException(0, null, "Interrupted while waiting for a batch's results",
						RecordBatchRun.this.method, RecordBatchRun.this.path, null);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
