package io.github.netsuite.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;

/**
 * One record of REST web services ({@code /services/rest/record/v1/<type>/<id>}), to read,
 * update or delete.
 *
 * @author NetSuite Spring Boot team
 */
public final class RecordRequest {

	static final String PATH = "/services/rest/record/v1/{type}/{id}";

	private final NetSuiteClient client;

	private final String type;

	private final String id;

	private final List<String> fields = new ArrayList<>();

	private boolean expandSubResources;

	private @Nullable Boolean idempotent;

	RecordRequest(NetSuiteClient client, String type, String id) {
		this.client = client;
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
	 * @throws NetSuiteException if NetSuite answered without the record
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> get() {
		// Straight into a map, without the tree get(Class) goes through.
		ResponseEntity<byte[]> answer = read();
		byte[] body = answer.getBody();
		Map<String, Object> record = (body != null && body.length > 0) ? this.client.mapper().readValue(body, Map.class)
				: null;
		if (record == null) {
			throw noRecord(answer);
		}
		record.remove("links");
		return record;
	}

	/**
	 * Read the record, mapped to the given type.
	 * @param <T> the type
	 * @param type the type
	 * @return the record
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteException if NetSuite answered without the record
	 */
	public <T> T get(Class<T> type) {
		ResponseEntity<byte[]> answer = read();
		return record(answer, this.client.mapper().treeToValue(tree(answer), type));
	}

	/**
	 * Read the record, mapped to a generic type, such as
	 * {@code new ParameterizedTypeReference<Map<String, Object>>() {}}.
	 * @param <T> the type
	 * @param type the type
	 * @return the record
	 * @throws NetSuiteNotFoundException if there is no such record
	 * @throws NetSuiteException if NetSuite answered without the record
	 */
	public <T> T get(ParameterizedTypeReference<T> type) {
		ResponseEntity<byte[]> answer = read();
		return record(answer, this.client.mapper()
			.treeToValue(tree(answer), this.client.mapper().getTypeFactory().constructType(type.getType())));
	}

	private JsonNode tree(ResponseEntity<byte[]> answer) {
		byte[] body = answer.getBody();
		if (body == null || body.length == 0) {
			throw noRecord(answer);
		}
		JsonNode json = this.client.mapper().readTree(body);
		if (json instanceof ObjectNode object) {
			object.remove("links");
		}
		return json;
	}

	private <T> T record(ResponseEntity<byte[]> answer, @Nullable T record) {
		if (record == null) {
			throw noRecord(answer);
		}
		return record;
	}

	// A read record comes or fails, never null: NetSuite's 404 is NetSuiteNotFoundException.
	private NetSuiteException noRecord(ResponseEntity<byte[]> answer) {
		return new NetSuiteException(answer.getStatusCode().value(), null, "the answer holds no record", "GET",
				"/services/rest/record/v1/" + this.type + "/" + this.id, null);
	}

	private ResponseEntity<byte[]> read() {
		return this.client.rest()
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
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.toEntity(byte[].class);
	}

	/**
	 * Update the given fields of the record ({@code PATCH}); fields not given keep their
	 * values. Sent asynchronously when {@linkplain #idempotent() idempotent}.
	 * @param changes the fields to change, as a map or an object Jackson can write
	 * @throws NetSuiteException the error NetSuite answered, the same whether the write
	 * was idempotent or not
	 */
	public void update(Object changes) {
		if ((this.idempotent != null) ? this.idempotent : this.client.idempotentWrites()) {
			this.client.async(HttpMethod.PATCH, PATH, this.type, this.id).body(changes).idempotent().submit().await();
			return;
		}
		this.client.rest()
			.patch()
			.uri(PATH, this.type, this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.client.mapper().writeValueAsBytes(changes))
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.toBodilessEntity();
	}

	/**
	 * Delete the record.
	 */
	public void delete() {
		this.client.rest()
			.delete()
			.uri(PATH, this.type, this.id)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST)
			.retrieve()
			.onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors())
			.toBodilessEntity();
	}

}
