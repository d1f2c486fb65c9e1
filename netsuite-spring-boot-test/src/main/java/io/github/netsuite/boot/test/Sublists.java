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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Sublists as NetSuite's record API writes them: a field whose value is
 * {@code {"items":[…]}}, such as a sales order's {@code item} lines or a customer's
 * {@code addressBook}. The double keys every sublist's lines by {@code line}: a line written
 * without one gets the next number above the highest the sublist has had, so that a line
 * number never comes back for another line.
 * <p>
 * Without {@code replace}, written lines merge into the stored ones by their key (a line
 * with an unknown or no key is added); a sublist named in {@code ?replace=} loses every
 * stored line and keeps only the lines written, none when the body does not name it.
 *
 * @author NetSuite Spring Boot team
 */
final class Sublists {

	static final String ITEMS = "items";

	static final String LINE = "line";

	private Sublists() {
	}

	/**
	 * Whether a value is a sublist: an object with an {@code items} array.
	 */
	static boolean isSublist(@Nullable Object value) {
		return value instanceof Map<?, ?> map && map.get(ITEMS) instanceof List<?>;
	}

	/**
	 * The lines of a stored sublist value, or none.
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> lines(@Nullable Object value) {
		if (value instanceof Map<?, ?> map && map.get(ITEMS) instanceof List<?> lines) {
			return (List<Map<String, Object>>) lines;
		}
		return List.of();
	}

	/**
	 * A new sublist from written lines, keyed from 1.
	 */
	static Map<String, Object> of(Object written) {
		return merge(null, written, true);
	}

	/**
	 * The stored sublist after a write.
	 * @param stored the stored sublist value, or {@code null} when there is none
	 * @param written the written value, {@code {"items":[…]}} (anything else stands as written)
	 * @param replace whether the written lines replace the stored ones
	 * @return the new sublist value, unmodifiable
	 */
	static Map<String, Object> merge(@Nullable Object stored, @Nullable Object written, boolean replace) {
		List<Map<String, Object>> old = lines(stored);
		long highest = 0;
		for (Map<String, Object> line : old) {
			highest = Math.max(highest, lineNumber(line));
		}
		List<Map<String, Object>> result = new ArrayList<>();
		if (!replace) {
			for (Map<String, Object> line : old) {
				result.add(new LinkedHashMap<>(line));
			}
		}
		for (Object item : lines(written)) {
			if (!(item instanceof Map<?, ?> given)) {
				continue;
			}
			Map<String, Object> line = copy(given);
			Map<String, Object> existing = replace ? null : find(result, line.get(LINE));
			if (existing != null) {
				existing.putAll(line);
			}
			else {
				// A new line: the key it was written with counts only when merging into no such line
				line.put(LINE, (int) ++highest);
				result.add(line);
			}
		}
		List<Map<String, Object>> frozen = new ArrayList<>(result.size());
		for (Map<String, Object> line : result) {
			frozen.add(Collections.unmodifiableMap(line));
		}
		return Map.of(ITEMS, Collections.unmodifiableList(frozen));
	}

	/**
	 * The fields of a write applied to a stored row: sublists merged or replaced, other
	 * fields set. Both maps have lower-case names.
	 */
	static void apply(Map<String, Object> row, Map<String, Object> changes, Set<String> replace) {
		changes.forEach((name, value) -> {
			if (isSublist(value) || replace.contains(name)) {
				row.put(name, merge(row.get(name), value, replace.contains(name)));
			}
			else {
				row.put(name, value);
			}
		});
		for (String name : replace) {
			if (!changes.containsKey(name)) {
				// Named in ?replace= but not written: the sublist is emptied
				row.put(name, merge(null, null, true));
			}
		}
	}

	/**
	 * The line whose key equals the given one, compared as text.
	 */
	static @Nullable Map<String, Object> find(List<Map<String, Object>> lines, @Nullable Object key) {
		if (key == null) {
			return null;
		}
		for (Map<String, Object> line : lines) {
			if (String.valueOf(line.get(LINE)).equals(String.valueOf(key))) {
				return line;
			}
		}
		return null;
	}

	private static long lineNumber(Map<String, Object> line) {
		Long number = RecordStore.parseId(line.get(LINE));
		return (number != null) ? number : 0;
	}

	private static Map<String, Object> copy(Map<?, ?> given) {
		Map<String, Object> line = new LinkedHashMap<>();
		given.forEach((name, value) -> line.put(String.valueOf(name), value));
		return line;
	}

}
