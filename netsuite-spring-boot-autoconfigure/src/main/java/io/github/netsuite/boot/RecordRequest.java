package io.github.netsuite.boot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * One record of REST web services ({@code /services/rest/record/v1/<type>/<id>}), to read,
 * update or delete.
 *
 * @author NetSuite Spring Boot team
 */
public final class RecordRequest {

	static final String PATH = "/services/rest/record/v1/{type}/{id}";

	private final NetSuiteExchange exchange;

	private final String type;

	private final String id;

	private final List<String> fields = new ArrayList<>();

	private boolean expandSubResources;

	private @Nullable Boolean idempotent;

	RecordRequest(NetSuiteExchange exchange, String type, String id) {
		this.exchange = exchange;
		this.type = type;
		this.id = id;
	}

	/**
	 * Read only the given fields.
	 * @param fields the field IDs
	 * @return this request
	 */
	public RecordRequest fields(String... fields) {
		for (String field : fields) {
			Assert.hasText(field, "'fields' must not contain empty names");
			this.fields.add(field);
		}
		return this;
	}

	/**
	 * Read sublists and subrecords inline rather than as links.
	 * @return this request
	 */
	public RecordRequest expandSubResources() {
		this.expandSubResources = true;
		return this;
	}

	/**
	 * Make {@link #update} an idempotent write: sent asynchronously with a fresh
	 * idempotency key and returning once NetSuite's job has completed, so that one whose
	 * answer was lost is repeated with the same key and executed exactly once.
	 * @return this request
	 */
	public RecordRequest idempotent() {
		return idempotent(true);
	}

	/**
	 * Make {@link #update} an idempotent write or not, whatever
	 * {@code netsuite.records.idempotent-writes} says.
	 * @param idempotent whether the update is an idempotent write
	 * @return this request
	 * @see #idempotent()
	 */
	public RecordRequest idempotent(boolean idempotent) {
		this.idempotent = idempotent;
		return this;
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
		Map<String, Object> record = read((answer, body) -> Answers.value(this.exchange.mapper(),
				this.exchange.mapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class), answer,
				body));
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
		return this.exchange.mapper()
			.treeToValue(tree(), this.exchange.mapper().getTypeFactory().constructType(type.getType()));
	}

	private ObjectNode tree() {
		return read((answer, body) -> {
			JsonNode json = Answers.tree(this.exchange.mapper(), answer, body);
			if (json == null) {
				return null;
			}
			if (!(json instanceof ObjectNode object)) {
				throw Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, answer, null);
			}
			object.remove("links");
			return object;
		});
	}

	// A read record comes or fails, never null: NetSuite's 404 is NetSuiteNotFoundException,
	// and an answer without a record (empty, or JSON's null) is not one NetSuite gives.
	private <T> T read(Reader<T> reader) {
		return this.exchange.rest()
			.get()
			.uri((uri) -> {
				if (!this.fields.isEmpty()) {
					uri.queryParam("fields", "{fields}");
				}
				if (this.expandSubResources) {
					uri.queryParam("expandSubResources", "true");
				}
				return uri.path(PATH).build(this.type, this.id, String.join(",", this.fields));
			})
			.accept(MediaType.APPLICATION_JSON)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.exchangeForRequiredValue((request, response) -> {
				Answers.requireSuccess(request, response, this.exchange.errors(), false, null);
				Answers.Answer answer = Answers.answer(request, response, false, null);
				T record = reader.read(answer, response.getBody());
				if (record == null) {
					throw Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, answer, null);
				}
				return record;
			}, true);
	}

	/**
	 * Update the given fields of the record ({@code PATCH}); fields not given keep their
	 * values. Sent asynchronously when {@linkplain #idempotent() idempotent}.
	 * @param changes the fields to change, as a map or an object Jackson can write
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was idempotent or not
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the update may or may not have happened
	 */
	public void update(Object changes) {
		if ((this.idempotent != null) ? this.idempotent : this.exchange.idempotentWrites()) {
			new AsyncRequest(this.exchange, HttpMethod.PATCH, PATH, this.type, this.id).body(changes).idempotent().submit().await();
			return;
		}
		this.exchange.rest()
			.patch()
			.uri(PATH, this.type, this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.exchange.mapper().writeValueAsBytes(changes))
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.exchangeForRequiredValue((request, response) -> Answers.written(request, response, this.exchange,
					Answers.WRITE_HINT), true);
	}

	/**
	 * Delete the record.
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} if the answer was not
	 * NetSuite's {@code 204}: the record may or may not be deleted
	 */
	public void delete() {
		this.exchange.rest()
			.delete()
			.uri(PATH, this.type, this.id)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.exchangeForRequiredValue((request, response) -> Answers.written(request, response, this.exchange,
					Answers.DELETE_HINT), true);
	}

	/**
	 * Reads a record from an answer's body stream.
	 */
	@FunctionalInterface
	private interface Reader<T> {

		@Nullable T read(Answers.Answer answer, InputStream body);

	}

}
