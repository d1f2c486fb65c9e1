package io.github.netsuite.boot;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;

/**
 * The rows of a SuiteQL query in query order, page after page: by offset, and on by
 * keyset once the offset reaches NetSuite's ceiling. While the consumer reads one page, up
 * to {@code prefetch} following pages are fetched on the executor, each a request of its
 * own through the account's chain (so each takes a concurrency permit as any request
 * does). The first page of each run of offset pages tells {@code totalResults}, which says
 * which later offsets exist; the first page after the ceiling needs the last row before
 * it, so it is planned once that row is known.
 * <p>
 * Not thread-safe: one consumer, as a stream has. Only the consumer plans and takes pages;
 * the executor only fetches them. {@link #close()} cancels what is outstanding by
 * interrupting it: a fetch waiting for a permit stops at once; one on the wire is
 * abandoned or finishes in the background, as the HTTP client answers an interrupt, and
 * gives its permit back either way.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQlPages extends Spliterators.AbstractSpliterator<ObjectNode> implements AutoCloseable {

	private final Fetcher fetcher;

	private final Executor executor;

	private final @Nullable SuiteQlKeyset keyset;

	private final String firstQuery;

	private final int pageSize;

	private final int prefetch;

	private final long maxRows;

	// Pages fetched or being fetched after the current one, in the order they are read.
	private final ArrayDeque<Pending> ahead = new ArrayDeque<>();

	private @Nullable Pending current;

	private Iterator<ObjectNode> items = Collections.emptyIterator();

	private @Nullable ObjectNode lastItem;

	// Rows on the pages before the current one.
	private long rowsBefore;

	private long rowsOut;

	private boolean done;

	// The query of the last page read, and its totalResults.
	private @Nullable String knownQuery;

	private long knownTotal;

	SuiteQlPages(Fetcher fetcher, Executor executor, String query, int pageSize, int prefetch, long maxRows) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		this.fetcher = fetcher;
		this.executor = executor;
		this.keyset = SuiteQlKeyset.of(query);
		this.firstQuery = query;
		this.pageSize = pageSize;
		this.prefetch = prefetch;
		this.maxRows = maxRows;
	}

	@Override
	public boolean tryAdvance(Consumer<? super ObjectNode> action) {
		if (this.done) {
			return false;
		}
		if (this.rowsOut >= this.maxRows) {
			close();
			return false;
		}
		try {
			while (!this.items.hasNext()) {
				if (!advancePage()) {
					close();
					return false;
				}
			}
			this.lastItem = this.items.next();
			this.rowsOut++;
			if (this.rowsOut >= this.maxRows) {
				// Nothing after this row is wanted: stop what is outstanding now
				cancelAhead();
			}
			action.accept(this.lastItem);
			return true;
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Cancel every page fetched ahead. Idempotent.
	 */
	@Override
	public void close() {
		this.done = true;
		this.items = Collections.emptyIterator();
		cancelAhead();
	}

	// Move to the next page; false at the end of the result.
	private boolean advancePage() {
		if (this.rowsOut >= this.maxRows) {
			return false;
		}
		Pending next = expectedNext();
		if (next == null) {
			return false;
		}
		Pending head = this.ahead.poll();
		if (head == null || !head.isSame(next)) {
			// Not planned (the first page, the result grew, or nothing is fetched ahead)
			if (head != null) {
				head.cancel();
			}
			cancelAhead();
			head = next;
		}
		if (this.current != null) {
			this.rowsBefore += this.current.await().items().size();
		}
		// The page just read is let go, so while waiting for the next one the page after
		// those ahead may start too: still at most prefetch + 1 pages held
		this.current = head;
		this.items = Collections.emptyIterator();
		if (head.isStarted()) {
			planAhead(head);
		}
		else {
			head.runHere(this.fetcher, this.pageSize);
		}
		NetSuitePage<ObjectNode> page = head.await();
		this.knownQuery = head.query;
		this.knownTotal = page.totalResults();
		this.items = page.items().iterator();
		planAhead(head);
		return true;
	}

	// The page after the current one, as paging one page at a time would read it; null at the end.
	private @Nullable Pending expectedNext() {
		Pending current = this.current;
		if (current == null) {
			return new Pending(this.firstQuery, 0);
		}
		NetSuitePage<ObjectNode> page = current.await();
		if (!page.hasMore() || page.items().isEmpty()) {
			return null;
		}
		int offset = current.offset + this.pageSize;
		if (offset < SuiteQlQuery.MAX_OFFSET) {
			return new Pending(current.query, offset);
		}
		return new Pending(continueByKeyset(this.lastItem), 0);
	}

	// Fetch ahead while fewer than 'prefetch' pages after the current one are outstanding
	// and the next is known to exist.
	private void planAhead(Pending current) {
		while (this.ahead.size() < this.prefetch && !this.done) {
			NetSuitePage<ObjectNode> currentPage = current.now();
			long planned = this.rowsBefore + ((currentPage != null) ? currentPage.items().size() : this.pageSize)
					+ (long) this.ahead.size() * this.pageSize;
			if (planned >= this.maxRows) {
				return;
			}
			Pending last = (this.ahead.isEmpty()) ? current : this.ahead.peekLast();
			Pending next = plannedAfter(last);
			if (next == null) {
				return;
			}
			next.runOn(this.executor, this.fetcher, this.pageSize);
			this.ahead.add(next);
		}
	}

	// The page known to follow 'last', or null when that is not known yet (or there is none).
	private @Nullable Pending plannedAfter(Pending last) {
		Long total = knownTotal(last.query);
		if (total == null) {
			return null;
		}
		int offset = last.offset + this.pageSize;
		if (offset < SuiteQlQuery.MAX_OFFSET) {
			return (offset < total) ? new Pending(last.query, offset) : null;
		}
		if (total <= offset || this.keyset == null) {
			return null;
		}
		NetSuitePage<ObjectNode> lastPage = last.now();
		if (lastPage == null || lastPage.items().isEmpty()) {
			return null;
		}
		String id = keysetId(lastPage.items().get(lastPage.items().size() - 1));
		return (id != null) ? new Pending(this.keyset.after(id), 0) : null;
	}

	// The totalResults of a query's pages once one has arrived, else null.
	private @Nullable Long knownTotal(String query) {
		if (query.equals(this.knownQuery)) {
			return this.knownTotal;
		}
		for (Pending pending : this.ahead) {
			NetSuitePage<ObjectNode> page = pending.query.equals(query) ? pending.now() : null;
			if (page != null) {
				return page.totalResults();
			}
		}
		return null;
	}

	private String continueByKeyset(@Nullable ObjectNode lastRow) {
		String id = (lastRow != null) ? keysetId(lastRow) : null;
		if (this.keyset == null || id == null) {
			throw new NetSuiteQueryLimitException(
					"The query has more than " + SuiteQlQuery.MAX_OFFSET
							+ " rows, the most NetSuite pages through by offset",
					"Select the id column and end the query with ORDER BY id so that it continues by keyset "
							+ "(WHERE id > last), or narrow it with a WHERE clause");
		}
		return this.keyset.after(id);
	}

	private static @Nullable String keysetId(ObjectNode row) {
		JsonNode id = row.path("id");
		return (id.isValueNode() && !id.isNull()) ? id.asString() : null;
	}

	// Newest first: the later pages are the ones waiting for a permit, and none of them
	// may take one that an earlier, cancelled page gives back.
	private void cancelAhead() {
		Pending pending;
		while ((pending = this.ahead.pollLast()) != null) {
			pending.cancel();
		}
	}

	/**
	 * Fetches one page of a query.
	 */
	@FunctionalInterface
	interface Fetcher {

		NetSuitePage<ObjectNode> fetch(String query, int limit, int offset);

	}

	/**
	 * One page: which, and its fetch.
	 */
	private static final class Pending {

		private final String query;

		private final int offset;

		private @Nullable FutureTask<NetSuitePage<ObjectNode>> task;

		Pending(String query, int offset) {
			this.query = query;
			this.offset = offset;
		}

		boolean isStarted() {
			return this.task != null;
		}

		boolean isSame(Pending other) {
			return this.offset == other.offset && this.query.equals(other.query);
		}

		void runOn(Executor executor, Fetcher fetcher, int pageSize) {
			this.task = new FutureTask<>(() -> fetcher.fetch(this.query, pageSize, this.offset));
			executor.execute(this.task);
		}

		void runHere(Fetcher fetcher, int pageSize) {
			this.task = new FutureTask<>(() -> fetcher.fetch(this.query, pageSize, this.offset));
			this.task.run();
		}

		// The page if it has arrived without error, else null; never waits.
		@Nullable NetSuitePage<ObjectNode> now() {
			FutureTask<NetSuitePage<ObjectNode>> task = this.task;
			if (task == null || !task.isDone() || task.isCancelled()) {
				return null;
			}
			try {
				return task.get();
			}
			catch (ExecutionException | InterruptedException ex) {
				return null;
			}
		}

		// The page, or what its fetch threw, as thrown; waits for it.
		NetSuitePage<ObjectNode> await() {
			FutureTask<NetSuitePage<ObjectNode>> task = this.task;
			Assert.state(task != null, "The SuiteQL page was never fetched");
			try {
				return task.get();
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException("Reading a SuiteQL page failed", cause);
			}
			catch (CancellationException ex) {
				throw new IllegalStateException("The SuiteQL page at offset " + this.offset + " was cancelled", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ResourceAccessException("Interrupted while waiting for a SuiteQL page",
						new InterruptedIOException(ex.getMessage()));
			}
		}

		void cancel() {
			if (this.task != null) {
				this.task.cancel(true);
			}
		}

	}

}
