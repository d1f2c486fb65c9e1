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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code q} filter of a record collection, such as
 * {@code GET /record/v1/customer?q=externalId IS "RED|PO|1337"}: the double's subset of
 * NetSuite's syntax is conditions {@code <field> <operator> <value>} joined by {@code AND},
 * with the operators {@code IS}, {@code IS_NOT}, {@code START_WITH}, {@code CONTAIN} and
 * {@code EMPTY}/{@code EMPTY_NOT}, a value in double quotes ({@code \"} and {@code \\}
 * escape) or a bare word. Text compares case-insensitively, as NetSuite's filters do.
 *
 * @author NetSuite Spring Boot team
 */
final class RecordQuery {

	private static final Pattern CONDITION = Pattern.compile(
			"\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+(IS_NOT|IS|START_WITH|CONTAIN|EMPTY_NOT|EMPTY)\\b\\s*"
					+ "(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\"]+)?\\s*(?:\\bAND\\b|$)",
			Pattern.CASE_INSENSITIVE);

	private final List<Condition> conditions;

	private RecordQuery(List<Condition> conditions) {
		this.conditions = conditions;
	}

	/**
	 * Parse a filter.
	 * @throws IllegalArgumentException if the double does not understand it
	 */
	static RecordQuery parse(String q) {
		List<Condition> conditions = new ArrayList<>();
		Matcher matcher = CONDITION.matcher(q);
		int at = 0;
		while (at < q.length()) {
			if (!matcher.find(at) || matcher.start() != at || matcher.end() == at) {
				throw new IllegalArgumentException("The NetSuite double does not understand the filter from '"
						+ q.substring(at) + "': it knows <field> IS|IS_NOT|START_WITH|CONTAIN|EMPTY|EMPTY_NOT <value>,"
						+ " joined by AND.");
			}
			String operator = matcher.group(2).toUpperCase(Locale.ROOT);
			String value = matcher.group(3);
			boolean unary = operator.startsWith("EMPTY");
			if (unary != (value == null)) {
				throw new IllegalArgumentException("The operator " + operator
						+ (unary ? " takes no value." : " needs a value."));
			}
			conditions.add(new Condition(matcher.group(1).toLowerCase(Locale.ROOT), operator,
					(value != null) ? unquote(value) : ""));
			at = matcher.end();
		}
		return new RecordQuery(conditions);
	}

	/**
	 * Whether a stored row (lower-case names) passes every condition.
	 */
	boolean matches(Map<String, Object> row) {
		for (Condition condition : this.conditions) {
			if (!condition.matches(row.get(condition.field()))) {
				return false;
			}
		}
		return true;
	}

	private static String unquote(String value) {
		if (!value.startsWith("\"")) {
			return value;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length() - 1) {
				c = value.charAt(++i);
			}
			text.append(c);
		}
		return text.toString();
	}

	private record Condition(String field, String operator, String value) {

		boolean matches(@Nullable Object stored) {
			// A reference ({"id":"7"}) compares by its id
			Object plain = (stored instanceof Map<?, ?> reference) ? reference.get("id") : stored;
			String text = (plain != null) ? String.valueOf(plain).toLowerCase(Locale.ROOT) : "";
			String value = this.value.toLowerCase(Locale.ROOT);
			return switch (this.operator) {
				case "IS" -> text.equals(value);
				case "IS_NOT" -> !text.equals(value);
				case "START_WITH" -> text.startsWith(value);
				case "CONTAIN" -> text.contains(value);
				case "EMPTY" -> text.isEmpty();
				default -> !text.isEmpty();
			};
		}

	}

}
