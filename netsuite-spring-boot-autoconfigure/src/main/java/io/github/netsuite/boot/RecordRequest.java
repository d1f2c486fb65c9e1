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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * One record of REST web services ({@code /services/rest/record/v1/<type>/<id>}), to read,
 * update, delete, transform into another record, or run an action on. Addressed by internal
 * ID ({@link NetSuiteClient#record(String, String)}) or by external ID
 * ({@link RecordCollection#externalId(String)}, or an ID {@code eid:<externalId>}).
 * Immutable: each modifier returns a copy, so a request can be shared and sent again.
 *
 * <pre class="code">
 * String invoiceId = client.record("salesOrder", "1043").transform("invoice");
 * client.record("vendorPayment", "3").action("confirm");
 * client.records("customer").externalId("CRM-7781").update(Map.of("email", "a@example.com"));
 * client.record("salesOrder", "1043").replacing("item").update(Map.of("item", Map.of("items", lines)));
 * List&lt;Map&lt;String, Object&gt;&gt; items = client.record("salesOrder", "1043").sublist("item").stream().toList();
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class RecordRequest {

	static final String PATH = "/services/rest/record/v1/{type}/{id}";

	// NetSuite's "eid:" prefix is part of the template, so that the external ID alone is
	// encoded as a path segment's value.
	static final String EID_PATH = "/services/rest/record/v1/{type}/eid:{id}";

	// As Oracle's help spells it; only it, lest NetSuite answer a plain GET's JSON instead.
	static final String CREATE_FORM = "application/vnd.oracle.resource+json; type=create-form";

	private final NetSuiteExchange exchange;

	private final String type;

	// The internal ID, or the external ID when 'external'
	private final String id;

	private final boolean external;

	private final List<String> fields;

	private final boolean expandSubResources;

	private final @Nullable Boolean exactlyOnce;

	private final List<String> replace;

	private final PropertyValidation.Pair validation;

	RecordRequest(NetSuiteExchange exchange, String type, String id) {
		this(exchange, type, id.startsWith(ExternalIds.PREFIX) ? id.substring(ExternalIds.PREFIX.length()) : id,
				id.startsWith(ExternalIds.PREFIX), List.of(), false, null, List.of(), PropertyValidation.Pair.NONE);
	}

	private RecordRequest(NetSuiteExchange exchange, String type, String id, boolean external, List<String> fields,
			boolean expandSubResources, @Nullable Boolean exactlyOnce, List<String> replace,
			PropertyValidation.Pair validation) {
		Assert.hasText(id, external ? "'externalId' must not be empty" : "'id' must not be empty");
		this.exchange = exchange;
		this.type = type;
		this.id = id;
		this.external = external;
		this.fields = fields;
		this.expandSubResources = expandSubResources;
		this.exactlyOnce = exactlyOnce;
		this.replace = replace;
		this.validation = validation;
	}

	static RecordRequest byExternalId(NetSuiteExchange exchange, String type, String externalId) {
		return new RecordRequest(exchange, type, externalId, true, List.of(), false, null, List.of(),
				PropertyValidation.Pair.NONE);
	}

	/**
	 * Return this request reading only the given fields, besides any given before
	 * ({@code fields=}; also for {@link #initialize}).
	 * @param fields the field IDs
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest fields(String... fields) {
		for (String field : fields) {
			Assert.hasText(field, "'fields' must not contain empty names");
		}
		List<String> all = Stream.concat(this.fields.stream(), Stream.of(fields)).toList();
		return new RecordRequest(this.exchange, this.type, this.id, this.external, all, this.expandSubResources,
				this.exactlyOnce, this.replace, this.validation);
	}

	/**
	 * Return this request reading sublists and subrecords inline rather than as links.
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest expandSubResources() {
		return new RecordRequest(this.exchange, this.type, this.id, this.external, this.fields, true,
				this.exactlyOnce, this.replace, this.validation);
	}

	/**
	 * Return this request with an {@link #update}, a {@link #transform} or an
	 * {@link #action} done exactly once: sent asynchronously with a fresh idempotency key
	 * and returning once NetSuite's job has completed, so that one whose answer was lost is
	 * repeated with the same key and executed once.
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest exactlyOnce() {
		return exactlyOnce(true);
	}

	/**
	 * Return this request with writes done exactly once or not, whatever
	 * {@code netsuite.records.exactly-once-writes} says.
	 * @param exactlyOnce whether writes are done exactly once through an asynchronous
	 * job
	 * @return the request
	 * @see #exactlyOnce()
	 */
	@CheckReturnValue
	public RecordRequest exactlyOnce(boolean exactlyOnce) {
		return new RecordRequest(this.exchange, this.type, this.id, this.external, this.fields,
				this.expandSubResources, exactlyOnce, this.replace, this.validation);
	}

	/**
	 * Return this request with an {@link #update} that replaces every line of the given
	 * sublists with the lines it sends ({@code ?replace=item,addressBook}), besides any
	 * given before: lines not sent are removed. Without it NetSuite merges the lines sent
	 * into the existing ones by their key.
	 * @param sublists the sublist IDs, such as {@code item}
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest replacing(String... sublists) {
		for (String sublist : sublists) {
			Assert.hasText(sublist, "'sublists' must not contain empty names");
			Assert.isTrue(sublist.indexOf(',') < 0, "'sublists' must be given one by one, not separated by commas");
		}
		List<String> all = Stream.concat(this.replace.stream(), Stream.of(sublists)).distinct().toList();
		return new RecordRequest(this.exchange, this.type, this.id, this.external, this.fields,
				this.expandSubResources, this.exactlyOnce, all, this.validation);
	}

	/**
	 * Return this request with NetSuite's validation of unknown field names and of invalid
	 * values ({@code X-NetSuite-PropertyNameValidation},
	 * {@code X-NetSuite-PropertyValueValidation}) set for its calls, whatever the client's
	 * default.
	 * @param names what NetSuite does with a field it does not know, or {@code null} for
	 * the client's default
	 * @param values what NetSuite does with an invalid value, or {@code null} for the
	 * client's default
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest propertyValidation(@Nullable PropertyValidation names, @Nullable PropertyValidation values) {
		return new RecordRequest(this.exchange, this.type, this.id, this.external, this.fields,
				this.expandSubResources, this.exactlyOnce, this.replace, new PropertyValidation.Pair(names, values));
	}

	/**
	 * Read the record as a map of field to value.
	 * @return the record
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteUnreadableAnswerException if NetSuite's host answered without the
	 * record, or with something that is not a record's JSON
	 */
	public Map<String, Object> get() {
		// Straight from the body stream into a map, without the tree get(Class) goes through.
		Map<String, Object> record = this.exchange.value(request(HttpMethod.GET, target(), "", true),
				this.exchange.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
		record.remove("links");
		return record;
	}

	/**
	 * Read the record, mapped to the given type.
	 * @param <T> the type
	 * @param type the type
	 * @return the record
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteUnreadableAnswerException if NetSuite's host answered without the
	 * record, or with something that is not a record's JSON
	 */
	public <T> T get(Class<T> type) {
		return this.exchange.mapper().treeToValue(tree(), type);
	}

	/**
	 * Read the record, mapped to a generic type, such as
	 * {@code new ParameterizedTypeReference<Map<String, Object>>() {}}.
	 * @param <T> the type
	 * @param type the type
	 * @return the record
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteUnreadableAnswerException if NetSuite's host answered without the
	 * record, or with something that is not a record's JSON
	 */
	public <T> T get(ParameterizedTypeReference<T> type) {
		JavaType javaType = this.exchange.mapper().getTypeFactory().constructType(type.getType());
		return this.exchange.mapper().treeToValue(tree(), javaType);
	}

	// A read record comes or fails, never null: NetSuite's 404 is NetSuiteNotFoundException,
	// and an answer without a record (empty, or JSON's null) is not one NetSuite gives.
	private ObjectNode tree() {
		JsonNode record = this.exchange.object(request(HttpMethod.GET, target(), "", true), NetSuiteExchange.Call.READ);
		ObjectNode object = (ObjectNode) record;
		object.remove("links");
		return object;
	}

	/**
	 * Update the given fields of the record ({@code PATCH}); fields not given keep their
	 * values, and sublist lines are merged unless {@linkplain #replacing(String...)
	 * replaced}. Sent asynchronously when done {@linkplain #exactlyOnce() exactly once}.
	 * @param changes the fields to change, as a map or an object Jackson can write
	 * @throws NetSuiteNotFoundException if there is no such record (by external ID too:
	 * an update never creates one, {@link RecordCollection#upsert} does)
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was done exactly once or not
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the update may or may not have happened
	 */
	public void update(Object changes) {
		Assert.notNull(changes, "'changes' must not be null");
		Target target = target();
		if (isExactlyOnce()) {
			AsyncRequest update = this.replace.isEmpty() ? async(HttpMethod.PATCH, target.template(), target.id())
					: async(HttpMethod.PATCH, target.template() + "?replace={replace}", target.id(),
							String.join(",", this.replace));
			update.body(changes)
				.submit()
				.await();
			return;
		}
		this.exchange.write(NetSuiteExchange.jsonBody(request(HttpMethod.PATCH, target, "", false), changes),
				Answers.WRITE_HINT);
	}

	/**
	 * Delete the record.
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the record may or may not be deleted
	 */
	public void delete() {
		this.exchange.write(request(HttpMethod.DELETE, target(), "", false), Answers.DELETE_HINT);
	}

	/**
	 * Transform the record into a new record of another type, as NetSuite's UI does
	 * ({@code POST …/salesOrder/<id>/!transform/invoice}): a sales order into an item
	 * fulfillment, an invoice or a cash sale, and the other pairs NetSuite supports. Done
	 * {@linkplain #exactlyOnce() exactly once} when asked.
	 * @param targetType the type of the new record, such as {@code invoice}
	 * @return the internal ID of the new record
	 * @throws NetSuiteException the error NetSuite answered, such as a
	 * {@link NetSuiteValidationException} for a pair it does not transform
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's: a body, or no {@code Location} of a {@code <targetType>} record on the
	 * host the request went to. The record may or may not have been created.
	 */
	public String transform(String targetType) {
		return transform(targetType, Map.of());
	}

	/**
	 * Transform the record into a new record of another type, setting fields of the new
	 * record, and with lines for a partial transform, such as
	 * {@code Map.of("item", Map.of("items", List.of(Map.of("orderLine", 1, "quantity", 2))))}.
	 * @param targetType the type of the new record, such as {@code itemFulfillment}
	 * @param changes fields and lines of the new record, as a map or an object Jackson can
	 * write
	 * @return the internal ID of the new record
	 * @throws NetSuiteException the error NetSuite answered
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer did not name
	 * the new record
	 * @see #transform(String)
	 */
	public String transform(String targetType, Object changes) {
		Assert.hasText(targetType, "'targetType' must not be empty");
		Assert.notNull(changes, "'changes' must not be null");
		Target target = target();
		String suffix = "/!transform/{target}";
		if (isExactlyOnce()) {
			return async(HttpMethod.POST, target.template() + suffix, target.id(), targetType).body(changes)
				.submit()
				.await()
				.createdId(targetType);
		}
		RestClient.RequestBodySpec request = request(HttpMethod.POST, target, suffix, false, targetType);
		return this.exchange.create(NetSuiteExchange.jsonBody(request, changes), targetType, Answers.WRITE_HINT);
	}

	/**
	 * Run an action on the record ({@code POST …/<id>/@<action>}), such as {@code confirm}
	 * on a vendor payment or {@code approve}, without parameters.
	 * @param action the action's ID, without {@code @}
	 * @return the answer's JSON body, or empty when NetSuite answered {@code 204}
	 * @throws NetSuiteException the error NetSuite answered
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer could not
	 * be read: the action may or may not have run
	 */
	public Optional<Map<String, Object>> action(String action) {
		return action(action, Map.of());
	}

	/**
	 * Run an action on the record with parameters, sent as its JSON body.
	 * @param action the action's ID, without {@code @}
	 * @param parameters the parameters, as a map or an object Jackson can write
	 * @return the answer's JSON body, or empty when NetSuite answered {@code 204}
	 * @throws NetSuiteException the error NetSuite answered
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer could not
	 * be read
	 */
	public Optional<Map<String, Object>> action(String action, Object parameters) {
		return action(action, parameters,
				this.exchange.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
	}

	/**
	 * Run an action on the record with parameters, and read its answer as a type.
	 * @param <T> the type
	 * @param action the action's ID, without {@code @}
	 * @param parameters the parameters, as a map or an object Jackson can write
	 * @param type the type of the answer's JSON body
	 * @return the answer, or empty when NetSuite answered {@code 204}
	 * @throws NetSuiteException the error NetSuite answered
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer could not
	 * be read
	 */
	public <T> Optional<T> action(String action, Object parameters, Class<T> type) {
		return action(action, parameters, this.exchange.mapper().getTypeFactory().constructType(type));
	}

	private <T> Optional<T> action(String action, Object parameters, JavaType type) {
		Assert.hasText(action, "'action' must not be empty");
		Assert.isTrue(action.charAt(0) != '@', "'action' must be given without '@'");
		Assert.notNull(parameters, "'parameters' must not be null");
		Target target = target();
		String suffix = "/@{action}";
		if (isExactlyOnce()) {
			NetSuiteJob.Result result = async(HttpMethod.POST, target.template() + suffix, target.id(), action)
				.body(parameters)
				.submit()
				.await();
			byte[] body = result.body();
			return (body.length == 0) ? Optional.empty()
					: Optional.ofNullable(this.exchange.mapper().readValue(body, type));
		}
		RestClient.RequestBodySpec request = request(HttpMethod.POST, target, suffix, false, action)
			.accept(MediaType.APPLICATION_JSON);
		return this.exchange.answer(NetSuiteExchange.jsonBody(request, parameters),
				NetSuiteExchange.Call.write(Answers.WRITE_HINT),
				(sent, response, answer) -> Optional.ofNullable(
						Answers.<T>value(this.exchange.mapper(), type, answer, response.getBody())),
				true);
	}

	/**
	 * Read a new, unsaved record that this one would be transformed into, pre-filled as
	 * NetSuite's UI would ({@code GET …/<id>/!transform/<targetType>} with
	 * {@code Accept: application/vnd.oracle.resource+json; type=create-form}); with
	 * {@link #fields} and {@link #expandSubResources()} as a read has them. Nothing is
	 * saved: {@link RecordCollection#create} saves it, changed or not.
	 * @param targetType the type of the new record, such as {@code invoice}
	 * @return the unsaved record
	 * @throws NetSuiteException the error NetSuite answered
	 */
	public Map<String, Object> initialize(String targetType) {
		Map<String, Object> record = initialize(targetType,
				this.exchange.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
		record.remove("links");
		return record;
	}

	/**
	 * Read a new, unsaved record that this one would be transformed into, mapped to the
	 * given type.
	 * @param <T> the type
	 * @param targetType the type of the new record, such as {@code invoice}
	 * @param type the type to map it to
	 * @return the unsaved record
	 * @throws NetSuiteException the error NetSuite answered
	 * @see #initialize(String)
	 */
	public <T> T initialize(String targetType, Class<T> type) {
		return initialize(targetType, this.exchange.mapper().getTypeFactory().constructType(type));
	}

	private <T> T initialize(String targetType, JavaType type) {
		Assert.hasText(targetType, "'targetType' must not be empty");
		RestClient.RequestBodySpec request = request(HttpMethod.GET, target(), "/!transform/{target}", true,
				targetType);
		return createForm(this.exchange, request, type);
	}

	// A create-form is read as a record is, asked for with its own media type.
	static <T> T createForm(NetSuiteExchange exchange, RestClient.RequestBodySpec request, JavaType type) {
		request.header(HttpHeaders.ACCEPT, CREATE_FORM);
		return exchange.answer(request, NetSuiteExchange.Call.READ, (sent, response, answer) -> {
			T value = Answers.value(exchange.mapper(), type, answer, response.getBody());
			if (value == null) {
				throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
			}
			return value;
		}, true);
	}

	/**
	 * Address one sublist of the record on its own ({@code …/<id>/<sublist>}), to stream
	 * its lines or read one.
	 * @param sublist the sublist's ID, such as {@code item}
	 * @return the sublist
	 */
	public RecordSublist sublist(String sublist) {
		Assert.hasText(sublist, "'sublist' must not be empty");
		return new RecordSublist(this, sublist);
	}

	NetSuiteExchange exchange() {
		return this.exchange;
	}

	String type() {
		return this.type;
	}

	private boolean isExactlyOnce() {
		return (this.exactlyOnce != null) ? this.exactlyOnce : this.exchange.exactlyOnceWrites();
	}

	// Where the record is: by internal ID, by "eid:" and its external ID, or, for an
	// external ID NetSuite's path cannot carry, by the internal ID a lookup finds.
	Target target() {
		if (!this.external) {
			return new Target(PATH, this.id);
		}
		if (ExternalIds.addressable(this.id)) {
			return new Target(EID_PATH, this.id);
		}
		return new Target(PATH, ExternalIds.lookup(this.exchange, this.type, this.id, validation()));
	}

	PropertyValidation.Pair validation() {
		return this.validation.or(this.exchange.propertyValidation());
	}

	/**
	 * Start a request to the record or below it.
	 * @param method the method
	 * @param target the record
	 * @param suffix the template of what follows the record's path, such as
	 * {@code /@{action}}
	 * @param read whether it reads, with this request's {@code fields} and
	 * {@code expandSubResources}
	 * @param suffixVariables the values of the suffix's variables
	 */
	RestClient.RequestBodySpec request(HttpMethod method, Target target, String suffix, boolean read,
			Object... suffixVariables) {
		return request(method, target, suffix, read ? this.fields : List.of(), read && this.expandSubResources,
				(uri) -> {
				}, suffixVariables);
	}

	RestClient.RequestBodySpec request(HttpMethod method, Target target, String suffix, List<String> fields,
			boolean expand, Consumer<UriBuilder> query, Object... suffixVariables) {
		List<Object> variables = new ArrayList<>(List.of(this.type, target.id()));
		variables.addAll(List.of(suffixVariables));
		RestClient.RequestBodySpec request = this.exchange.rest(method, (uri) -> {
			uri.path(target.template() + suffix);
			if (!fields.isEmpty()) {
				uri.queryParam("fields", "{fields}");
				variables.add(String.join(",", fields));
			}
			if (expand) {
				uri.queryParam("expandSubResources", "true");
			}
			if (method == HttpMethod.PATCH && !this.replace.isEmpty()) {
				uri.queryParam("replace", "{replace}");
				variables.add(String.join(",", this.replace));
			}
			query.accept(uri);
			return uri.build(variables.toArray());
		});
		return PropertyValidation.apply(request, validation());
	}

	private AsyncRequest async(HttpMethod method, String template, Object... variables) {
		List<Object> all = new ArrayList<>(List.of(this.type));
		all.addAll(List.of(variables));
		return PropertyValidation.apply(new AsyncRequest(this.exchange, method, template, all.toArray()).idempotent(),
				validation());
	}

	@Override
	public String toString() {
		return "RecordRequest[" + this.type + " " + (this.external ? ExternalIds.PREFIX : "") + this.id + "]";
	}

	/**
	 * Where a record is: its path's template, whose variables are the type and the ID.
	 */
	record Target(String template, String id) {

	}

}
