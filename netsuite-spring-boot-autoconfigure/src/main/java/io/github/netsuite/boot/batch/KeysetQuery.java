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
package io.github.netsuite.boot.batch;

import java.util.Locale;
import java.util.regex.Pattern;

import io.github.netsuite.boot.SuiteQl;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A SuiteQL query read in keyset pages: the first page ordered by a unique key, each next
 * one the rows after the last key read ({@code WHERE key > :last ORDER BY key}), so that a
 * page never depends on an offset and a restart continues after any key.
 *
 * @author NetSuite Spring Boot team
 */
final class KeysetQuery {

	private static final Pattern COLUMN = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

	private final String head;

	private final @Nullable String where;

	private final String key;

	private KeysetQuery(String head, @Nullable String where, String key) {
		this.head = head;
		this.where = where;
		this.key = key;
	}

	/**
	 * Return the keyset form of a query that has no {@code ORDER BY} of its own.
	 * @param query the query, without {@code ORDER BY}, {@code GROUP BY} or {@code UNION}
	 * @param key the unique, non-null column to order and continue by
	 * @return the keyset query
	 */
	static KeysetQuery of(String query, String key) {
		Assert.hasText(query, "'query' must not be empty");
		Assert.isTrue(COLUMN.matcher(key).matches(), () -> "'key' must be a column name, not '" + key + "'");
		String text = query.strip();
		if (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		for (String keyword : new String[] { "ORDER", "GROUP", "UNION", "HAVING", "FETCH", "OFFSET" }) {
			Assert.isTrue(topLevel(text, keyword) == -1, () -> "The query must not have " + keyword
					+ " of its own: the reader orders it by '" + key + "' and pages by keyset");
		}
		int whereAt = topLevel(text, "WHERE");
		if (whereAt == -1) {
			return new KeysetQuery(text, null, key);
		}
		String condition = text.substring(whereAt + "WHERE".length()).strip();
		Assert.hasText(condition, "The query's WHERE has no condition");
		// Parentheses only where they change the meaning, so that the simplest SuiteQL stays simple
		String where = (topLevel(condition, "OR") != -1) ? "(" + condition + ")" : condition;
		return new KeysetQuery(text.substring(0, whereAt).strip(), where, key);
	}

	/**
	 * Return the query for the rows after the given key, or the first rows.
	 * @param last the last key read, or {@code null} for the first page
	 * @return the SuiteQL text
	 */
	String after(@Nullable String last) {
		StringBuilder query = new StringBuilder(this.head);
		String condition = (last != null) ? this.key + " > " + literal(last) : null;
		if (this.where != null && condition != null) {
			query.append(" WHERE ").append(this.where).append(" AND ").append(condition);
		}
		else if (this.where != null || condition != null) {
			query.append(" WHERE ").append((this.where != null) ? this.where : condition);
		}
		return query.append(" ORDER BY ").append(this.key).toString();
	}

	String key() {
		return this.key;
	}

	/**
	 * Return the name of the key in each answered row: NetSuite answers columns in lower
	 * case and without their table alias.
	 */
	String field() {
		return this.key.substring(this.key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	// Internal IDs are numbers and compare as numbers; anything else is a quoted string,
	// as the client's own keyset paging does.
	private static String literal(String value) {
		return NUMBER.matcher(value).matches() ? value : SuiteQl.literal(value);
	}

	// The index of a keyword outside parentheses and string literals, or -1.
	static int topLevel(String query, String keyword) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && query.regionMatches(true, i, keyword, 0, keyword.length()) && isBoundary(query, i - 1)
					&& isBoundary(query, i + keyword.length())) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isBoundary(String query, int index) {
		return index < 0 || index >= query.length()
				|| !Character.isLetterOrDigit(query.charAt(index)) && query.charAt(index) != '_';
	}

}
