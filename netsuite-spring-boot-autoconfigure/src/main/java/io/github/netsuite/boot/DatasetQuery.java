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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;

/**
 * A saved SuiteAnalytics dataset, run through REST web services
 * ({@code GET /services/rest/query/v1/dataset/<id>/result}): its rows streamed through every
 * page, the next pages fetched ahead within the account's concurrency permits, or one page
 * read. Rows map to Java types as SuiteQL rows do, columns to properties ignoring case.
 * Immutable: each modifier returns a copy, so a dataset query can be shared and run again.
 *
 * <pre class="code">
 * List&lt;Customer&gt; customers = client.dataset("custdataset1").stream(Customer.class).toList();
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class DatasetQuery {

	static final String PATH = "/services/rest/query/v1/dataset/{id}/result";

	static final int MAX_PAGE_SIZE = 1000;

	// What rows come from, in the messages of their mapping
	private static final String SOURCE = "dataset";

	private final NetSuiteExchange exchange;

	private final String id;

	private final int pageSize;

	private final int prefetch;

	private final long maxRows;

	DatasetQuery(NetSuiteExchange exchange, String id, int pageSize, int prefetch, long maxRows) {
		this.exchange = exchange;
		this.id = id;
		this.pageSize = pageSize;
		this.prefetch = prefetch;
		this.maxRows = maxRows;
	}

	/**
	 * Return the ID of the dataset.
	 * @return the ID, such as {@code custdataset1}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return this dataset query with another page size for {@link #stream()}.
	 * @param pageSize rows per request, 1 to 1000 (the default)
	 * @return a new dataset query
	 */
	@CheckReturnValue
	public DatasetQuery pageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		return new DatasetQuery(this.exchange, this.id, pageSize, this.prefetch, this.maxRows);
	}

	/**
	 * Return this dataset query with another number of pages {@link #stream()} fetches
	 * ahead while its consumer reads a page, as {@link SuiteQlQuery#prefetch(int)} does.
	 * @param pages pages fetched ahead, 0 to read one page at a time; by default
	 * {@code netsuite.suiteql.prefetch-pages}
	 * @return a new dataset query
	 */
	@CheckReturnValue
	public DatasetQuery prefetch(int pages) {
		Assert.isTrue(pages >= 0, "'pages' must not be negative");
		return new DatasetQuery(this.exchange, this.id, this.pageSize, pages, this.maxRows);
	}

	/**
	 * Return this dataset query with a most number of rows for {@link #stream()}: no page
	 * past them is fetched, ahead or otherwise, and the stream ends after them.
	 * @param maxRows the most rows, at least 1
	 * @return a new dataset query
	 */
	@CheckReturnValue
	public DatasetQuery maxRows(long maxRows) {
		Assert.isTrue(maxRows >= 1, "'maxRows' must be at least 1");
		return new DatasetQuery(this.exchange, this.id, this.pageSize, this.prefetch, maxRows);
	}

	/**
	 * Stream every row of the dataset as a map of column to value, in NetSuite's order,
	 * paged as {@link SuiteQlQuery#stream()} pages: the next {@link #prefetch(int) prefetch}
	 * pages fetched ahead once the first page tells how many rows there are, an error on any
	 * page surfacing from the stream where that page's rows would have come, never as a
	 * shorter stream. Close the stream when leaving it early: that cancels the pages fetched
	 * ahead.
	 * @return the rows
	 * @throws NetSuiteNotFoundException from the stream, if NetSuite has no such dataset
	 */
	public Stream<Map<String, Object>> stream() {
		return rows().map(this::toMap);
	}

	/**
	 * Stream every row, mapped to the given type, as {@link #stream()} does. Columns map to
	 * the type's properties ignoring case, not across underscores; a row none of whose
	 * columns is a property of the type fails the stream with an
	 * {@link IllegalArgumentException} rather than give an object of nulls.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the rows
	 */
	public <T> Stream<T> stream(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		return rows().map((row) -> this.exchange.rows().map(row, type, SOURCE));
	}

	/**
	 * Read one page of rows as maps.
	 * @param limit rows per page, 1 to 1000
	 * @param offset the first row, a multiple of {@code limit}
	 * @return the page
	 */
	public NetSuitePage<Map<String, Object>> page(int limit, int offset) {
		NetSuitePage<ObjectNode> page = fetch(limit, offset);
		return new NetSuitePage<>(page.items().stream().map(this::toMap).toList(), page.offset(), page.hasMore(),
				page.totalResults());
	}

	/**
	 * Read one page of rows mapped to the given type, as {@link #stream(Class)} maps them.
	 * @param <T> the row type
	 * @param limit rows per page, 1 to 1000
	 * @param offset the first row, a multiple of {@code limit}
	 * @param type the row type
	 * @return the page
	 */
	public <T> NetSuitePage<T> page(int limit, int offset, Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		NetSuitePage<ObjectNode> page = fetch(limit, offset);
		List<T> items = page.items().stream().map((row) -> this.exchange.rows().map(row, type, SOURCE)).toList();
		return new NetSuitePage<>(items, page.offset(), page.hasMore(), page.totalResults());
	}

	/**
	 * Read the first row only.
	 * @return the first row, or empty when there is none
	 */
	public Optional<Map<String, Object>> first() {
		return fetch(1, 0).items().stream().findFirst().map(this::toMap);
	}

	/**
	 * Read the first row only, mapped to the given type.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the first row, or empty when there is none
	 */
	public <T> Optional<T> first(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		return fetch(1, 0).items().stream().findFirst().map((row) -> this.exchange.rows().map(row, type, SOURCE));
	}

	private Stream<ObjectNode> rows() {
		return Pages.dataset(this.exchange, (query, limit, offset) -> fetch(limit, offset),
				SuiteQlQuery.pageSize(this.pageSize, this.maxRows),
				this.prefetch, this.maxRows);
	}

	private NetSuitePage<ObjectNode> fetch(int limit, int offset) {
		Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, "'limit' must be between 1 and 1000");
		Assert.isTrue(offset >= 0 && offset % limit == 0, "'offset' must be a multiple of 'limit'");
		// A template, so that http.client.requests tags every page with the same uri
		return this.exchange.read(
				this.exchange.rest(HttpMethod.GET, PATH + "?limit={limit}&offset={offset}", this.id, limit, offset),
				NetSuiteExchange.Call.READ, (sent, response, answer) -> Pages.read(this.exchange.mapper(), response, answer));
	}

	private Map<String, Object> toMap(ObjectNode row) {
		return this.exchange.rows().toMap(row);
	}

}
