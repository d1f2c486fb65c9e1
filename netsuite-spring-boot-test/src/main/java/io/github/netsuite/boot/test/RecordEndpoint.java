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
package io.github.netsuite.boot.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The record API: {@code /services/rest/record/v1/<type>[/<id>]}, create, read, update,
 * delete, upsert by external ID and the paged collection, on the double's record stores.
 *
 * @author NetSuite Spring Boot team
 */
final class RecordEndpoint {

	static final String PREFIX = "/services/rest/record/v1/";

	static final String SINGULAR_JSON = "application/vnd.oracle.resource+json; type=singular; charset=UTF-8";

	private static final String EXTERNAL_ID = "eid:";

	private final NetSuiteDouble netSuite;

	RecordEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		String[] segments = call.path.substring(PREFIX.length()).split("/", -1);
		if (segments.length > 2 || segments[0].isEmpty()) {
			return ErrorReplies.notFound(call);
		}
		String type = segments[0];
		if (segments.length == 1) {
			return switch (call.method) {
				case "GET" -> collection(call, type);
				case "POST" -> create(call, type);
				default -> ErrorReplies.methodNotAllowed(call);
			};
		}
		String id = TbaVerifier.percentDecode(segments[1], false);
		RecordStore store = this.netSuite.records(type);
		if (call.method.equals("PUT")) {
			return upsert(call, type, store, id);
		}
		Long key = findId(store, id);
		if (key == null) {
			return nonexistent(call);
		}
		return switch (call.method) {
			case "GET" -> read(call, type, store, key);
			case "PATCH" -> update(call, store, key);
			case "DELETE" -> store.remove(key) ? Reply.noContent() : nonexistent(call);
			default -> ErrorReplies.methodNotAllowed(call);
		};
	}

	private Reply collection(Call call, String type) {
		Map<String, String> parameters = call.firstParameters();
		if (parameters.containsKey("q")) {
			return ErrorReplies.invalidParameter("q", "The NetSuite double does not filter record collections with 'q';"
					+ " use SuiteQL instead.");
		}
		Paging.Result requested = Paging.of(parameters);
		Paging paging = requested.paging();
		if (paging == null) {
			return requested.refusal();
		}
		RecordStore store = this.netSuite.records(type);
		ChangeTracking tracking = this.netSuite.data().tracking();
		SuiteQl.Page page = SuiteQl.execute(SuiteQl.parse("SELECT id FROM " + store.type()), store.rows(),
				new SuiteQl.Clock(tracking.now(), tracking.zone()), paging.offset(), paging.limit());
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> row : page.items()) {
			Map<String, Object> item = new LinkedHashMap<>();
			// Every stored row has its id, and SELECT id keeps it
			Object id = Objects.requireNonNull(row.get("id"), "A stored row has an id");
			item.put("links", selfLinks(type, id));
			item.put("id", id);
			items.add(item);
		}
		return paging.reply(this.netSuite.restUrl() + call.path, items, page.totalResults(), Paging.COLLECTION_LINKS);
	}

	private Reply read(Call call, String type, RecordStore store, long key) {
		Map<String, Object> row = store.rows().get(key);
		if (row == null) {
			return nonexistent(call);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", selfLinks(type, key));
		// Record-style names (companyName), as NetSuite's record API answers them
		body.putAll(store.restFields(row));
		return new Reply(200, SINGULAR_JSON, Json.write(body));
	}

	private Reply create(Call call, String type) {
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		Reply missing = this.netSuite.data().requiredFields().check(call, type, fields);
		if (missing != null) {
			return missing;
		}
		long id;
		try {
			id = this.netSuite.records(type).add(fields);
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
		return Reply.noContent().header("Location", recordUrl(type, id));
	}

	private Reply update(Call call, RecordStore store, long key) {
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		try {
			return store.update(key, fields) ? Reply.noContent() : nonexistent(call);
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
	}

	private Reply upsert(Call call, String type, RecordStore store, String id) {
		if (!id.startsWith(EXTERNAL_ID)) {
			return ErrorReplies.rest(400, "USER_ERROR", "PUT is supported only with an external ID: .../"
					+ store.type() + "/eid:<externalId>.", Map.of("o:urlPath", call.path));
		}
		String externalId = id.substring(EXTERNAL_ID.length());
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		// The external ID in the path wins over one in the body, in whatever spelling
		Map<String, Object> changes = new LinkedHashMap<>(fields);
		changes.keySet().removeIf("externalId"::equalsIgnoreCase);
		changes.put("externalId", externalId);
		try {
			// One upsert at a time per store, so that two racing PUTs cannot both create
			synchronized (store) {
				Long key = store.findIdByExternalId(externalId);
				if (key == null || !store.update(key, changes)) {
					key = store.add(changes);
				}
				return Reply.noContent().header("Location", recordUrl(type, key));
			}
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
	}

	private static @Nullable Long findId(RecordStore store, String id) {
		if (id.startsWith(EXTERNAL_ID)) {
			return store.findIdByExternalId(id.substring(EXTERNAL_ID.length()));
		}
		return RecordStore.parseId(id);
	}

	private List<Map<String, String>> selfLinks(String type, Object id) {
		return List.of(Map.of("rel", "self", "href", recordUrl(type, id)));
	}

	private String recordUrl(String type, Object id) {
		return this.netSuite.restUrl() + PREFIX + type + "/" + id;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> jsonObject(Call call) {
		try {
			Object body = Json.read(call.body());
			return (body instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Reply nonexistent(Call call) {
		return ErrorReplies.rest(404, "NONEXISTENT_ID",
				"The record instance does not exist. Provide a valid record instance ID.",
				Map.of("o:urlPath", call.path));
	}

	// A field given twice, in two spellings with different values
	private static Reply ambiguousField(Call call, IllegalArgumentException ex) {
		return ErrorReplies.rest(400, "INVALID_CONTENT",
				Objects.requireNonNullElse(ex.getMessage(), "A field is given twice with different values."),
				Map.of("o:urlPath", call.path));
	}

	private static Reply invalidContent(Call call) {
		return ErrorReplies.rest(400, "INVALID_CONTENT",
				"Invalid content in the request body: a JSON object of record fields is expected.",
				Map.of("o:urlPath", call.path));
	}

}
