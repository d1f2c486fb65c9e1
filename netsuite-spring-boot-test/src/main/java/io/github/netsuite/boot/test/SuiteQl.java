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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The small SuiteQL subset the double understands:
 * <pre>
 * SELECT * | column [, column …] FROM table
 *     [WHERE column (= | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=) (number | 'text')]
 *     [ORDER BY column [ASC | DESC]]
 * </pre>
 * Keywords, table and column names are case-insensitive; as in NetSuite, columns come back
 * with lower-case names ({@code companyname}, also for {@code SELECT *} and for fields seeded
 * as {@code companyName}: the store keeps them in lower case) and a column without a value is
 * left out of its item. Values compare as
 * numbers when both sides are numbers, else as text. Without {@code ORDER BY} rows come in ID
 * order. {@code WHERE id > n ORDER BY id} (keyset paging) is served from the ID index, so it stays
 * fast on large tables.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQl {

	private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

	private static final Pattern QUERY = Pattern.compile("\\s*SELECT\\s+(?<columns>\\*|" + IDENTIFIER + "(?:\\s*,\\s*"
			+ IDENTIFIER + ")*)\\s+FROM\\s+(?<table>" + IDENTIFIER + ")" + "(?:\\s+WHERE\\s+(?<whereColumn>" + IDENTIFIER
			+ ")\\s*(?<operator><=|>=|<>|!=|=|<|>)\\s*(?<value>-?[0-9]+(?:\\.[0-9]+)?|'(?:[^']|'')*'))?"
			+ "(?:\\s+ORDER\\s+BY\\s+(?<orderColumn>" + IDENTIFIER + ")(?:\\s+(?<direction>ASC|DESC))?)?\\s*;?\\s*",
			Pattern.CASE_INSENSITIVE);

	static final String SUPPORTED = "The NetSuite double understands only SELECT * | columns FROM table"
			+ " [WHERE column op value] [ORDER BY column [ASC|DESC]].";

	private SuiteQl() {
	}

	/**
	 * A parsed query.
	 */
	record Query(@Nullable List<String> columns, String table, @Nullable Condition where, @Nullable String orderBy,
			boolean descending) {
	}

	/**
	 * A {@code WHERE column op value} condition; {@code value} is a {@link BigDecimal} or a string.
	 */
	record Condition(String column, String operator, Object value) {

		boolean test(Map<String, Object> row) {
			Object actual = SuiteQl.column(row, this.column);
			if (actual == null) {
				return false;
			}
			int comparison = compare(actual, this.value);
			return switch (this.operator) {
				case "=" -> comparison == 0;
				case "<>", "!=" -> comparison != 0;
				case "<" -> comparison < 0;
				case "<=" -> comparison <= 0;
				case ">" -> comparison > 0;
				default -> comparison >= 0;
			};
		}

	}

	/**
	 * One page of the result and the count of every matching row.
	 */
	record Page(List<Map<String, Object>> items, int totalResults) {
	}

	/**
	 * Parse a query.
	 * @throws IllegalArgumentException if it is outside the subset
	 */
	static Query parse(String q) {
		Matcher matcher = QUERY.matcher(q);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(SUPPORTED);
		}
		List<String> columns = null;
		if (!matcher.group("columns").equals("*")) {
			columns = Arrays.stream(matcher.group("columns").split(","))
				.map((column) -> column.trim().toLowerCase(Locale.ROOT))
				.toList();
		}
		Condition where = null;
		if (matcher.group("whereColumn") != null) {
			String literal = matcher.group("value");
			Object value = literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("''", "'")
					: new BigDecimal(literal);
			where = new Condition(matcher.group("whereColumn").toLowerCase(Locale.ROOT), matcher.group("operator"),
					value);
		}
		String orderBy = (matcher.group("orderColumn") != null) ? matcher.group("orderColumn").toLowerCase(Locale.ROOT)
				: null;
		boolean descending = "DESC".equalsIgnoreCase(matcher.group("direction"));
		return new Query(columns, matcher.group("table").toLowerCase(Locale.ROOT), where, orderBy, descending);
	}

	/**
	 * Run a query on a store and cut one page out of the result.
	 */
	static Page execute(Query query, RecordStore store, int offset, int limit) {
		Collection<Map<String, Object>> matching = fromIdIndex(query, store.rows());
		if (matching == null) {
			matching = filterAndSort(query, store.rows().values());
		}
		int total = matching.size();
		List<Map<String, Object>> items = new ArrayList<>(Math.min(limit, Math.max(total - offset, 0)));
		Iterator<Map<String, Object>> rows = matching.iterator();
		for (int skipped = 0; skipped < offset && rows.hasNext(); skipped++) {
			rows.next();
		}
		while (items.size() < limit && rows.hasNext()) {
			items.add(project(rows.next(), query.columns()));
		}
		return new Page(items, total);
	}

	/**
	 * The matching rows straight from the ID-ordered map, when the query needs no other order
	 * and filters on the ID only; {@code null} otherwise.
	 */
	private static @Nullable Collection<Map<String, Object>> fromIdIndex(Query query,
			NavigableMap<Long, Map<String, Object>> rows) {
		if (query.orderBy() != null && !query.orderBy().equals("id")) {
			return null;
		}
		NavigableMap<Long, Map<String, Object>> selected = rows;
		Condition where = query.where();
		if (where != null) {
			if (!where.column().equals("id") || !(where.value() instanceof BigDecimal number)
					|| number.stripTrailingZeros().scale() > 0) {
				return null;
			}
			long id = number.longValue();
			selected = switch (where.operator()) {
				case ">" -> rows.tailMap(id, false);
				case ">=" -> rows.tailMap(id, true);
				case "<" -> rows.headMap(id, false);
				case "<=" -> rows.headMap(id, true);
				case "=" -> rows.subMap(id, true, id, true);
				default -> null;
			};
			if (selected == null) {
				return null;
			}
		}
		return query.descending() ? selected.descendingMap().values() : selected.values();
	}

	private static List<Map<String, Object>> filterAndSort(Query query, Collection<Map<String, Object>> rows) {
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			if (query.where() == null || query.where().test(row)) {
				matching.add(row);
			}
		}
		String orderBy = query.orderBy();
		if (orderBy != null) {
			Comparator<Map<String, Object>> order = (left, right) -> {
				Object a = column(left, orderBy);
				Object b = column(right, orderBy);
				if (a == null || b == null) {
					// Rows without a value sort last, either way
					return (a == null ? 1 : 0) - (b == null ? 1 : 0);
				}
				return query.descending() ? compare(b, a) : compare(a, b);
			};
			matching.sort(order);
		}
		return matching;
	}

	private static Map<String, Object> project(Map<String, Object> row, @Nullable List<String> columns) {
		Map<String, Object> item = new LinkedHashMap<>();
		if (columns == null) {
			item.putAll(row);
		}
		else {
			for (String column : columns) {
				Object value = column(row, column);
				if (value != null) {
					item.put(column, value);
				}
			}
		}
		item.put("links", List.of());
		return item;
	}

	// Stored rows and parsed column names are both in lower case
	static @Nullable Object column(Map<String, Object> row, String name) {
		return row.get(name);
	}

	private static int compare(@Nullable Object actual, Object expected) {
		BigDecimal left = number(actual);
		BigDecimal right = number(expected);
		if (left != null && right != null) {
			return left.compareTo(right);
		}
		return String.valueOf(actual).compareTo(String.valueOf(expected));
	}

	private static @Nullable BigDecimal number(@Nullable Object value) {
		if (value instanceof BigDecimal number) {
			return number;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String text && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
			return new BigDecimal(text);
		}
		return null;
	}

}
