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
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.web.util.UriBuilder;

/**
 * The records of one type ({@code /services/rest/record/v1/<type>}), to create, upsert by
 * external ID or list. Immutable: each modifier returns a copy, so a collection can be
 * shared and used again.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class RecordCollection {

	static final String PATH = "/services/rest/record/v1/{type}";

	private static final int MAX_PAGE_SIZE = 1000;

	private final NetSuiteExchange exchange;

	private final String type;

	private final @Nullable String filter;

	private final @Nullable Boolean exactlyOnce;

	private final int pageSize;

	RecordCollection(NetSuiteExchange exchange, String type, @Nullable String filter) {
		this(exchange, type, filter, null, MAX_PAGE_SIZE);
	}

	private RecordCollection(NetSuiteExchange exchange, String type, @Nullable String filter,
			@Nullable Boolean exactlyOnce, int pageSize) {
		this.exchange = exchange;
		this.type = type;
		this.filter = filter;
		this.exactlyOnce = exactlyOnce;
		this.pageSize = pageSize;
	}

	/**
	 * Return these records with writes done exactly once: {@link #create} and
	 * {@link #upsert} are sent asynchronously with a fresh idempotency key each and return
	 * once NetSuite's job has completed, so that one whose answer was lost (a reset
	 * connection, a read timeout, a 5xx) is repeated with the same key and executed once.
	 * @return the records, with writes done exactly once
	 */
	@CheckReturnValue
	public RecordCollection exactlyOnce() {
		return exactlyOnce(true);
	}

	/**
	 * Return these records with writes done exactly once or not, whatever
	 * {@code netsuite.records.exactly-once-writes} says.
	 * @param exactlyOnce whether writes are done exactly once through asynchronous jobs
	 * @return the records
	 * @see #exactlyOnce()
	 */
	@CheckReturnValue
	public RecordCollection exactlyOnce(boolean exactlyOnce) {
		return new RecordCollection(this.exchange, this.type, this.filter, exactlyOnce, this.pageSize);
	}

	/**
	 * Return these records with another page size for {@link #stream()}: the
	 * {@code limit} of each request.
	 * @param pageSize references per request, 1 to 1000 (the default and NetSuite's
	 * most)
	 * @return the records, streamed in pages of that size
	 */
	public RecordCollection pageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		return new RecordCollection(this.exchange, this.type, this.filter, this.exactlyOnce, pageSize);
	}

	/**
	 * Create a record. NetSuite answers {@code 204} with the new record's location. Unless
	 * writes are done {@linkplain #exactlyOnce() exactly once}, a create is never repeated
	 * once it may have reached NetSuite: a lost answer is reported, not retried.
	 * @param record the fields of the new record, as a map or an object Jackson can write
	 * @return the internal ID of the new record
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was done exactly once or not
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's: a body, or no {@code Location} of a {@code <type>} record on the host the
	 * request went to. The record may or may not have been created.
	 */
	public String create(Object record) {
		Assert.notNull(record, "'record' must not be null");
		if (isExactlyOnce()) {
			return new AsyncRequest(this.exchange, HttpMethod.POST, PATH, this.type).body(record)
				.idempotent()
				.submit()
				.await()
				.createdId(this.type);
		}
		return this.exchange.create(NetSuiteExchange.jsonBody(this.exchange.rest(HttpMethod.POST, PATH, this.type), record),
				this.type, Answers.WRITE_HINT);
	}

	private boolean isExactlyOnce() {
		return (this.exactlyOnce != null) ? this.exactlyOnce : this.exchange.exactlyOnceWrites();
	}

	/**
	 * Create or update the record with the given external ID ({@code PUT …/eid:<id>}),
	 * through an asynchronous job when writes are done {@linkplain #exactlyOnce() exactly
	 * once}.
	 * @param externalId the external ID
	 * @param record the fields of the record, as a map or an object Jackson can write
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the record may or may not have been written
	 */
	public void upsert(String externalId, Object record) {
		Assert.hasText(externalId, "'externalId' must not be empty");
		Assert.notNull(record, "'record' must not be null");
		if (isExactlyOnce()) {
			new AsyncRequest(this.exchange, HttpMethod.PUT, PATH + "/eid:{externalId}", this.type, externalId)
				.body(record)
				.idempotent()
				.submit()
				.await();
			return;
		}
		this.exchange.write(NetSuiteExchange.jsonBody(
				this.exchange.rest(HttpMethod.PUT, PATH + "/eid:{externalId}", this.type, externalId), record),
				Answers.WRITE_HINT);
	}

	/**
	 * Return batch writes to these records: up to 100 records a request through
	 * NetSuite's batch operations, one result per record.
	 * @return the batch writes, with {@code netsuite.batch.size} records a request
	 */
	public RecordBatch batch() {
		return new RecordBatch(this.exchange, this.type);
	}

	/**
	 * Return these records narrowed by a filter expression, such as
	 * {@code email START_WITH "barbara"}.
	 * @param filter the {@code q} expression
	 * @return the filtered collection
	 */
	public RecordCollection query(String filter) {
		Assert.hasText(filter, "'filter' must not be empty");
		return new RecordCollection(this.exchange, this.type, filter, this.exactlyOnce, this.pageSize);
	}

	/**
	 * Stream the references ({@code id} and whatever else NetSuite lists) of every record,
	 * in pages of {@link #pageSize(int)} references, fetching the next page only when the
	 * stream reaches it.
	 * @return the record references
	 */
	public Stream<Map<String, Object>> stream() {
		return streamItems().map(this::toMap);
	}

	/**
	 * Stream the references of every record, each mapped to the given type, as
	 * {@link #stream()} does.
	 * @param <T> the type
	 * @param type the type, such as a record with an {@code id} component
	 * @return the record references
	 */
	public <T> Stream<T> stream(Class<T> type) {
		return streamItems().map((item) -> this.exchange.mapper().treeToValue(item, type));
	}

	/**
	 * Stream the references of every record, each mapped to a generic type, as
	 * {@link #stream()} does.
	 * @param <T> the type
	 * @param type the type, such as {@code new ParameterizedTypeReference<Map<String, String>>() {}}
	 * @return the record references
	 */
	public <T> Stream<T> stream(ParameterizedTypeReference<T> type) {
		JavaType javaType = this.exchange.mapper().getTypeFactory().constructType(type.getType());
		return streamItems().map((item) -> this.exchange.mapper().<T>treeToValue(item, javaType));
	}

	private Stream<ObjectNode> streamItems() {
		return Pages.records(this.exchange, (query, limit, offset) -> fetch(limit, offset), this.pageSize);
	}

	/**
	 * Read one page of record references.
	 * @param limit references per page, 1 to 1000
	 * @param offset the first reference, a multiple of {@code limit}
	 * @return the page
	 */
	public NetSuitePage<Map<String, Object>> page(int limit, int offset) {
		NetSuitePage<ObjectNode> page = fetch(limit, offset);
		return new NetSuitePage<>(page.items().stream().map(this::toMap).toList(), page.offset(), page.hasMore(),
				page.totalResults());
	}

	private NetSuitePage<ObjectNode> fetch(int limit, int offset) {
		Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, "'limit' must be between 1 and 1000");
		Assert.isTrue(offset >= 0 && offset % limit == 0, "'offset' must be a multiple of 'limit'");
		return this.exchange.read(this.exchange.rest(HttpMethod.GET, (uri) -> uri(uri, limit, offset)),
				NetSuiteExchange.Call.READ, (sent, response, answer) -> Pages.read(this.exchange.mapper(), response, answer));
	}

	private URI uri(UriBuilder uri, int limit, int offset) {
		uri.path(PATH).queryParam("limit", limit).queryParam("offset", offset);
		if (this.filter != null) {
			uri.queryParam("q", "{q}");
			return uri.build(this.type, this.filter);
		}
		return uri.build(this.type);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> toMap(ObjectNode item) {
		return this.exchange.mapper().treeToValue(item, Map.class);
	}

}
