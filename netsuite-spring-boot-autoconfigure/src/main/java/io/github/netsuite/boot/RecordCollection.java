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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The records of one type ({@code /services/rest/record/v1/<type>}), to create, upsert by
 * external ID, list, or address one by its external ID. Immutable: each modifier returns a
 * copy, so a collection can be shared and used again.
 *
 * <pre class="code">
 * String id = client.records("customer").upsert("CRM-7781", Map.of("companyName", "Acme"));
 * Map&lt;String, Object&gt; customer = client.records("customer").externalId("CRM-7781").get();
 * Map&lt;String, Object&gt; draft = client.records("salesOrder").initialize();
 * </pre>
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

	private final List<String> fields;

	private final PropertyValidation.Pair validation;

	RecordCollection(NetSuiteExchange exchange, String type, @Nullable String filter) {
		this(exchange, type, filter, null, MAX_PAGE_SIZE, List.of(), PropertyValidation.Pair.NONE);
	}

	private RecordCollection(NetSuiteExchange exchange, String type, @Nullable String filter,
			@Nullable Boolean exactlyOnce, int pageSize, List<String> fields, PropertyValidation.Pair validation) {
		this.exchange = exchange;
		this.type = type;
		this.filter = filter;
		this.exactlyOnce = exactlyOnce;
		this.pageSize = pageSize;
		this.fields = fields;
		this.validation = validation;
	}

	/**
	 * Address the record of this type with the given external ID ({@code …/eid:<externalId>}),
	 * to read, update, delete, transform it or run an action on it, as by internal ID. An
	 * external ID with {@code |}, {@code /} or {@code \}, which NetSuite's path cannot carry,
	 * is first looked up with {@code ?q=externalId IS "<externalId>"}.
	 * @param externalId the external ID, as the system of record spells it
	 * @return the record request
	 */
	public RecordRequest externalId(String externalId) {
		Assert.hasText(externalId, "'externalId' must not be empty");
		return RecordRequest.byExternalId(this.exchange, this.type, externalId)
			.propertyValidation(this.validation.names(), this.validation.values())
			.fields(this.fields.toArray(String[]::new));
	}

	/**
	 * Return these records reading only the given fields, besides any given before, where
	 * NetSuite selects fields on a collection: in {@link #initialize()}, and in the records
	 * {@link #externalId(String)} addresses. (A list answers references only.)
	 * @param fields the field IDs
	 * @return the records
	 */
	@CheckReturnValue
	public RecordCollection fields(String... fields) {
		for (String field : fields) {
			Assert.hasText(field, "'fields' must not contain empty names");
		}
		List<String> all = Stream.concat(this.fields.stream(), Stream.of(fields)).toList();
		return new RecordCollection(this.exchange, this.type, this.filter, this.exactlyOnce, this.pageSize, all,
				this.validation);
	}

	/**
	 * Return these records with NetSuite's validation of unknown field names and of invalid
	 * values ({@code X-NetSuite-PropertyNameValidation},
	 * {@code X-NetSuite-PropertyValueValidation}) set for their calls, whatever the client's
	 * default.
	 * @param names what NetSuite does with a field it does not know, or {@code null} for
	 * the client's default
	 * @param values what NetSuite does with an invalid value, or {@code null} for the
	 * client's default
	 * @return the records
	 */
	@CheckReturnValue
	public RecordCollection propertyValidation(@Nullable PropertyValidation names,
			@Nullable PropertyValidation values) {
		return new RecordCollection(this.exchange, this.type, this.filter, this.exactlyOnce, this.pageSize,
				this.fields, new PropertyValidation.Pair(names, values));
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
		return new RecordCollection(this.exchange, this.type, this.filter, exactlyOnce, this.pageSize, this.fields,
				this.validation);
	}

	/**
	 * Return these records with another page size for {@link #stream()}: the
	 * {@code limit} of each request.
	 * @param pageSize references per request, 1 to 1000 (the default and NetSuite's
	 * most)
	 * @return the records, streamed in pages of that size
	 */
	@CheckReturnValue
	public RecordCollection pageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		return new RecordCollection(this.exchange, this.type, this.filter, this.exactlyOnce, pageSize, this.fields,
				this.validation);
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
			return async(HttpMethod.POST, PATH, this.type).body(record).submit().await().createdId(this.type);
		}
		return this.exchange.create(NetSuiteExchange.jsonBody(rest(HttpMethod.POST, PATH, this.type), record),
				this.type, Answers.WRITE_HINT);
	}

	private boolean isExactlyOnce() {
		return (this.exactlyOnce != null) ? this.exactlyOnce : this.exchange.exactlyOnceWrites();
	}

	/**
	 * Create or update the record with the given external ID ({@code PUT …/eid:<id>}),
	 * through an asynchronous job when writes are done {@linkplain #exactlyOnce() exactly
	 * once}. NetSuite answers {@code 204} with the record's location, as for a create.
	 * @param externalId the external ID, percent-encoded as UTF-8 in the path
	 * @param record the fields of the record, as a map or an object Jackson can write
	 * @return the internal ID of the record created or updated
	 * @throws IllegalArgumentException if the external ID has {@code |}, {@code /} or
	 * {@code \}, which NetSuite's path cannot carry: such a record can be created or
	 * updated, not upserted
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was done exactly once or not
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's: a body, or a {@code Location} of another type or on another host. The
	 * record may or may not have been written.
	 */
	public String upsert(String externalId, Object record) {
		Assert.hasText(externalId, "'externalId' must not be empty");
		Assert.notNull(record, "'record' must not be null");
		ExternalIds.requireAddressable(this.type, externalId);
		if (isExactlyOnce()) {
			NetSuiteJob.Result result = async(HttpMethod.PUT, RecordRequest.EID_PATH, this.type, externalId)
				.body(record)
				.submit()
				.await();
			String id = result.locatedId(this.type);
			if (id != null && !id.startsWith(ExternalIds.PREFIX)) {
				return id;
			}
			if (result.location() != null && id == null) {
				// A location, but not of this type on this host: not NetSuite's answer.
				throw result.unexpected();
			}
			return upsertedId(externalId);
		}
		RestClient.RequestBodySpec request = NetSuiteExchange
			.jsonBody(rest(HttpMethod.PUT, RecordRequest.EID_PATH, this.type, externalId), record);
		String id = this.exchange.answer(request, NetSuiteExchange.Call.write(Answers.WRITE_HINT),
				(sent, response, answer) -> {
					this.exchange.requireNoBody(response, answer);
					String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
					if (location == null) {
						return "";
					}
					String located = Answers.createdId(location, sent.getURI(), this.type);
					if (located == null) {
						// Not NetSuite's answer to an upsert: nothing says which record was written.
						throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
					}
					return located;
				}, true);
		return (id.isEmpty() || id.startsWith(ExternalIds.PREFIX)) ? upsertedId(externalId) : id;
	}

	// Whether an upsert's answer names the record by internal ID is unconfirmed: without
	// one, the record just written is read by its external ID for it.
	private String upsertedId(String externalId) {
		Object id = externalId(externalId).fields("id").get().get("id");
		if (id == null) {
			throw new NetSuiteException(0, null, "NetSuite's " + this.type + " record with external ID '" + externalId
					+ "' has no id", "GET", RecordRequest.EID_PATH, null);
		}
		return id.toString();
	}

	/**
	 * Read a new, unsaved record of this type pre-filled with NetSuite's defaults
	 * ({@code GET …/<type>} with
	 * {@code Accept: application/vnd.oracle.resource+json; type=create-form}), with the
	 * {@link #fields} given. Nothing is saved: {@link #create} saves it, changed or not.
	 * @return the unsaved record
	 * @throws NetSuiteException the error NetSuite answered
	 */
	public Map<String, Object> initialize() {
		Map<String, Object> record = initialize(
				this.exchange.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
		record.remove("links");
		return record;
	}

	/**
	 * Read a new, unsaved record of this type pre-filled with NetSuite's defaults, mapped to
	 * the given type.
	 * @param <T> the type
	 * @param type the type to map it to
	 * @return the unsaved record
	 * @throws NetSuiteException the error NetSuite answered
	 * @see #initialize()
	 */
	public <T> T initialize(Class<T> type) {
		return initialize(this.exchange.mapper().getTypeFactory().constructType(type));
	}

	private <T> T initialize(JavaType type) {
		RestClient.RequestBodySpec request = PropertyValidation.apply(this.exchange.rest(HttpMethod.GET, (uri) -> {
			uri.path(PATH);
			if (this.fields.isEmpty()) {
				return uri.build(this.type);
			}
			return uri.queryParam("fields", "{fields}").build(this.type, String.join(",", this.fields));
		}), validation());
		return RecordRequest.createForm(this.exchange, request, type);
	}

	private PropertyValidation.Pair validation() {
		return this.validation.or(this.exchange.propertyValidation());
	}

	private RestClient.RequestBodySpec rest(HttpMethod method, String template, Object... variables) {
		return PropertyValidation.apply(this.exchange.rest(method, template, variables), validation());
	}

	private AsyncRequest async(HttpMethod method, String template, Object... variables) {
		return PropertyValidation.apply(new AsyncRequest(this.exchange, method, template, variables).idempotent(),
				validation());
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
	@CheckReturnValue
	public RecordCollection query(String filter) {
		Assert.hasText(filter, "'filter' must not be empty");
		return new RecordCollection(this.exchange, this.type, filter, this.exactlyOnce, this.pageSize, this.fields,
				this.validation);
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
		return this.exchange.read(
				PropertyValidation.apply(this.exchange.rest(HttpMethod.GET, (uri) -> uri(uri, limit, offset)),
						validation()),
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
