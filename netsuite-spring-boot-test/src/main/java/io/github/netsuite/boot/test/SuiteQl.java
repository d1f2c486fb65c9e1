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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * SELECT * | item [, item …] FROM table
 *     [WHERE column op value [AND column op value …]]
 *     [ORDER BY column [ASC | DESC] [, column [ASC | DESC] …]]
 * item  := column [AS alias] | TO_CHAR(column | SYSDATE, 'format') [AS alias]
 * op    := = | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=
 * value := number | 'text' | TO_TIMESTAMP('text', 'format') | TO_DATE('text', 'format') | SYSDATE
 * </pre>
 * Keywords, table and column names are case-insensitive; as in NetSuite, columns come back
 * with lower-case names ({@code companyname}, also for {@code SELECT *} and for fields seeded
 * as {@code companyName}: the store keeps them in lower case) and a column without a value is
 * left out of its item. Values compare as
 * numbers when both sides are numbers, as instants when both are datetimes, else as text. Without
 * {@code ORDER BY} rows come in ID order. {@code WHERE id > n ORDER BY id} (keyset paging) is served
 * from the ID index, so it stays fast on large tables.
 * <p>
 * Datetimes (the {@code datecreated} and {@code lastmodifieddate} the double stamps when it tracks
 * changes, {@code SYSDATE}) are as NetSuite answers them: selected raw, in the user's date format,
 * date only ({@code 12/5/2026}); through {@code TO_CHAR} with a format of {@code YYYY}, {@code MM},
 * {@code DD}, {@code HH24}, {@code MI}, {@code SS}; and {@code TO_TIMESTAMP} literals are read in
 * the account's time zone. {@code FROM DUAL} has one row.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQl {

	static final String SUPPORTED = "The NetSuite double understands only SELECT * | columns | TO_CHAR(column, 'format')"
			+ " FROM table [WHERE column op value [AND …]] [ORDER BY column [ASC|DESC] [, …]].";

	private static final Pattern TOKEN = Pattern.compile("\\s*(?:(?<string>'(?:[^']|'')*')|(?<number>-?[0-9]+(?:\\.[0-9]+)?)"
			+ "|(?<word>[A-Za-z_][A-Za-z0-9_]*)|(?<symbol><=|>=|<>|!=|[=<>*,();]))");

	// The user's date format for a datetime selected raw: NetSuite's default, date only
	private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

	private SuiteQl() {
	}

	/**
	 * A parsed query; {@code columns} is {@code null} for {@code SELECT *}.
	 */
	record Query(@Nullable List<Item> columns, String table, List<Condition> where, List<Order> orderBy) {

		@Nullable String orderColumn() {
			return this.orderBy.isEmpty() ? null : this.orderBy.get(0).column();
		}

		boolean descending() {
			return !this.orderBy.isEmpty() && this.orderBy.get(0).descending();
		}

	}

	/**
	 * One selected item: a column, or {@code TO_CHAR} of a column (or {@code SYSDATE}) in a
	 * format; {@code format} is {@code null} for a plain column.
	 */
	record Item(String column, @Nullable String format, String name) {
	}

	/**
	 * One {@code ORDER BY} key.
	 */
	record Order(String column, boolean descending) {
	}

	/**
	 * A {@code column op value} condition; {@code value} is a {@link BigDecimal}, a string, an
	 * {@link Instant}, or a {@link Timestamp} read when the query runs.
	 */
	record Condition(String column, String operator, Object value) {

		boolean test(Map<String, Object> row, Clock clock) {
			Object actual = SuiteQl.column(row, this.column, clock);
			if (actual == null) {
				return false;
			}
			Object expected = (this.value instanceof Timestamp timestamp) ? timestamp.at(clock) : this.value;
			int comparison = compare(actual, expected);
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
	 * A {@code TO_TIMESTAMP} literal, an instant once the account's time zone is known, or
	 * {@code SYSDATE} when {@code text} is {@code null}.
	 */
	record Timestamp(@Nullable String text, String format) {

		Instant at(Clock clock) {
			if (this.text == null) {
				return clock.now();
			}
			DateTimeFormatter formatter = formatter(this.format);
			try {
				LocalDateTime local = this.format.contains("HH") ? LocalDateTime.parse(this.text, formatter)
						: LocalDate.parse(this.text, formatter).atStartOfDay();
				return local.atZone(clock.zone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("'" + this.text + "' does not match the format '" + this.format + "'.");
			}
		}

	}

	/**
	 * The account's clock and time zone, as the query sees them.
	 */
	record Clock(Instant now, ZoneId zone) {
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
		return new Parser(tokens(q)).query();
	}

	/**
	 * Run a query on rows and cut one page out of the result.
	 */
	static Page execute(Query query, NavigableMap<Long, Map<String, Object>> rows, Clock clock, int offset, int limit) {
		Collection<Map<String, Object>> matching = fromIdIndex(query, rows);
		if (matching == null) {
			matching = filterAndSort(query, rows.values(), clock);
		}
		int total = matching.size();
		List<Map<String, Object>> items = new ArrayList<>(Math.min(limit, Math.max(total - offset, 0)));
		Iterator<Map<String, Object>> iterator = matching.iterator();
		for (int skipped = 0; skipped < offset && iterator.hasNext(); skipped++) {
			iterator.next();
		}
		while (items.size() < limit && iterator.hasNext()) {
			items.add(project(iterator.next(), query.columns(), clock));
		}
		return new Page(items, total);
	}

	/**
	 * The matching rows straight from the ID-ordered map, when the query needs no other order
	 * and filters on the ID only; {@code null} otherwise.
	 */
	private static @Nullable Collection<Map<String, Object>> fromIdIndex(Query query,
			NavigableMap<Long, Map<String, Object>> rows) {
		if (query.orderBy().size() > 1 || (query.orderColumn() != null && !"id".equals(query.orderColumn()))
				|| query.where().size() > 1) {
			return null;
		}
		NavigableMap<Long, Map<String, Object>> selected = rows;
		if (!query.where().isEmpty()) {
			Condition where = query.where().get(0);
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

	private static List<Map<String, Object>> filterAndSort(Query query, Collection<Map<String, Object>> rows,
			Clock clock) {
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			if (query.where().stream().allMatch((condition) -> condition.test(row, clock))) {
				matching.add(row);
			}
		}
		Comparator<Map<String, Object>> order = null;
		for (Order key : query.orderBy()) {
			Comparator<Map<String, Object>> next = (left, right) -> {
				Object a = column(left, key.column(), clock);
				Object b = column(right, key.column(), clock);
				if (a == null || b == null) {
					// Rows without a value sort last, either way
					return (a == null ? 1 : 0) - (b == null ? 1 : 0);
				}
				return key.descending() ? compare(b, a) : compare(a, b);
			};
			order = (order != null) ? order.thenComparing(next) : next;
		}
		if (order != null) {
			matching.sort(order);
		}
		return matching;
	}

	private static Map<String, Object> project(Map<String, Object> row, @Nullable List<Item> columns, Clock clock) {
		Map<String, Object> item = new LinkedHashMap<>();
		if (columns == null) {
			row.forEach((name, value) -> item.put(name, raw(value, clock)));
		}
		else {
			for (Item column : columns) {
				Object value = column(row, column.column(), clock);
				if (value != null) {
					item.put(column.name(), (column.format() != null) ? toChar(value, column.format(), clock)
							: raw(value, clock));
				}
			}
		}
		item.put("links", List.of());
		return item;
	}

	// A datetime selected raw comes in the user's date format, date only, as in NetSuite
	private static Object raw(Object value, Clock clock) {
		return (value instanceof Instant instant) ? USER_DATE.format(instant.atZone(clock.zone())) : value;
	}

	private static String toChar(Object value, String format, Clock clock) {
		if (value instanceof Instant instant) {
			return formatter(format).format(instant.atZone(clock.zone()));
		}
		return String.valueOf(value);
	}

	// Stored rows and parsed column names are both in lower case
	static @Nullable Object column(Map<String, Object> row, String name, Clock clock) {
		return name.equals("sysdate") ? clock.now() : row.get(name);
	}

	private static int compare(@Nullable Object actual, Object expected) {
		if (actual instanceof Instant left && expected instanceof Instant right) {
			return left.compareTo(right);
		}
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

	/**
	 * An Oracle datetime format ({@code YYYY-MM-DD HH24:MI:SS} and its parts) as a formatter.
	 */
	static DateTimeFormatter formatter(String format) {
		String pattern = format.toUpperCase(Locale.ROOT)
			.replace("HH24", "HH")
			.replace("YYYY", "yyyy")
			.replace("MI", "mm")
			.replace("SS", "ss")
			.replace("DD", "dd");
		if (!pattern.matches("[yMdHms :\\-/T.]*")) {
			throw new IllegalArgumentException("The double understands only the datetime format elements YYYY, MM, DD,"
					+ " HH24, MI and SS, not '" + format + "'.");
		}
		return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
	}

	private static List<String> tokens(String q) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(q);
		int at = 0;
		while (at < q.length()) {
			if (q.substring(at).isBlank()) {
				break;
			}
			if (!matcher.find(at) || matcher.start() != at) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			tokens.add(matcher.group().trim());
			at = matcher.end();
		}
		return tokens;
	}

	/**
	 * A recursive descent over the tokens; every token outside the subset is refused.
	 */
	private static final class Parser {

		private final List<String> tokens;

		private int at;

		Parser(List<String> tokens) {
			this.tokens = tokens;
		}

		Query query() {
			expect("SELECT");
			List<Item> columns = null;
			if (!accept("*")) {
				columns = new ArrayList<>();
				do {
					columns.add(item(columns.size()));
				}
				while (accept(","));
			}
			expect("FROM");
			String table = identifier();
			List<Condition> where = new ArrayList<>();
			if (accept("WHERE")) {
				do {
					where.add(condition());
				}
				while (accept("AND"));
			}
			List<Order> orderBy = new ArrayList<>();
			if (accept("ORDER")) {
				expect("BY");
				do {
					String column = identifier();
					boolean descending = accept("DESC");
					if (!descending) {
						accept("ASC");
					}
					orderBy.add(new Order(column, descending));
				}
				while (accept(","));
			}
			accept(";");
			if (this.at != this.tokens.size()) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			return new Query(columns, table, List.copyOf(where), List.copyOf(orderBy));
		}

		private Item item(int index) {
			Item item;
			if (accept("TO_CHAR")) {
				expect("(");
				String column = identifier();
				expect(",");
				String format = string();
				formatter(format);
				expect(")");
				item = new Item(column, format, "expr" + (index + 1));
			}
			else {
				String column = identifier();
				item = new Item(column, null, column);
			}
			if (accept("AS")) {
				return new Item(item.column(), item.format(), identifier());
			}
			return item;
		}

		private Condition condition() {
			String column = identifier();
			String operator = next();
			if (!operator.matches("<=|>=|<>|!=|=|<|>")) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			return new Condition(column, operator, value());
		}

		private Object value() {
			if (accept("TO_TIMESTAMP") || accept("TO_DATE")) {
				expect("(");
				String text = string();
				expect(",");
				String format = string();
				formatter(format);
				expect(")");
				return new Timestamp(text, format);
			}
			if (accept("SYSDATE")) {
				return new Timestamp(null, "");
			}
			String token = next();
			if (token.startsWith("'")) {
				return unquote(token);
			}
			if (token.matches("-?[0-9]+(\\.[0-9]+)?")) {
				return new BigDecimal(token);
			}
			throw new IllegalArgumentException(SUPPORTED);
		}

		private String identifier() {
			String token = next();
			if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			return token.toLowerCase(Locale.ROOT);
		}

		private String string() {
			String token = next();
			if (!token.startsWith("'")) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			return unquote(token);
		}

		private static String unquote(String token) {
			return token.substring(1, token.length() - 1).replace("''", "'");
		}

		private String next() {
			if (this.at >= this.tokens.size()) {
				throw new IllegalArgumentException(SUPPORTED);
			}
			return this.tokens.get(this.at++);
		}

		private boolean accept(String keyword) {
			if (this.at < this.tokens.size() && this.tokens.get(this.at).equalsIgnoreCase(keyword)) {
				this.at++;
				return true;
			}
			return false;
		}

		private void expect(String keyword) {
			if (!accept(keyword)) {
				throw new IllegalArgumentException(SUPPORTED);
			}
		}

	}

}
