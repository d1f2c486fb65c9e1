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
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * One record of REST web services ({@code /services/rest/record/v1/<type>/<id>}), to read,
 * update or delete. Immutable: each modifier returns a copy, so a request can be shared
 * and sent again.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class RecordRequest {

	static final String PATH = "/services/rest/record/v1/{type}/{id}";

	private final NetSuiteExchange exchange;

	private final String type;

	private final String id;

	private final List<String> fields;

	private final boolean expandSubResources;

	private final @Nullable Boolean exactlyOnce;

	RecordRequest(NetSuiteExchange exchange, String type, String id) {
		this(exchange, type, id, List.of(), false, null);
	}

	private RecordRequest(NetSuiteExchange exchange, String type, String id, List<String> fields,
			boolean expandSubResources, @Nullable Boolean exactlyOnce) {
		this.exchange = exchange;
		this.type = type;
		this.id = id;
		this.fields = fields;
		this.expandSubResources = expandSubResources;
		this.exactlyOnce = exactlyOnce;
	}

	/**
	 * Return this request reading only the given fields, besides any given before.
	 * @param fields the field IDs
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest fields(String... fields) {
		for (String field : fields) {
			Assert.hasText(field, "'fields' must not contain empty names");
		}
		List<String> all = Stream.concat(this.fields.stream(), Stream.of(fields)).toList();
		return new RecordRequest(this.exchange, this.type, this.id, all, this.expandSubResources, this.exactlyOnce);
	}

	/**
	 * Return this request reading sublists and subrecords inline rather than as links.
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest expandSubResources() {
		return new RecordRequest(this.exchange, this.type, this.id, this.fields, true, this.exactlyOnce);
	}

	/**
	 * Return this request with an {@link #update} done exactly once: sent asynchronously
	 * with a fresh idempotency key and returning once NetSuite's job has completed, so
	 * that one whose answer was lost is repeated with the same key and executed once.
	 * @return the request
	 */
	@CheckReturnValue
	public RecordRequest exactlyOnce() {
		return exactlyOnce(true);
	}

	/**
	 * Return this request with an {@link #update} done exactly once or not, whatever
	 * {@code netsuite.records.exactly-once-writes} says.
	 * @param exactlyOnce whether the update is done exactly once through an
	 * asynchronous job
	 * @return the request
	 * @see #exactlyOnce()
	 */
	@CheckReturnValue
	public RecordRequest exactlyOnce(boolean exactlyOnce) {
		return new RecordRequest(this.exchange, this.type, this.id, this.fields, this.expandSubResources, exactlyOnce);
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
		Map<String, Object> record = this.exchange.value(request(),
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
		JsonNode record = this.exchange.object(request(), NetSuiteExchange.Call.READ);
		ObjectNode object = (ObjectNode) record;
		object.remove("links");
		return object;
	}

	private RestClient.RequestBodySpec request() {
		return this.exchange.rest(HttpMethod.GET, (uri) -> {
			if (!this.fields.isEmpty()) {
				uri.queryParam("fields", "{fields}");
			}
			if (this.expandSubResources) {
				uri.queryParam("expandSubResources", "true");
			}
			return uri.path(PATH).build(this.type, this.id, String.join(",", this.fields));
		});
	}

	/**
	 * Update the given fields of the record ({@code PATCH}); fields not given keep their
	 * values. Sent asynchronously when done {@linkplain #exactlyOnce() exactly once}.
	 * @param changes the fields to change, as a map or an object Jackson can write
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was done exactly once or not
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the update may or may not have happened
	 */
	public void update(Object changes) {
		Assert.notNull(changes, "'changes' must not be null");
		if ((this.exactlyOnce != null) ? this.exactlyOnce : this.exchange.exactlyOnceWrites()) {
			new AsyncRequest(this.exchange, HttpMethod.PATCH, PATH, this.type, this.id).body(changes)
				.idempotent()
				.submit()
				.await();
			return;
		}
		this.exchange.write(
				NetSuiteExchange.jsonBody(this.exchange.rest(HttpMethod.PATCH, PATH, this.type, this.id), changes),
				Answers.WRITE_HINT);
	}

	/**
	 * Delete the record.
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the record may or may not be deleted
	 */
	public void delete() {
		this.exchange.write(this.exchange.rest(HttpMethod.DELETE, PATH, this.type, this.id), Answers.DELETE_HINT);
	}

}
