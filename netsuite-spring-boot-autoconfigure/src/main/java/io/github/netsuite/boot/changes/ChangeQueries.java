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
package io.github.netsuite.boot.changes;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.SuiteQl;
import org.jspecify.annotations.Nullable;

/**
 * The SuiteQL a change feed sends. Every datetime crosses the wire as text in one explicit
 * format, {@code YYYY-MM-DD HH24:MI:SS}, never in the user's date format: {@code TO_CHAR} on the
 * way out, {@code TO_TIMESTAMP} on the way in. Both read and write the time zone of the user
 * behind the token, and so does {@code SYSDATE} through {@code TO_CHAR}: the feed compares these
 * texts with each other only and never converts a time zone. Only the public SuiteQL API of
 * {@link NetSuiteClient} is used.
 *
 * @author NetSuite Spring Boot team
 */
final class ChangeQueries {

	/**
	 * The format of every datetime the feed reads or writes, in SuiteQL's spelling.
	 */
	static final String FORMAT = "YYYY-MM-DD HH24:MI:SS";

	/**
	 * The same format in Java's spelling.
	 */
	static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private final NetSuiteClient client;

	ChangeQueries(NetSuiteClient client) {
		this.client = client;
	}

	/**
	 * Whether a record type's name can stand in a query as a table name.
	 */
	static boolean isTableName(String type) {
		return TABLE.matcher(type).matches();
	}

	static String text(LocalDateTime time) {
		return TEXT.format(time);
	}

	static LocalDateTime time(String text) {
		return LocalDateTime.parse(text, TEXT);
	}

	private static String timestamp(String text) {
		return "TO_TIMESTAMP(" + SuiteQl.literal(text) + ", '" + FORMAT + "')";
	}

	/**
	 * NetSuite's clock, read as text in the user's time zone; {@code DUAL} has one row.
	 */
	LocalDateTime now() {
		Optional<Map<String, Object>> row = this.client
			.suiteql("SELECT TO_CHAR(SYSDATE, '" + FORMAT + "') AS now FROM DUAL")
			.first();
		Object now = row.map((item) -> item.get("now")).orElse(null);
		if (now == null) {
			throw new IllegalStateException("NetSuite answered no SYSDATE");
		}
		return time(now.toString());
	}

	/**
	 * A query that fails as NetSuite refuses a change feed's query on the type, if it does: a
	 * {@code lastmodifieddate} that cannot be filtered, or one of the given columns missing.
	 */
	void probe(String type, Columns columns) {
		this.client.suiteql(modifiedQuery(type, columns, "2000-01-01 00:00:00", "2000-01-01 00:01:00")).first();
	}

	/**
	 * A query that fails as NetSuite refuses to read deletions of the type, if it does.
	 */
	void probeDeletions(String type) {
		this.client.suiteql(deletedQuery(type, "2000-01-01 00:00:00", "2000-01-01 00:01:00")).first();
	}

	/**
	 * The records of a type modified in {@code [from, to)}, in the order of their last
	 * modification and ID: {@code id}, {@code externalid}, {@code created}, {@code modified}.
	 * Close the stream when leaving it early.
	 */
	Stream<Map<String, Object>> modified(String type, Columns columns, String from, String to) {
		return this.client.suiteql(modifiedQuery(type, columns, from, to)).stream();
	}

	/**
	 * The records of a type deleted in {@code [from, to)}, in the order of their deletion and
	 * ID: {@code recordid}, {@code deleted}.
	 */
	Stream<Map<String, Object>> deleted(String type, String from, String to) {
		return this.client.suiteql(deletedQuery(type, from, to)).stream();
	}

	static String modifiedQuery(String type, Columns columns, String from, String to) {
		String created = (columns.created() != null)
				? ", TO_CHAR(" + columns.created() + ", '" + FORMAT + "') AS created" : "";
		// The window is closed on NetSuite's side of the clock: nothing is compared in the application's time
		return "SELECT id" + (columns.externalId() ? ", externalid" : "") + created + ", TO_CHAR(lastmodifieddate, '" + FORMAT + "') AS modified FROM "
				+ type + " WHERE lastmodifieddate >= " + timestamp(from) + " AND lastmodifieddate < " + timestamp(to)
				+ " ORDER BY lastmodifieddate, id";
	}

	static String deletedQuery(String type, String from, String to) {
		return "SELECT recordid, TO_CHAR(deleteddate, '" + FORMAT + "') AS deleted FROM deletedrecord WHERE type = "
				+ SuiteQl.literal(type) + " AND deleteddate >= " + timestamp(from) + " AND deleteddate < "
				+ timestamp(to) + " ORDER BY deleteddate, recordid";
	}

	/**
	 * The optional columns a record type's table has: its creation column, if any, and whether
	 * it has {@code externalid}.
	 */
	record Columns(@Nullable String created, boolean externalId) {
	}

}
