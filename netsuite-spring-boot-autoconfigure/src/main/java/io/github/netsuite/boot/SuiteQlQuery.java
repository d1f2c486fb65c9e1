package io.github.netsuite.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * A SuiteQL query, to stream lazily through every page or to read one page.
 *
 * @author NetSuite Spring Boot team
 */
public final class SuiteQlQuery {

	static final String PATH = "/services/rest/query/v1/suiteql";

	static final int MAX_PAGE_SIZE = 1000;

	// NetSuite serves no row past this offset; keyset paging continues beyond it.
	static final int MAX_OFFSET = 100_000;

	private final NetSuiteClient client;

	private final String query;

	private final int pageSize;

	SuiteQlQuery(NetSuiteClient client, String query, int pageSize) {
		this.client = client;
		this.query = query;
		this.pageSize = pageSize;
	}

	/**
	 * Return this query with another page size for {@link #stream()}.
	 * @param pageSize rows per request, 1 to 1000 (the default)
	 * @return a new query
	 */
	public SuiteQlQuery pageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		return new SuiteQlQuery(this.client, this.query, pageSize);
	}

	/**
	 * Stream every row as a map of column to value. The next page is fetched only when
	 * the stream reaches it; errors surface as exceptions from the stream. Past NetSuite's
	 * 100,000-row offset ceiling, a query ordered by {@code id} continues by keyset;
	 * any other fails with {@link NetSuiteQueryLimitException} rather than end early.
	 * @return the rows
	 */
	public Stream<Map<String, Object>> stream() {
		return rows().map(this::toMap);
	}

	/**
	 * Stream every row, mapped to the given type, as {@link #stream()} does.
	 * @param <T> the row type
	 * @param type the row type
	 * @return the rows
	 */
	public <T> Stream<T> stream(Class<T> type) {
		return rows().map((row) -> this.client.mapper().treeToValue(row, type));
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
		List<T> items = page.items().stream().map((row) -> this.client.mapper().treeToValue(row, type)).toList();
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
		return fetch(this.query, 1, 0).items().stream().findFirst().map((row) -> this.client.mapper().treeToValue(row, type));
	}

	private Stream<ObjectNode> rows() {
		return PagedItems.stream(new RowPages());
	}

	private NetSuitePage<ObjectNode> fetch(String query, int limit, int offset) {
		Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, "'limit' must be between 1 and 1000");
		Assert.isTrue(offset >= 0 && offset % limit == 0, "'offset' must be a multiple of 'limit'");
		Assert.isTrue(offset < MAX_OFFSET, "'offset' must be below 100000, NetSuite's ceiling");
		byte[] body = this.client.mapper().writeValueAsBytes(Map.of("q", query));
		byte[] response = this.client.rest()
			.post()
			.uri((uri) -> uri.path(PATH).queryParam("limit", limit).queryParam("offset", offset).build())
			.header("Prefer", "transient")
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.SUITEQL)
			// A query changes nothing: repeating it is safe.
			.attribute(NetSuiteRequests.IDEMPOTENT_ATTRIBUTE, true)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.body(byte[].class);
		NetSuitePage<ObjectNode> page = PagedItems
			.page(this.client.mapper().readTree((response != null) ? response : new byte[0]));
		this.client.pageRead(page.items().size());
		return page;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> toMap(ObjectNode row) {
		return this.client.mapper().treeToValue(row, Map.class);
	}

	/**
	 * Pages through by offset, and on by keyset once the offset reaches NetSuite's ceiling.
	 */
	private final class RowPages implements PagedItems.PageSource {

		private final @Nullable SuiteQlKeyset keyset = SuiteQlKeyset.of(SuiteQlQuery.this.query);

		private String query = SuiteQlQuery.this.query;

		private int offset;

		@Override
		public NetSuitePage<ObjectNode> next(@Nullable NetSuitePage<ObjectNode> previous, @Nullable ObjectNode lastRow) {
			if (previous != null) {
				this.offset += SuiteQlQuery.this.pageSize;
			}
			if (this.offset >= MAX_OFFSET) {
				this.query = continueByKeyset(lastRow);
				this.offset = 0;
			}
			return fetch(this.query, SuiteQlQuery.this.pageSize, this.offset);
		}

		private String continueByKeyset(@Nullable ObjectNode lastRow) {
			JsonNode id = (lastRow != null) ? lastRow.path("id") : null;
			if (this.keyset == null || id == null || !id.isValueNode() || id.isNull()) {
				throw new NetSuiteQueryLimitException(
						"The query has more than " + MAX_OFFSET + " rows, the most NetSuite pages through by offset",
						"Select the id column and end the query with ORDER BY id so that it continues by keyset "
								+ "(WHERE id > last), or narrow it with a WHERE clause");
			}
			return this.keyset.after(id.asString());
		}

	}

}
