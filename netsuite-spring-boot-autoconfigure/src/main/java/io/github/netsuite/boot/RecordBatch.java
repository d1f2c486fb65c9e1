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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;

/**
 * Batch writes to the records of one type through NetSuite's batch operations: up to 100
 * records a request ({@code {"items":[…]}}, {@code Prefer: respond-async}), each request
 * with its own idempotency key, its items executed by the account's REST async
 * processors. Every input item gets one {@link Result}, in input order: the internal ID of
 * the record written, or the error NetSuite answered for that item. One failed item never
 * fails the others.
 * <p>
 * Requests are submitted ahead, a window of twice the account's concurrency limit at a
 * time; each holds a permit only while it is on the wire, not while NetSuite processes it.
 * Each job is polled ({@code netsuite.batch.poll-interval}, doubling up to
 * {@code netsuite.batch.max-poll-interval}, for at most {@code netsuite.batch.timeout}),
 * then its items' results are read, one request per item as NetSuite documents, as many at
 * once as the account has permits. A request that was throttled or whose answer was lost
 * is submitted again with the same key, which NetSuite executes once. An item whose
 * outcome cannot be learnt (its job's tasks do not match the items, its result cannot be
 * read) fails with a {@link NetSuiteUnreadableAnswerException} that
 * {@linkplain NetSuiteUnreadableAnswerException#mayHaveExecuted() may have executed},
 * never with a made-up success.
 * <p>
 * Immutable: each modifier returns a copy, so a batch can be shared and used again.
 *
 * <pre class="code">
 * List&lt;RecordBatch.Result&gt; results = client.records("customer").batch().create(customers);
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 * @see RecordCollection#batch()
 */
public final class RecordBatch {

	static final int MAX_SIZE = 100;

	// NetSuite's media type of a batch request's body
	static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection";

	private final NetSuiteExchange exchange;

	private final String type;

	private final int size;

	private final @Nullable String idempotencySeed;

	RecordBatch(NetSuiteExchange exchange, String type) {
		this(exchange, type, exchange.batching().size(), null);
	}

	private RecordBatch(NetSuiteExchange exchange, String type, int size, @Nullable String idempotencySeed) {
		this.exchange = exchange;
		this.type = type;
		this.size = size;
		this.idempotencySeed = idempotencySeed;
	}

	/**
	 * Return this batch with another number of records per request.
	 * @param size records per request, 1 to 100 (NetSuite's most); by default
	 * {@code netsuite.batch.size}
	 * @return the batch
	 */
	@CheckReturnValue
	public RecordBatch size(int size) {
		Assert.isTrue(size >= 1 && size <= MAX_SIZE, "'size' must be between 1 and 100");
		return new RecordBatch(this.exchange, this.type, size, this.idempotencySeed);
	}

	/**
	 * Return this batch with idempotency keys derived from a seed: request {@code i}'s
	 * key is {@code UUID.nameUUIDFromBytes(seed + "/" + i)}, so that the same input
	 * written again with the same seed and size (a restarted job's chunk, say) is executed
	 * once, and its results read again. Without a seed, each request has a random key.
	 * @param seed the seed, such as a job's and chunk's name
	 * @return the batch
	 */
	@CheckReturnValue
	public RecordBatch idempotencyKeys(String seed) {
		Assert.hasText(seed, "'seed' must not be empty");
		return new RecordBatch(this.exchange, this.type, this.size, seed);
	}

	/**
	 * Create records ({@code POST}).
	 * @param records the records, each a map or an object Jackson can write, sent as
	 * given
	 * @return one result per record, in input order
	 */
	public List<Result> create(List<?> records) {
		return list(Operation.CREATE, records);
	}

	/**
	 * Create records ({@code POST}), lazily: records are read from the stream as the
	 * results are, and the results come in input order as their requests complete, with
	 * at most a window of requests in memory. Close the stream to stop early.
	 * @param records the records, each a map or an object Jackson can write
	 * @return one result per record, in input order
	 */
	public Stream<Result> create(Stream<?> records) {
		return stream(Operation.CREATE, records);
	}

	/**
	 * Update records ({@code PATCH}), each with its internal {@code id} or its
	 * {@code externalId} (the internal ID wins when both are given).
	 * @param records the records, each a map or an object Jackson can write
	 * @return one result per record, in input order
	 */
	public List<Result> update(List<?> records) {
		return list(Operation.UPDATE, records);
	}

	/**
	 * Update records ({@code PATCH}), lazily, as {@link #create(Stream)} does.
	 * @param records the records, each with its {@code id} or {@code externalId}
	 * @return one result per record, in input order
	 */
	public Stream<Result> update(Stream<?> records) {
		return stream(Operation.UPDATE, records);
	}

	/**
	 * Create or update records by their {@code externalId} ({@code PUT}), which each
	 * must carry: written again, an upsert changes nothing twice.
	 * @param records the records, each a map or an object Jackson can write
	 * @return one result per record, in input order
	 */
	public List<Result> upsert(List<?> records) {
		return list(Operation.UPSERT, records);
	}

	/**
	 * Create or update records by their {@code externalId} ({@code PUT}), lazily, as
	 * {@link #create(Stream)} does.
	 * @param records the records, each with its {@code externalId}
	 * @return one result per record, in input order
	 */
	public Stream<Result> upsert(Stream<?> records) {
		return stream(Operation.UPSERT, records);
	}

	/**
	 * Delete records ({@code DELETE}, each item {@code {"id":…}} or
	 * {@code {"externalId":…}}).
	 * @param ids internal IDs, or {@code eid:<externalId>}
	 * @return one result per ID, in input order, each with the ID it was given
	 */
	public List<Result> delete(List<String> ids) {
		return list(Operation.DELETE, ids);
	}

	/**
	 * Delete records ({@code DELETE}), lazily, as {@link #create(Stream)} does.
	 * @param ids internal IDs, or {@code eid:<externalId>}
	 * @return one result per ID, in input order
	 */
	public Stream<Result> delete(Stream<String> ids) {
		return stream(Operation.DELETE, ids);
	}

	private List<Result> list(Operation operation, List<?> items) {
		Assert.notNull(items, "'records' must not be null");
		// All checked first, so that a list with a bad item writes nothing.
		for (int i = 0; i < items.size(); i++) {
			operation.item(items.get(i), i);
		}
		try (Stream<Result> results = stream(operation, items.stream())) {
			return results.toList();
		}
	}

	private Stream<Result> stream(Operation operation, Stream<?> items) {
		Assert.notNull(items, "'records' must not be null");
		RecordBatchRun run = new RecordBatchRun(this.exchange, operation, this.type, this.size,
				this.idempotencySeed, items.iterator());
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(run, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(run::close)
			.onClose(items::close);
	}

	@Override
	public String toString() {
		return "RecordBatch[type=" + this.type + ", size=" + this.size + "]";
	}

	/**
	 * What a batch request does to its items.
	 */
	enum Operation {

		CREATE(HttpMethod.POST), UPDATE(HttpMethod.PATCH), UPSERT(HttpMethod.PUT), DELETE(HttpMethod.DELETE);

		private final HttpMethod method;

		Operation(HttpMethod method) {
			this.method = method;
		}

		HttpMethod method() {
			return this.method;
		}

		/**
		 * The item a request carries for an input item: the user's own object, as given;
		 * for a delete, the ID it names.
		 */
		Object item(@Nullable Object input, int index) {
			if (input == null) {
				throw new IllegalArgumentException("Item " + index + " of the batch is null");
			}
			if (this != DELETE) {
				return input;
			}
			if (!(input instanceof String id) || id.isBlank()) {
				throw new IllegalArgumentException("Item " + index + " of the batch is not an ID: " + input);
			}
			return id.startsWith("eid:") ? Map.of("externalId", id.substring(4)) : Map.of("id", id);
		}

		/**
		 * The request for a list of items; the caller adds the idempotency key.
		 */
		AsyncRequest request(NetSuiteExchange exchange, String type, List<Object> items) {
			AsyncRequest request = new AsyncRequest(exchange, this.method, RecordCollection.PATH, type);
			if (this != DELETE) {
				// NetSuite's documented type of a batch body, for POST, PATCH and PUT only.
				request = request.header(HttpHeaders.CONTENT_TYPE, COLLECTION);
			}
			return request.body(Map.of("items", items));
		}

		/**
		 * The reference an update, upsert or delete names its record by, for a result
		 * whose answer names none: the internal {@code id}, else {@code eid:<externalId>}.
		 * A create has none.
		 */
		@Nullable String reference(Object item, ObjectMapper mapper) {
			if (this == CREATE) {
				return null;
			}
			JsonNode json = mapper.valueToTree(item);
			JsonNode id = json.path("id");
			if ((id.isString() || id.isNumber()) && !id.asString().isEmpty()) {
				return id.asString();
			}
			JsonNode externalId = json.path("externalId");
			return (externalId.isString() || externalId.isNumber()) && !externalId.asString().isEmpty()
					? "eid:" + externalId.asString() : null;
		}

	}

	/**
	 * An account's defaults for batches ({@code netsuite.batch.*}), the permits that size
	 * their windows, and who is told of their requests.
	 *
	 * @param size records per request
	 * @param polling how jobs are polled
	 * @param permits the account's concurrency limit now
	 * @param listener told of every batch request
	 */
	record Settings(int size, NetSuiteJob.AsyncPolling polling, IntSupplier permits, RecordBatchListener listener) {

		static final NetSuiteJob.AsyncPolling DEFAULT_POLLING = new NetSuiteJob.AsyncPolling(Duration.ofMillis(200),
				Duration.ofSeconds(2), Duration.ofMinutes(30));

		static final Settings DEFAULTS = new Settings(MAX_SIZE, DEFAULT_POLLING, () -> 5, RecordBatchListener.NONE);

		Settings {
			Assert.isTrue(size >= 1 && size <= MAX_SIZE, "'size' must be between 1 and 100");
			Objects.requireNonNull(polling, "polling");
			Objects.requireNonNull(permits, "permits");
			Objects.requireNonNull(listener, "listener");
		}

	}

	/**
	 * The outcome of one input item: the internal ID of its record, or NetSuite's error.
	 */
	public static final class Result {

		private final int index;

		private final @Nullable String id;

		private final @Nullable NetSuiteException error;

		Result(int index, @Nullable String id, @Nullable NetSuiteException error) {
			Assert.isTrue((id == null) != (error == null), "Either 'id' or 'error' must be given");
			this.index = index;
			this.id = id;
			this.error = error;
		}

		/**
		 * Return the item's position in the input.
		 * @return the index, from 0
		 */
		public int index() {
			return this.index;
		}

		/**
		 * Return the internal ID of the record written: from the record's location
		 * NetSuite answered, or, for an update, upsert or delete whose answer names no
		 * record, the reference the item gave ({@code id}, else
		 * {@code eid:<externalId>}).
		 * @return the ID, or {@code null} if the item failed
		 */
		public @Nullable String id() {
			return this.id;
		}

		/**
		 * Return the error of the item: the {@link NetSuiteException} NetSuite answered for
		 * it, with its code and detail, or a
		 * {@link NetSuiteUnreadableAnswerException} whose
		 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} says that its
		 * outcome is unknown.
		 * @return the error, or {@code null} if the item succeeded
		 */
		public @Nullable NetSuiteException error() {
			return this.error;
		}

		/**
		 * Return whether the item succeeded.
		 * @return whether it did
		 */
		public boolean succeeded() {
			return this.error == null;
		}

		/**
		 * Return the internal ID of the record written, or throw the item's error.
		 * @return the ID
		 * @throws NetSuiteException the item's error
		 */
		public String orElseThrow() {
			if (this.error != null) {
				throw this.error;
			}
			return Objects.requireNonNull(this.id);
		}

		@Override
		public String toString() {
			return "Result[index=" + this.index + ", "
					+ ((this.error != null) ? "error=" + this.error.getErrorCode() : "id=" + this.id) + "]";
		}

	}

}
