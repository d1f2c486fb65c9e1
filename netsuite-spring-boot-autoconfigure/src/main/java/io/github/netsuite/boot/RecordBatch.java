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

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;

/**
 * Batch writes to the records of one type: NetSuite's batch operations, up to 100
 * records a request, each request asynchronous with an idempotency key, its items
 * executed by the account's REST async processors. Every input item gets one
 * {@link Result}, in input order: the internal ID of the record written, or the error
 * NetSuite answered for that item. One failed item never fails the others. Immutable:
 * each modifier returns a copy.
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

	private final NetSuiteExchange exchange;

	private final String type;

	private final int size;

	private final @Nullable String idempotencySeed;

	RecordBatch(NetSuiteExchange exchange, String type) {
		this(exchange, type, MAX_SIZE, null);
	}

	private RecordBatch(NetSuiteExchange exchange, String type, int size, @Nullable String idempotencySeed) {
		this.exchange = exchange;
		this.type = type;
		this.size = size;
		this.idempotencySeed = idempotencySeed;
	}

	/**
	 * Return this batch with another number of records per request.
	 * @param size records per request, 1 to 100 (NetSuite's most)
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
	 * written again with the same seed and size is executed once.
	 * @param seed the seed, such as a job's and chunk's name
	 * @return the batch
	 */
	@CheckReturnValue
	public RecordBatch idempotencyKeys(String seed) {
		Assert.hasText(seed, "'seed' must not be empty");
		return new RecordBatch(this.exchange, this.type, this.size, seed);
	}

	/**
	 * Create records.
	 * @param records the records, each a map or an object Jackson can write
	 * @return one result per record, in input order
	 */
	public List<Result> create(List<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Create records, lazily.
	 * @param records the records
	 * @return one result per record, in input order
	 */
	public Stream<Result> create(Stream<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Update records, each with an {@code id} or an {@code externalId}.
	 * @param records the records
	 * @return one result per record, in input order
	 */
	public List<Result> update(List<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Update records, lazily.
	 * @param records the records
	 * @return one result per record, in input order
	 */
	public Stream<Result> update(Stream<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Create or update records by their {@code externalId}.
	 * @param records the records
	 * @return one result per record, in input order
	 */
	public List<Result> upsert(List<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Create or update records by their {@code externalId}, lazily.
	 * @param records the records
	 * @return one result per record, in input order
	 */
	public Stream<Result> upsert(Stream<?> records) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Delete records.
	 * @param ids internal IDs, or {@code eid:<externalId>}
	 * @return one result per ID, in input order
	 */
	public List<Result> delete(List<String> ids) {
		throw new UnsupportedOperationException("Not yet");
	}

	/**
	 * Delete records, lazily.
	 * @param ids internal IDs, or {@code eid:<externalId>}
	 * @return one result per ID, in input order
	 */
	public Stream<Result> delete(Stream<String> ids) {
		throw new UnsupportedOperationException("Not yet");
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
		 * Return the internal ID of the record written.
		 * @return the ID, or {@code null} if the item failed
		 */
		public @Nullable String id() {
			return this.id;
		}

		/**
		 * Return the error of the item.
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
			return java.util.Objects.requireNonNull(this.id);
		}

		@Override
		public String toString() {
			return "Result[index=" + this.index + ", "
					+ ((this.error != null) ? "error=" + this.error.getErrorCode() : "id=" + this.id) + "]";
		}

	}

}
