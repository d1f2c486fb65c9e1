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
package io.github.netsuite.boot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Continues a SuiteQL query past NetSuite's offset ceiling by keyset: a query ordered by a
 * unique {@code id} can go on with {@code WHERE id > :last ORDER BY id}.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQlKeyset {

	private static final Pattern ORDER_BY_ID = Pattern
		.compile("(?is)^(.*\\S)\\s+ORDER\\s+BY\\s+((?:[A-Za-z_][A-Za-z0-9_]*\\.)?id)(\\s+ASC)?\\s*;?\\s*$");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

	private final String head;

	private final String column;

	private final int whereAt;

	private SuiteQlKeyset(String head, String column, int whereAt) {
		this.head = head;
		this.column = column;
		this.whereAt = whereAt;
	}

	/**
	 * Return the keyset form of a query, or {@code null} when it is not ordered by
	 * {@code id} alone.
	 */
	static @Nullable SuiteQlKeyset of(String query) {
		Matcher matcher = ORDER_BY_ID.matcher(query);
		if (!matcher.matches()) {
			return null;
		}
		String head = matcher.group(1);
		int whereAt = topLevelKeyword(head, "WHERE");
		if (topLevelKeyword(head, "GROUP") != -1 || topLevelKeyword(head, "UNION") != -1) {
			return null;
		}
		return new SuiteQlKeyset(head, matcher.group(2), whereAt);
	}

	/**
	 * Return the query for the rows after the given id.
	 */
	String after(String lastId) {
		String value = NUMBER.matcher(lastId).matches() ? lastId : SuiteQl.literal(lastId);
		String condition = this.column + " > " + value;
		if (this.whereAt == -1) {
			return this.head + " WHERE " + condition + " ORDER BY " + this.column;
		}
		String before = this.head.substring(0, this.whereAt);
		String existing = this.head.substring(this.whereAt + "WHERE".length()).strip();
		return before + "WHERE (" + existing + ") AND " + condition + " ORDER BY " + this.column;
	}

	// The index of a keyword outside parentheses and string literals, or -1. Compared in
	// place: an upper-cased copy can be longer ('ß' is "SS"), and its indexes then miss.
	private static int topLevelKeyword(String query, String keyword) {
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
			else if (!quoted && depth == 0 && query.regionMatches(true, i, keyword, 0, keyword.length())
					&& isBoundary(query, i - 1)
					&& isBoundary(query, i + keyword.length())) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isBoundary(String query, int index) {
		return index < 0 || index >= query.length() || !Character.isLetterOrDigit(query.charAt(index))
				&& query.charAt(index) != '_';
	}

}
