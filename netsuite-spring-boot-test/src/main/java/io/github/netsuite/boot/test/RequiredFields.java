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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The fields a create must give, per record type, as an account's forms make them
 * mandatory: a create without one fails with NetSuite's {@code USER_ERROR} "Please enter
 * value(s) for: …", and nothing is stored. None unless told
 * ({@link NetSuiteDouble#requiredFields(String, String...)}), so that tests create the
 * records they need with the fields they care about.
 *
 * @author NetSuite Spring Boot team
 */
final class RequiredFields {

	// By lower-case record type; the names as given
	private final Map<String, List<String>> byType = new ConcurrentHashMap<>();

	void require(String type, List<String> fields) {
		String key = type.toLowerCase(Locale.ROOT);
		if (fields.isEmpty()) {
			this.byType.remove(key);
		}
		else {
			this.byType.put(key, List.copyOf(fields));
		}
	}

	/**
	 * The error a create of these fields answers, or {@code null} when it gives every
	 * required field a value (field names case-insensitive, as the store's; an empty string is
	 * no value).
	 */
	@Nullable Reply check(Call call, String type, Map<String, ?> fields) {
		List<String> required = this.byType.get(type.toLowerCase(Locale.ROOT));
		if (required == null) {
			return null;
		}
		List<String> missing = new ArrayList<>();
		for (String name : required) {
			if (!hasValue(fields, name)) {
				missing.add(name);
			}
		}
		if (missing.isEmpty()) {
			return null;
		}
		// NetSuite names the fields by their labels ("Company Name"); the double knows only their IDs
		return ErrorReplies.rest(400, "USER_ERROR", "Please enter value(s) for: " + String.join(", ", missing) + ".",
				Map.of("o:urlPath", call.path));
	}

	void clear() {
		this.byType.clear();
	}

	private static boolean hasValue(Map<String, ?> fields, String name) {
		for (Map.Entry<String, ?> field : fields.entrySet()) {
			if (field.getKey().equalsIgnoreCase(name)) {
				Object value = field.getValue();
				return value != null && !(value instanceof String text && text.isBlank());
			}
		}
		return false;
	}

}
