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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The record API: {@code /services/rest/record/v1/<type>[/<id>]}, create, read, update,
 * delete, upsert by external ID and the paged collection, on the double's record stores;
 * and under a record, its transforms ({@code /!transform/<target>}), actions
 * ({@code /@<action>}) and sub-resources ({@code /item[/<line>]}). An ID is an internal ID
 * or {@code eid:<externalId>}, percent-decoded once.
 *
 * @author NetSuite Spring Boot team
 * @see Transforms
 * @see RecordActions
 * @see Sublists
 * @see FieldValidation
 */
final class RecordEndpoint {

	static final String PREFIX = "/services/rest/record/v1/";

	static final String SINGULAR_JSON = "application/vnd.oracle.resource+json; type=singular; charset=UTF-8";

	// Unconfirmed: the content type of an initialize's answer; the double echoes the form asked for
	static final String CREATE_FORM_JSON = "application/vnd.oracle.resource+json; type=create-form; charset=UTF-8";

	private static final String EXTERNAL_ID = "eid:";

	private static final String TRANSFORM = "!transform";

	private final NetSuiteDouble netSuite;

	RecordEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		String[] segments = call.path.substring(PREFIX.length()).split("/", -1);
		if (segments.length > 4 || segments[0].isEmpty()) {
			return ErrorReplies.notFound(call);
		}
		String type = segments[0];
		if (segments.length == 1) {
			return switch (call.method) {
				case "GET" -> isCreateForm(call) ? initialize(call, Transforms.defaults(type, today())) : collection(call, type);
				case "POST" -> create(call, type);
				default -> ErrorReplies.methodNotAllowed(call);
			};
		}
		String id;
		try {
			id = TbaVerifier.percentDecode(segments[1], false);
		}
		catch (IllegalArgumentException ex) {
			return nonexistent(call);
		}
		RecordStore store = this.netSuite.records(type);
		if (segments.length == 2 && call.method.equals("PUT")) {
			return brokenExternalId(id) ? nonexistent(call) : upsert(call, type, store, id);
		}
		Long key = findId(store, id);
		if (key == null) {
			return nonexistent(call);
		}
		if (segments.length == 2) {
			return switch (call.method) {
				case "GET" -> read(call, type, store, key);
				case "PATCH" -> update(call, store, key);
				case "DELETE" -> store.remove(key) ? Reply.noContent() : nonexistent(call);
				default -> ErrorReplies.methodNotAllowed(call);
			};
		}
		String sub = segments[2];
		if (sub.startsWith("@") && segments.length == 3) {
			return call.method.equals("POST") ? action(call, type, store, key, sub.substring(1))
					: ErrorReplies.methodNotAllowed(call);
		}
		if (sub.equals(TRANSFORM) && segments.length == 4) {
			return switch (call.method) {
				case "POST" -> transform(call, type, key, segments[3], true);
				case "GET" -> isCreateForm(call) ? transform(call, type, key, segments[3], false)
						: ErrorReplies.methodNotAllowed(call);
				default -> ErrorReplies.methodNotAllowed(call);
			};
		}
		if (sub.isEmpty() || sub.startsWith("!") || sub.startsWith("@")) {
			return ErrorReplies.notFound(call);
		}
		if (!call.method.equals("GET")) {
			return ErrorReplies.methodNotAllowed(call);
		}
		return RecordViews.subResource(call, this.netSuite.restUrl() + PREFIX + type + "/" + key, store, key, sub,
				(segments.length == 4) ? segments[3] : null);
	}

	private Reply collection(Call call, String type) {
		Map<String, String> parameters = call.firstParameters();
		RecordQuery query = null;
		String q = parameters.get("q");
		if (q != null) {
			try {
				query = RecordQuery.parse(q);
			}
			catch (IllegalArgumentException ex) {
				return ErrorReplies.invalidParameter("q", Objects.requireNonNullElse(ex.getMessage(), "Invalid filter."));
			}
		}
		Paging.Result requested = Paging.of(parameters);
		Paging paging = requested.paging();
		if (paging == null) {
			return requested.refusal();
		}
		RecordStore store = this.netSuite.records(type);
		List<Long> ids = new ArrayList<>();
		for (Map.Entry<Long, Map<String, Object>> row : store.rows().entrySet()) {
			if (query == null || query.matches(row.getValue())) {
				ids.add(row.getKey());
			}
		}
		List<Map<String, Object>> items = new ArrayList<>();
		for (Long id : ids.subList(Math.min(paging.offset(), ids.size()),
				Math.min(paging.offset() + paging.limit(), ids.size()))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("links", selfLinks(type, id));
			item.put("id", String.valueOf(id));
			items.add(item);
		}
		return paging.reply(this.netSuite.restUrl() + call.path, items, ids.size(), Paging.COLLECTION_LINKS);
	}

	private Reply read(Call call, String type, RecordStore store, long key) {
		Map<String, Object> row = store.rows().get(key);
		if (row == null) {
			return nonexistent(call);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", selfLinks(type, key));
		// Record-style names (companyName), as NetSuite's record API answers them
		body.putAll(RecordViews.fields(call, recordUrl(type, key), store.restFields(row)));
		return new Reply(200, SINGULAR_JSON, Json.write(body));
	}

	// An unsaved record: no id, no links of its own, its sublists inline
	private Reply initialize(Call call, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", List.of());
		body.putAll(RecordViews.select(call, fields));
		return new Reply(200, CREATE_FORM_JSON, Json.write(body));
	}

	private Reply create(Call call, String type) {
		Map<String, Object> body = jsonObject(call);
		FieldValidation.Outcome checked = FieldValidation.check(call, this.netSuite.records(type),
				(body != null) ? body : Map.of());
		Reply refusal = checked.refusal();
		if (refusal != null) {
			return refusal;
		}
		Map<String, Object> fields = (body != null) ? checked.fields() : null;
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
		return checked.warn(Reply.noContent().header("Location", recordUrl(type, id)));
	}

	private Reply update(Call call, RecordStore store, long key) {
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		FieldValidation.Outcome checked = FieldValidation.check(call, store, fields);
		Reply refusal = checked.refusal();
		if (refusal != null) {
			return refusal;
		}
		try {
			return store.update(key, checked.fields(), replaced(call)) ? checked.warn(Reply.noContent())
					: nonexistent(call);
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
		FieldValidation.Outcome checked = FieldValidation.check(call, store, fields);
		Reply refusal = checked.refusal();
		if (refusal != null) {
			return refusal;
		}
		// The external ID in the path wins over one in the body, in whatever spelling
		Map<String, Object> changes = new LinkedHashMap<>(checked.fields());
		changes.keySet().removeIf("externalId"::equalsIgnoreCase);
		changes.put("externalId", externalId);
		try {
			// One upsert at a time per store, so that two racing PUTs cannot both create
			synchronized (store) {
				Long key = store.findIdByExternalId(externalId);
				if (key == null || !store.update(key, changes, replaced(call))) {
					key = store.add(changes);
				}
				return checked.warn(Reply.noContent().header("Location", recordUrl(type, key)));
			}
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
	}

	/**
	 * A transform: {@code POST} creates the target record, {@code GET} with the create form
	 * answers it unsaved.
	 */
	private Reply transform(Call call, String type, long key, String target, boolean save) {
		if (!Transforms.supports(type, target)) {
			// NetSuite's words for a pair it does not transform (SuiteScript's INVALID_RCRD_TRANSFORM);
			// unconfirmed for REST: the double answers it as a USER_ERROR
			return ErrorReplies.rest(400, "USER_ERROR", "That is not a valid record transformation.",
					Map.of("o:urlPath", call.path));
		}
		Map<String, Object> body = call.body().isBlank() ? new LinkedHashMap<>() : jsonObject(call);
		if (body == null) {
			return invalidContent(call);
		}
		RecordStore targetStore = this.netSuite.records(target);
		FieldValidation.Outcome checked = FieldValidation.check(call, targetStore, body);
		Reply refusal = checked.refusal();
		if (refusal != null) {
			return refusal;
		}
		Map<String, Object> source = this.netSuite.records(type).get(key);
		if (source == null) {
			return nonexistent(call);
		}
		try {
			// One transform at a time per target type, so that two racing ones cannot take the same lines
			synchronized (targetStore) {
				Map<String, Object> record = Transforms.transform(type, key, source, targetStore, checked.fields());
				if (!save) {
					return initialize(call, record);
				}
				long id = targetStore.add(record);
				return checked.warn(Reply.noContent().header("Location", recordUrl(target, id)));
			}
		}
		catch (Transforms.Refused ex) {
			return ex.reply(call);
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
	}

	/**
	 * A record action: 200 with what SuiteScript's action returns (its {@code notifications}
	 * and {@code response}) and a self link. Unconfirmed: the exact body of REST's answer.
	 */
	private Reply action(Call call, String type, RecordStore store, long key, String action) {
		Map<String, Object> effect = RecordActions.effect(type, action);
		if (effect == null) {
			// Unconfirmed: NetSuite's code for an action the record type does not have
			return ErrorReplies.rest(400, "USER_ERROR", "The record action '" + action
					+ "' is not supported for the record type '" + type + "'.", Map.of("o:urlPath", call.path));
		}
		Map<String, Object> parameters = call.body().isBlank() ? new LinkedHashMap<>() : jsonObject(call);
		if (parameters == null) {
			return invalidContent(call);
		}
		Map<String, Object> changes = new LinkedHashMap<>(parameters);
		changes.putAll(effect);
		try {
			if (!store.update(key, changes)) {
				return nonexistent(call);
			}
		}
		catch (IllegalArgumentException ex) {
			return ambiguousField(call, ex);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", List.of(Map.of("rel", "self", "href", this.netSuite.restUrl() + call.path)));
		body.put("notifications", List.of());
		body.put("response", Map.of("id", String.valueOf(key)));
		return new Reply(200, SINGULAR_JSON, Json.write(body));
	}

	private static @Nullable Long findId(RecordStore store, String id) {
		if (id.startsWith(EXTERNAL_ID)) {
			return brokenExternalId(id) ? null : store.findIdByExternalId(id.substring(EXTERNAL_ID.length()));
		}
		return RecordStore.parseId(id);
	}

	/**
	 * Whether an external ID in the path is one users report NetSuite cannot find by path:
	 * with {@code |} or {@code /} in it. Unconfirmed how NetSuite answers: the double answers
	 * as if there were no such record; find it with {@code ?q=externalId IS "…"} instead.
	 */
	private static boolean brokenExternalId(String id) {
		return id.startsWith(EXTERNAL_ID) && (id.indexOf('|') >= 0 || id.indexOf('/') >= 0);
	}

	/**
	 * The sublists named in {@code ?replace=}, lower-case.
	 */
	private static Set<String> replaced(Call call) {
		String replace = call.firstParameters().get("replace");
		Set<String> names = new HashSet<>();
		if (replace != null) {
			for (String name : replace.split(",")) {
				if (!name.isBlank()) {
					names.add(name.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		return names;
	}

	private static boolean isCreateForm(Call call) {
		String accept = call.header("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).replace(" ", "").contains("type=create-form");
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.netSuite.now(), ZoneOffset.UTC);
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

	static Reply nonexistent(Call call) {
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
