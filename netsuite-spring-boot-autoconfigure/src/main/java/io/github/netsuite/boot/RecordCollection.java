package io.github.netsuite.boot;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.util.UriBuilder;

/**
 * The records of one type ({@code /services/rest/record/v1/<type>}), to create, upsert by
 * external ID or list.
 *
 * @author NetSuite Spring Boot team
 */
public final class RecordCollection {

	static final String PATH = "/services/rest/record/v1/{type}";

	private static final int MAX_PAGE_SIZE = 1000;

	private final NetSuiteClient client;

	private final String type;

	private final @Nullable String filter;

	RecordCollection(NetSuiteClient client, String type, @Nullable String filter) {
		this.client = client;
		this.type = type;
		this.filter = filter;
	}

	/**
	 * Create a record. NetSuite answers with the new record's location; a create is never
	 * repeated once it may have reached NetSuite.
	 * @param record the fields of the new record, as a map or an object Jackson can write
	 * @return the internal ID of the new record
	 */
	public String create(Object record) {
		ResponseEntity<Void> response = this.client.rest()
			.post()
			.uri(PATH, this.type)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.client.mapper().writeValueAsBytes(record))
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.toBodilessEntity();
		URI location = response.getHeaders().getLocation();
		if (location == null || location.getPath() == null) {
			throw new NetSuiteException(response.getStatusCode().value(), null,
					"NetSuite created the record but sent no Location header with its ID", "POST",
					"/services/rest/record/v1/" + this.type, null);
		}
		String path = location.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * Create or update the record with the given external ID ({@code PUT …/eid:<id>}).
	 * @param externalId the external ID
	 * @param record the fields of the record, as a map or an object Jackson can write
	 */
	public void upsert(String externalId, Object record) {
		Assert.hasText(externalId, "'externalId' must not be empty");
		this.client.rest()
			.put()
			.uri(PATH + "/eid:{externalId}", this.type, externalId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.client.mapper().writeValueAsBytes(record))
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.toBodilessEntity();
	}

	/**
	 * Return these records narrowed by a filter expression, such as
	 * {@code email START_WITH "barbara"}.
	 * @param filter the {@code q} expression
	 * @return the filtered collection
	 */
	public RecordCollection query(String filter) {
		Assert.hasText(filter, "'filter' must not be empty");
		return new RecordCollection(this.client, this.type, filter);
	}

	/**
	 * Stream the references ({@code id} and whatever else NetSuite lists) of every record,
	 * fetching the next page only when the stream reaches it.
	 * @return the record references
	 */
	public Stream<Map<String, Object>> stream() {
		int[] offset = { 0 };
		return PagedItems.stream((previous, last) -> {
			if (previous != null) {
				offset[0] += MAX_PAGE_SIZE;
			}
			return fetch(MAX_PAGE_SIZE, offset[0]);
		}).map(this::toMap);
	}

	/**
	 * Stream the references of every record, each mapped to the given type, fetching the
	 * next page only when the stream reaches it.
	 * @param <T> the type
	 * @param type the type, such as a record with an {@code id} component
	 * @return the record references
	 */
	public <T> Stream<T> stream(Class<T> type) {
		return streamItems().map((item) -> this.client.mapper().treeToValue(item, type));
	}

	/**
	 * Stream the references of every record, each mapped to a generic type, fetching the
	 * next page only when the stream reaches it.
	 * @param <T> the type
	 * @param type the type, such as {@code new ParameterizedTypeReference<Map<String, String>>() {}}
	 * @return the record references
	 */
	public <T> Stream<T> stream(ParameterizedTypeReference<T> type) {
		JavaType javaType = this.client.mapper().getTypeFactory().constructType(type.getType());
		return streamItems().map((item) -> this.client.mapper().<T>treeToValue(item, javaType));
	}

	private Stream<ObjectNode> streamItems() {
		int[] offset = { 0 };
		return PagedItems.stream((previous, last) -> {
			if (previous != null) {
				offset[0] += MAX_PAGE_SIZE;
			}
			return fetch(MAX_PAGE_SIZE, offset[0]);
		});
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
		byte[] body = this.client.rest()
			.get()
			.uri((uri) -> uri(uri, limit, offset))
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.body(byte[].class);
		return PagedItems.page(this.client.mapper().readTree((body != null) ? body : new byte[0]));
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
		return this.client.mapper().treeToValue(item, Map.class);
	}

}
