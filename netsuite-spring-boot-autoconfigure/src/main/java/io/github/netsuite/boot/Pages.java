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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;

/**
 * The one paging engine: the items of a SuiteQL query or of a record collection in order,
 * page after page ({@code items}, {@code offset}, {@code hasMore}, {@code totalResults}),
 * with the following pages fetched ahead on the account's page executor while the consumer
 * reads one: as many as {@code prefetch} answers each time a page is planned, by default
 * as many as the account's permits allow ({@link ReadAhead}, which says how a stream
 * shares them). Pages go by offset; a SuiteQL query goes on by keyset
 * ({@link SuiteQlKeyset}) once the offset reaches NetSuite's ceiling. A page is fetched
 * ahead only once it is known to exist: from the {@code totalResults} of an earlier page of
 * its query, or, past the ceiling, from the last row of the page before it.
 * <p>
 * Invariants, which hold between two calls of {@link #tryAdvance}:
 * <ul>
 * <li>Only the consumer's thread plans, reads and cancels pages; the executor only fetches
 * them. Not thread-safe, as a stream is not.</li>
 * <li>{@code ahead} holds the pages after {@code current} in reading order, each the page
 * that reading one page at a time would read next: at most {@code prefetch} of them (as it
 * answered when the last was planned; pages ahead stay when it shrinks), none
 * whose rows are past {@code maxRows}, and only pages the executor accepted (one it refuses
 * is fetched on the consumer's thread when the consumer reaches it).</li>
 * <li>Each page is fetched once, by the executor or by the consumer. An executor that may
 * queue (Boot's {@code applicationTaskExecutor}) may hold a page behind other work: a page
 * the consumer needs that has not started yet is fetched on the consumer's thread rather
 * than waited for. One that hands each task to a thread at once (the client's own pool)
 * starts what it accepted before long, and the consumer waits for it.</li>
 * <li>A page fetched ahead runs in the observation that was current on the consumer's thread
 * when it was planned, so its observations are children of the caller's.</li>
 * <li>Once closed, nothing more is fetched: every page not yet read is cancelled, which
 * interrupts one waiting for a permit or on the wire, so its permit comes back. A stream
 * abandoned without closing fetches at most its pages ahead, each giving back its permit
 * when it ends, and a queued page that the executor runs after a cancellation does
 * nothing.</li>
 * </ul>
 *
 * @author NetSuite Spring Boot team
 */
final class Pages extends Spliterators.AbstractSpliterator<ObjectNode> implements AutoCloseable {

	// No totalResults known for a page's query yet.
	private static final long UNKNOWN = -1;

	private final Fetcher fetcher;

	private final Executor executor;

	private final boolean executorMayQueue;

	private final ObservationRegistry observations;

	private final String query;

	private final @Nullable SuiteQlKeyset keyset;

	// The first offset NetSuite does not serve for the query; the keyset takes over there.
	private final int maxOffset;

	private final int pageSize;

	// Pages ahead wanted now, asked again each time a page is planned.
	private final IntSupplier prefetch;

	private final long maxRows;

	private final ArrayDeque<Page> ahead = new ArrayDeque<>();

	// The page whose rows are read now; null before the first.
	private @Nullable Page current;

	private List<ObjectNode> rows = List.of();

	// The next row of 'rows' to hand out.
	private int index;

	// Rows handed out, on this page and all before it.
	private long rowsOut;

	private boolean closed;

	Pages(Fetcher fetcher, Executor executor, ObservationRegistry observations, String query,
			@Nullable SuiteQlKeyset keyset, int maxOffset, int pageSize, int prefetch, long maxRows) {
		this(fetcher, executor, observations, query, keyset, maxOffset, pageSize, () -> prefetch, maxRows);
	}

	Pages(Fetcher fetcher, Executor executor, ObservationRegistry observations, String query,
			@Nullable SuiteQlKeyset keyset, int maxOffset, int pageSize, IntSupplier prefetch, long maxRows) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		this.fetcher = fetcher;
		this.executor = executor;
		this.executorMayQueue = !(executor instanceof ThreadPoolExecutor pool
				&& pool.getQueue() instanceof SynchronousQueue);
		this.observations = observations;
		this.query = query;
		this.keyset = keyset;
		this.maxOffset = maxOffset;
		this.pageSize = pageSize;
		this.prefetch = prefetch;
		this.maxRows = maxRows;
	}

	/**
	 * The rows of a SuiteQL query: by offset up to NetSuite's ceiling, then by keyset when
	 * the query is ordered by {@code id}, else failing with
	 * {@link NetSuiteQueryLimitException} where the rows past the ceiling would come.
	 */
	static Stream<ObjectNode> suiteQl(NetSuiteExchange exchange, Fetcher fetcher, String query, int pageSize,
			int prefetch, long maxRows) {
		ReadAhead readAhead = exchange.readAhead();
		return new Pages(fetcher, exchange.pageExecutor(), exchange.observationRegistry(), query,
				SuiteQlKeyset.of(query), SuiteQlQuery.MAX_OFFSET, pageSize, () -> readAhead.pages(prefetch), maxRows)
			.stream();
	}

	/**
	 * The rows of a dataset by offset, with pages fetched ahead as a SuiteQL query's are.
	 * No keyset and no ceiling of the client's: a dataset's ceiling is NetSuite's to answer.
	 */
	static Stream<ObjectNode> dataset(NetSuiteExchange exchange, Fetcher fetcher, int pageSize, int prefetch,
			long maxRows) {
		ReadAhead readAhead = exchange.readAhead();
		return new Pages(fetcher, exchange.pageExecutor(), exchange.observationRegistry(), "", null,
				Integer.MAX_VALUE, pageSize, () -> readAhead.pages(prefetch), maxRows)
			.stream();
	}

	/**
	 * The items of a record collection by offset, the next pages fetched ahead as the
	 * account's read-ahead allows.
	 */
	static Stream<ObjectNode> records(NetSuiteExchange exchange, Fetcher fetcher, int pageSize) {
		ReadAhead readAhead = exchange.readAhead();
		return new Pages(fetcher, exchange.pageExecutor(), exchange.observationRegistry(), "", null,
				Integer.MAX_VALUE, pageSize, readAhead::pages, Long.MAX_VALUE)
			.stream();
	}

	Stream<ObjectNode> stream() {
		return StreamSupport.stream(this, false).onClose(this::close);
	}

	@Override
	public boolean tryAdvance(Consumer<? super ObjectNode> action) {
		try {
			while (!this.closed && this.index == this.rows.size()) {
				if (!advance()) {
					close();
				}
			}
			if (this.closed) {
				return false;
			}
			ObjectNode row = this.rows.get(this.index++);
			if (++this.rowsOut == this.maxRows) {
				// Nothing after this row is wanted: stop what is outstanding now
				close();
			}
			action.accept(row);
			return true;
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Cancel every page not read yet; nothing more is fetched. Idempotent.
	 */
	@Override
	public void close() {
		this.closed = true;
		// Newest first: the later pages are the ones waiting for a permit, and none of them
		// may take one that an earlier, cancelled page gives back.
		Page page;
		while ((page = this.ahead.pollLast()) != null) {
			page.cancel();
		}
		if (this.current != null) {
			// Still in flight only if the consumer stopped waiting for it
			this.current.cancel();
		}
	}

	// Move to the page after the current one; false at the end of the result.
	private boolean advance() {
		Page read = this.current;
		Page next = (read != null) ? after(read, true) : page(this.query, 0, UNKNOWN);
		if (next == null) {
			return false;
		}
		// A page ahead is this same page, planned earlier and perhaps fetched already
		Page planned = this.ahead.poll();
		Page current = (planned != null) ? planned : next;
		this.current = current;
		this.rows = List.of();
		this.index = 0;
		// Planned before waiting, so that while the next page is awaited the one after those
		// ahead may start too: still at most prefetch + 1 pages outstanding, by default the
		// limit plus one: every permit busy while the consumer waits, and one page queued
		planAhead(this.pageSize);
		// A page not planned ahead was never forked: it is fetched here
		this.rows = current.await(planned == null || this.executorMayQueue).items();
		planAhead(this.rows.size());
		return true;
	}

	// Fetch ahead while fewer than 'prefetch' pages follow the current one, the next is
	// known to exist, and the rows planned so far are fewer than 'maxRows'. The limit is
	// read for each page, so that one that shrank or grew since the last is followed.
	private void planAhead(int rowsOnCurrent) {
		Page last = (this.ahead.isEmpty()) ? this.current : this.ahead.peekLast();
		while (last != null && this.ahead.size() < this.prefetch.getAsInt()
				&& this.rowsOut + rowsOnCurrent + (long) this.ahead.size() * this.pageSize < this.maxRows) {
			Page next = after(last, false);
			if (next == null || !next.fork(this.executor)) {
				return;
			}
			this.ahead.add(next);
			last = next;
		}
	}

	// The page after 'last', as reading one page at a time finds it; null at the end of the
	// result. Planning ahead (not 'needed') does not wait for 'last', and also answers null
	// while what follows it is not known yet.
	private @Nullable Page after(Page last, boolean needed) {
		NetSuitePage<ObjectNode> page = needed ? last.await(true) : last.now();
		if (page != null && (!page.hasMore() || page.items().isEmpty())) {
			return null;
		}
		long total = (page != null) ? page.totalResults() : last.total();
		long offset = (long) last.offset() + this.pageSize;
		if (offset < this.maxOffset) {
			return (page != null || offset < total) ? page(last.query(), (int) offset, total) : null;
		}
		// Past the ceiling, the keyset goes on after the last row of 'last'
		if (page == null) {
			return null;
		}
		JsonNode id = page.items().get(page.items().size() - 1).path("id");
		SuiteQlKeyset keyset = this.keyset;
		if (keyset != null && id.isValueNode() && !id.isNull()) {
			return page(keyset.after(id.asString()), 0, UNKNOWN);
		}
		if (!needed) {
			return null;
		}
		throw new NetSuiteQueryLimitException(
				"The query has more than " + SuiteQlQuery.MAX_OFFSET + " rows, the most NetSuite pages through by offset",
				"Select the id column and end the query with ORDER BY id so that it continues by keyset "
						+ "(WHERE id > last), or narrow it with a WHERE clause");
	}

	// A page not started yet, to be fetched in the observation current on this thread.
	private Page page(String query, int offset, long total) {
		@Nullable Observation parent = this.observations.getCurrentObservation();
		return new Page(query, offset, total, new FutureTask<>(() -> {
			if (parent == null || parent == this.observations.getCurrentObservation()) {
				return this.fetcher.fetch(query, this.pageSize, offset);
			}
			try (Observation.Scope scope = parent.openScope()) {
				return this.fetcher.fetch(query, this.pageSize, offset);
			}
		}));
	}

	/**
	 * Read one page from an answer's body stream, as it arrives, within its byte limit
	 * and deadline: an {@link NetSuiteExchange.AnswerReader} for a page request.
	 */
	static NetSuitePage<ObjectNode> read(ObjectMapper mapper, ClientHttpResponse response, Answers.Answer answer)
			throws IOException {
		NetSuitePage<ObjectNode> page = page(Answers.tree(mapper, answer, response.getBody()));
		if (page == null) {
			throw Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, answer, null);
		}
		return page;
	}

	// The page, or null when the JSON is not of its shape: an object with items that are
	// objects, which is all NetSuite answers.
	static @Nullable NetSuitePage<ObjectNode> page(@Nullable JsonNode json) {
		if (json == null || !json.isObject() || !json.path("items").isArray()) {
			return null;
		}
		List<ObjectNode> items = new ArrayList<>();
		for (JsonNode item : json.path("items")) {
			if (!(item instanceof ObjectNode object)) {
				return null;
			}
			object.remove("links");
			items.add(object);
		}
		return new NetSuitePage<>(items, json.path("offset").asInt(0), json.path("hasMore").asBoolean(false),
				json.path("totalResults").asLong(items.size()));
	}

	/**
	 * Fetches one page: {@code limit} items from {@code offset} of a query (a record
	 * collection has one query and ignores it).
	 */
	@FunctionalInterface
	interface Fetcher {

		NetSuitePage<ObjectNode> fetch(String query, int limit, int offset);

	}

	/**
	 * One page: which, the {@code totalResults} of its query as known when it was planned
	 * ({@link #UNKNOWN} if none), and its fetch.
	 */
	private record Page(String query, int offset, long total, FutureTask<NetSuitePage<ObjectNode>> task) {

		// Whether the executor accepted the page.
		boolean fork(Executor executor) {
			try {
				executor.execute(this.task);
				return true;
			}
			catch (RejectedExecutionException ex) {
				return false;
			}
		}

		// The page if it has arrived without error, else null; never waits.
		@Nullable NetSuitePage<ObjectNode> now() {
			if (!this.task.isDone() || this.task.isCancelled()) {
				return null;
			}
			try {
				return this.task.get();
			}
			catch (ExecutionException | InterruptedException ex) {
				return null;
			}
		}

		// The page, or what its fetch threw, as thrown; waits for it. With 'here', fetches it
		// on this thread first unless it has started elsewhere.
		NetSuitePage<ObjectNode> await(boolean here) {
			if (here) {
				this.task.run();
			}
			try {
				return this.task.get();
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException("Reading a page failed", cause);
			}
			catch (CancellationException ex) {
				throw new IllegalStateException("The page at offset " + this.offset + " was cancelled", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ResourceAccessException("Interrupted while waiting for a page",
						new InterruptedIOException(ex.getMessage()));
			}
		}

		void cancel() {
			this.task.cancel(true);
		}

	}

}
