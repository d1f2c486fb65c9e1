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
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * A SuiteQL query, to stream through every page, the next pages fetched ahead within the
 * account's concurrency permits, or to read one page.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class SuiteQlQuery {

	static final String PATH = "/services/rest/query/v1/suiteql";

	static final int MAX_PAGE_SIZE = 1000;

	// What rows come from, in the messages of their mapping
	private static final String SOURCE = "SuiteQL";

	// NetSuite serves no row past this offset; keyset paging continues beyond it.
	static final int MAX_OFFSET = 100_000;

	private final NetSuiteExchange exchange;

	private final String query;

	private final int pageSize;

	private final int prefetch;

	private final long maxRows;

	SuiteQlQuery(NetSuiteExchange exchange, String query, int pageSize, int prefetch, long maxRows) {
		this.exchange = exchange;
		this.query = query;
		this.pageSize = pageSize;
		this.prefetch = prefetch;
		this.maxRows = maxRows;
	}

	/**
	 * Return this query with another page size for {@link #stream()}.
	 * @param pageSize rows per request, 1 to 1000 (the default)
	 * @return a new query
	 */
	public SuiteQlQuery pageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		return new SuiteQlQuery(this.exchange, this.query, pageSize, this.prefetch, this.maxRows);
	}

	/**
	 * Return this query with another most number of pages {@link #stream()} fetches ahead
	 * while its consumer reads a page: each a request of its own, taking a concurrency
	 * permit as any request does. Never more than the account's permits allow, its
	 * concurrency limit in force (an adaptive limit read again for each page), so at most
	 * the limit plus one, or this many plus one, pages are held at once.
	 * @param pages the most pages fetched ahead, 0 to read one page at a time; by default
	 * {@code netsuite.suiteql.prefetch-pages}, itself by default as many as the permits
	 * allow ({@link NetSuiteClient#DEFAULT_SUITEQL_PREFETCH_PAGES})
	 * @return a new query
	 */
	public SuiteQlQuery prefetch(int pages) {
		Assert.isTrue(pages >= 0, "'pages' must not be negative");
		return new SuiteQlQuery(this.exchange, this.query, this.pageSize, pages, this.maxRows);
	}

	/**
	 * Return this query with a most number of rows for {@link #stream()}: no page past them
	 * is fetched, ahead or otherwise, and the stream ends after them. Fewer rows than a
	 * page are asked for as such ({@code limit=7} for 7 rows), and up to NetSuite's
	 * 100,000-row offset ceiling more are spread evenly over as many requests as pages of
	 * {@link #pageSize(int)} would take.
	 * @param maxRows the most rows, at least 1
	 * @return a new query
	 */
	public SuiteQlQuery maxRows(long maxRows) {
		Assert.isTrue(maxRows >= 1, "'maxRows' must be at least 1");
		return new SuiteQlQuery(this.exchange, this.query, this.pageSize, this.prefetch, maxRows);
	}

	/**
	 * Stream every row as a map of column to value, in query order. While the stream's
	 * consumer reads a page, the next {@link #prefetch(int) prefetch} pages are fetched
	 * concurrently on the client's page executor, each observed as a child of the
	 * observation current where the stream is read. By default as many pages as the
	 * account's permits allow: every permit busy, and a request of another caller waits
	 * behind one page of the stream at most, the permits going first come, first served.
	 * A page the stream reaches that a queueing executor has not started yet is fetched
	 * on the consumer's thread. With {@code prefetch(0)} the next page is fetched only
	 * when the stream reaches it. An error on any page surfaces as an exception from the
	 * stream where that page's rows would have come, never as a shorter stream. Past
	 * NetSuite's 100,000-row offset ceiling, a query ordered by {@code id} continues by
	 * keyset; any other fails with {@link NetSuiteQueryLimitException} rather than end
	 * early.
	 * <p>
	 * Close the stream (try-with-resources) when leaving it early: that cancels the pages
	 * fetched ahead, and every permit they hold or wait for comes back; nothing more is
	 * fetched. {@link #maxRows(long)} ends the stream without fetching past the rows wanted.
	 * @return the rows
	 */
	public Stream<Map<String, Object>> stream() {
		return rows().map(this::toMap);
	}

	/**
	 * Stream every row, mapped to the given type, as {@link #stream()} does. SuiteQL names
	 * its columns in lower case ({@code companyname}): they map to the type's properties
	 * ignoring case ({@code companyName}), but not across underscores ({@code company_name}
	 * needs {@code AS companyName}). A row none of whose columns is a property of the type
	 * fails the stream with an {@link IllegalArgumentException} rather than give an object of
	 * nulls; a column that is no property of the type is logged once at WARN.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the rows
	 */
	public <T> Stream<T> stream(Class<T> type) {
		return rows().map((row) -> this.exchange.rows().map(row, type, SOURCE));
	}

	/**
	 * Read one page of rows as maps.
	 * @param limit rows per page, 1 to 1000
	 * @param offset the first row, a multiple of {@code limit} below 100,000
	 * @return the page
	 */
	public NetSuitePage<Map<String, Object>> page(int limit, int offset) {
		NetSuitePage<ObjectNode> page = fetch(this.query, limit, offset);
		return new NetSuitePage<>(page.items().stream().map(this::toMap).toList(), page.offset(), page.hasMore(),
				page.totalResults());
	}

	/**
	 * Read one page of rows mapped to the given type.
	 * @param <T> the row type
	 * @param limit rows per page, 1 to 1000
	 * @param offset the first row, a multiple of {@code limit} below 100,000
	 * @param type the row type
	 * @return the page
	 */
	public <T> NetSuitePage<T> page(int limit, int offset, Class<T> type) {
		NetSuitePage<ObjectNode> page = fetch(this.query, limit, offset);
		List<T> items = page.items().stream().map((row) -> this.exchange.rows().map(row, type, SOURCE)).toList();
		return new NetSuitePage<>(items, page.offset(), page.hasMore(), page.totalResults());
	}

	/**
	 * Read the first row only.
	 * @return the first row, or empty when there is none
	 */
	public Optional<Map<String, Object>> first() {
		return fetch(this.query, 1, 0).items().stream().findFirst().map(this::toMap);
	}

	/**
	 * Read the first row only, mapped to the given type.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the first row, or empty when there is none
	 */
	public <T> Optional<T> first(Class<T> type) {
		return fetch(this.query, 1, 0).items().stream().findFirst().map((row) -> this.exchange.rows().map(row, type, SOURCE));
	}

	private Stream<ObjectNode> rows() {
		return Pages.suiteQl(this.exchange, this::fetch, this.query, pageSize(this.pageSize, this.maxRows),
				this.prefetch, this.maxRows);
	}

	// The rows per request for at most 'maxRows': as many requests as pages of 'pageSize'
	// would take, each as full as the others, so that no request asks for rows not wanted
	// but for the rounding. One size for all, so that every offset is a multiple of it, as
	// NetSuite requires. Past its offset ceiling the keyset takes over at the page size.
	static int pageSize(int pageSize, long maxRows) {
		if (maxRows > MAX_OFFSET) {
			return pageSize;
		}
		long requests = (maxRows + pageSize - 1) / pageSize;
		return (int) ((maxRows + requests - 1) / requests);
	}

	private NetSuitePage<ObjectNode> fetch(String query, int limit, int offset) {
		Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, "'limit' must be between 1 and 1000");
		Assert.isTrue(offset >= 0 && offset % limit == 0, "'offset' must be a multiple of 'limit'");
		Assert.isTrue(offset < MAX_OFFSET, "'offset' must be below 100000, NetSuite's ceiling");
		// A template, so that http.client.requests tags every page with the same uri
		RestClient.RequestBodySpec request = this.exchange
			.rest(HttpMethod.POST, PATH + "?limit={limit}&offset={offset}", limit, offset)
			.header("Prefer", "transient")
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.SUITEQL)
			// A query changes nothing: repeating it is safe.
			.attribute(NetSuiteRequests.IDEMPOTENT_ATTRIBUTE, true);
		NetSuitePage<ObjectNode> page = this.exchange.read(NetSuiteExchange.jsonBody(request, Map.of("q", query)),
				NetSuiteExchange.Call.READ, (sent, response, answer) -> Pages.read(this.exchange.mapper(), response, answer));
		this.exchange.pageRead(page.items().size());
		return page;
	}

	private Map<String, Object> toMap(ObjectNode row) {
		return this.exchange.rows().toMap(row);
	}

}
