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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How the record API answers a record's fields: {@code fields=} keeps the named ones (and
 * {@code id}); a sublist is a link to its sub-resource, or inline with
 * {@code expandSubResources=true}; a sub-resource ({@code …/salesOrder/5/item}) is a
 * collection of its lines, links only unless expanded, and one line
 * ({@code …/item/1}) reads on its own.
 *
 * @author NetSuite Spring Boot team
 */
final class RecordViews {

	private static final Set<String> SUBLIST_NAMES = Set.of("item", "addressbook", "apply", "expense");

	private RecordViews() {
	}

	/**
	 * A stored record's fields as a GET answers them.
	 * @param call the GET, with its {@code fields} and {@code expandSubResources}
	 * @param recordUrl the record's URL, for the links of its sublists
	 * @param fields the record's fields, record-style names
	 */
	static Map<String, Object> fields(Call call, String recordUrl, Map<String, Object> fields) {
		boolean expand = expand(call);
		Map<String, Object> answered = new LinkedHashMap<>();
		select(call, fields).forEach((name, value) -> {
			if (Sublists.isSublist(value)) {
				String url = recordUrl + "/" + name;
				answered.put(name, expand ? sublist(url, Sublists.lines(value), true) : Map.of("links", self(url)));
			}
			else {
				answered.put(name, value);
			}
		});
		return answered;
	}

	/**
	 * The fields named in {@code fields=} (case-insensitive) and {@code id}, or all.
	 */
	static Map<String, Object> select(Call call, Map<String, Object> fields) {
		String selected = call.firstParameters().get("fields");
		if (selected == null || selected.isBlank()) {
			return fields;
		}
		Set<String> names = new HashSet<>();
		names.add("id");
		for (String name : selected.split(",")) {
			names.add(name.trim().toLowerCase(Locale.ROOT));
		}
		Map<String, Object> kept = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (names.contains(name.toLowerCase(Locale.ROOT))) {
				kept.put(name, value);
			}
		});
		return kept;
	}

	/**
	 * {@code GET …/<id>/<sublist>[/<line>]}.
	 */
	static Reply subResource(Call call, String recordUrl, RecordStore store, long key, String name,
			@Nullable String line) {
		Map<String, Object> row = store.rows().get(key);
		String lower = name.toLowerCase(Locale.ROOT);
		Object value = (row != null) ? row.get(lower) : null;
		if (row == null || (!Sublists.isSublist(value) && !SUBLIST_NAMES.contains(lower))) {
			return RecordEndpoint.nonexistent(call);
		}
		String url = recordUrl + "/" + name;
		List<Map<String, Object>> lines = Sublists.lines(value);
		if (line == null) {
			return new Reply(200, Paging.COLLECTION_JSON, Json.write(sublist(url, lines, expand(call))));
		}
		Map<String, Object> found = Sublists.find(lines, line);
		if (found == null) {
			return RecordEndpoint.nonexistent(call);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", self(url + "/" + found.get(Sublists.LINE)));
		body.putAll(select(call, found));
		return new Reply(200, RecordEndpoint.SINGULAR_JSON, Json.write(body));
	}

	private static Map<String, Object> sublist(String url, List<Map<String, Object>> lines, boolean expand) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> line : lines) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("links", self(url + "/" + line.get(Sublists.LINE)));
			if (expand) {
				item.putAll(line);
			}
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", self(url));
		body.put("count", items.size());
		body.put("hasMore", false);
		body.put("items", items);
		body.put("offset", 0);
		body.put("totalResults", items.size());
		return body;
	}

	private static boolean expand(Call call) {
		return "true".equalsIgnoreCase(call.firstParameters().get("expandSubResources"));
	}

	private static List<Map<String, String>> self(String url) {
		return List.of(Map.of("rel", "self", "href", url));
	}

}
