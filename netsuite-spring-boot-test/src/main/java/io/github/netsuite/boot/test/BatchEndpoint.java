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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.jspecify.annotations.Nullable;

/**
 * Batch operations: {@code POST}, {@code PATCH}, {@code PUT} or {@code DELETE} on
 * {@code /services/rest/record/v1/<type>} with {@code Prefer: respond-async} (and, but for
 * {@code DELETE}, {@code Content-Type: application/vnd.oracle.resource+json; type=collection}),
 * body {@code {"items":[…]}}, at most 100 items. Answered {@code 202} with the {@code Location}
 * of a job that has one task per item, in the items' order; each task's result is what the
 * synchronous request for its item answers, made by the record API itself: a create's
 * {@code 204} with the new record's {@code Location}, or NetSuite's error with its status.
 * Items fail independently. {@code PATCH} items carry {@code id} or {@code externalId} (the
 * internal ID wins when both are given), {@code PUT} items (upserts) their {@code externalId},
 * {@code DELETE} items {@code id} or {@code externalId}.
 * <p>
 * Every item is executed when the request is submitted, in order; its task's times come
 * from the async processors' schedule ({@link AsyncProcessors}), from the async delay on, and
 * its result shows from the task's end. Unconfirmed by any public capture: the one task per
 * item, the error an item without its ID has, and the refusal of a batch over 100 items
 * (assumed {@code 400 USER_ERROR} for the whole request, nothing executed).
 *
 * @author NetSuite Spring Boot team
 */
final class BatchEndpoint {

	static final int MAX_ITEMS = 100;

	private static final String RESOURCE_JSON = "application/vnd.oracle.resource+json";

	private final NetSuiteDouble netSuite;

	private final RecordEndpoint records;

	BatchEndpoint(NetSuiteDouble netSuite, RecordEndpoint records) {
		this.netSuite = netSuite;
		this.records = records;
	}

	/**
	 * Whether a request is a batch: asynchronous, to a record type's collection, with a
	 * collection body (a {@code DELETE} needs no content type).
	 */
	static boolean isBatch(Call call) {
		if (!AsyncEndpoint.isAsync(call) || !call.path.startsWith(RecordEndpoint.PREFIX)) {
			return false;
		}
		String type = call.path.substring(RecordEndpoint.PREFIX.length());
		if (type.isEmpty() || type.indexOf('/') >= 0) {
			return false;
		}
		return switch (call.method) {
			case "POST", "PATCH", "PUT" -> isCollection(call.header("Content-Type"));
			case "DELETE" -> true;
			default -> false;
		};
	}

	Reply submit(Call call) {
		String type = call.path.substring(RecordEndpoint.PREFIX.length());
		List<?> items = items(call);
		if (items == null) {
			return ErrorReplies.rest(400, "INVALID_CONTENT",
					"Invalid content in the request body: a batch request's body is {\"items\":[…]}, "
							+ "a JSON array of at least one item.",
					Map.of("o:urlPath", call.path));
		}
		if (items.size() > MAX_ITEMS) {
			return ErrorReplies.rest(400, "USER_ERROR", "A batch request can hold at most " + MAX_ITEMS
					+ " records of one type; this one holds " + items.size() + ".", Map.of("o:urlPath", call.path));
		}
		Faults faults = this.netSuite.faults();
		AsyncEndpoint jobs = this.netSuite.data().jobs();
		return jobs.accept(call, (submitted) -> {
			Instant earliest = submitted.plus(faults.asyncDelay());
			List<Instant[]> slots = jobs.processors()
				.schedule(items.size(), earliest, faults.asyncProcessors(), faults.timePerAsyncRecord());
			List<AsyncEndpoint.Task> tasks = new ArrayList<>(items.size());
			for (int i = 0; i < items.size(); i++) {
				Instant[] slot = slots.get(i);
				tasks.add(new AsyncEndpoint.Task(slot[0], slot[1], execute(call, type, items.get(i))));
			}
			return tasks;
		});
	}

	/**
	 * One item's answer: the synchronous request for it, made to the record API.
	 */
	private Reply execute(Call call, String type, @Nullable Object item) {
		String collection = RecordEndpoint.PREFIX + type;
		if (!(item instanceof Map<?, ?> fields)) {
			return itemError(call, "INVALID_CONTENT", "Each item of a batch request must be a JSON object.");
		}
		if (call.method.equals("POST")) {
			return this.records.handle(itemCall(call, "POST", collection, Json.write(fields)));
		}
		if (call.method.equals("PUT")) {
			String externalId = text(fields, "externalId");
			if (externalId == null) {
				return itemError(call, "USER_ERROR", "A batch upsert (PUT) supports external IDs only: "
						+ "each item must carry its externalId.");
			}
			return this.records.handle(itemCall(call, "PUT", collection + "/eid:" + TbaVerifier.percentEncode(externalId),
					Json.write(fields)));
		}
		String target = target(this.netSuite.records(type), fields);
		if (target == null) {
			return itemError(call, "USER_ERROR",
					"Each item of a batch " + call.method + " must carry its id or its externalId.");
		}
		String body = call.method.equals("PATCH") ? Json.write(fields) : "";
		return this.records.handle(itemCall(call, call.method, collection + "/" + target, body));
	}

	/**
	 * The path segment of the record an item names: its internal ID, which wins, else its
	 * external ID.
	 */
	private static @Nullable String target(RecordStore store, Map<?, ?> fields) {
		String id = text(fields, "id");
		if (id != null) {
			// As the synchronous request for the item would address it
			return TbaVerifier.percentEncode(id);
		}
		String externalId = text(fields, "externalId");
		if (externalId == null) {
			return null;
		}
		// In a batch the external ID comes in the item's JSON, not in a path: one with '|'
		// or '/', which a path cannot carry (RecordEndpoint), still finds its record.
		Long key = store.findIdByExternalId(externalId);
		return (key != null) ? key.toString() : "eid:" + TbaVerifier.percentEncode(externalId);
	}

	/**
	 * The request's own, as the synchronous request for one item: the same headers (its
	 * login was checked already), another method, path and body.
	 */
	private static Call itemCall(Call call, String method, String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return new Call(RequestWrapper.create()
			.setMethod(RequestMethod.fromString(method))
			.transformAbsoluteUrl((url) -> origin(url) + path)
			.transformBody((unused) -> new Body(bytes))
			.wrap(call.request));
	}

	// scheme://host:port, without the path
	private static String origin(String absoluteUrl) {
		int schemeEnd = absoluteUrl.indexOf("://");
		int pathStart = absoluteUrl.indexOf('/', (schemeEnd < 0) ? 0 : schemeEnd + 3);
		return (pathStart < 0) ? absoluteUrl : absoluteUrl.substring(0, pathStart);
	}

	private static @Nullable List<?> items(Call call) {
		try {
			Object body = Json.read(call.body());
			Object items = (body instanceof Map<?, ?> map) ? map.get("items") : null;
			return (items instanceof List<?> list && !list.isEmpty()) ? list : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// A field's value as text, its name in any case (as the record store reads names)
	private static @Nullable String text(Map<?, ?> fields, String name) {
		for (Map.Entry<?, ?> field : fields.entrySet()) {
			if (name.equalsIgnoreCase(String.valueOf(field.getKey()))) {
				Object value = field.getValue();
				String text = (value instanceof String || value instanceof Number) ? value.toString() : null;
				return (text != null && !text.isBlank()) ? text : null;
			}
		}
		return null;
	}

	// application/vnd.oracle.resource+json; type=collection, in any case and spacing
	private static boolean isCollection(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String[] parts = contentType.toLowerCase(Locale.ROOT).replace(" ", "").split(";");
		if (!parts[0].equals(RESOURCE_JSON)) {
			return false;
		}
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].equals("type=collection")) {
				return true;
			}
		}
		return false;
	}

	private static Reply itemError(Call call, String code, String detail) {
		return ErrorReplies.rest(400, code, detail, Map.of("o:urlPath", call.path));
	}

}
