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
import java.util.Objects;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The double's in-memory rows of one record type, e.g. {@code customer}. The same store
 * answers the record API ({@code /services/rest/record/v1/customer/42}) and SuiteQL
 * ({@code SELECT … FROM customer}).
 * <p>
 * Rows are keyed by their numeric internal ID and kept in ID order. A row is stored as given
 * (values are not converted: NetSuite itself returns most values as strings) plus an {@code id}
 * field when it has none. Records created by {@code POST} get the next ID above the highest
 * one ever stored. Thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @see NetSuiteDouble#records(String)
 */
public final class RecordStore {

	private final String type;

	private final ConcurrentSkipListMap<Long, Map<String, Object>> rows = new ConcurrentSkipListMap<>();

	private final AtomicLong highestId = new AtomicLong();

	RecordStore(String type) {
		this.type = type;
	}

	/**
	 * The record type (SuiteQL table name), in lower case.
	 * @return the record type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Store a row under the given ID, replacing any row stored there.
	 * @param id the internal ID: a number, or a string of digits
	 * @param fields the field values; copied
	 * @return this store
	 */
	public RecordStore put(Object id, Map<String, ?> fields) {
		long key = toId(id);
		Map<String, Object> row = new LinkedHashMap<>(fields);
		row.putIfAbsent("id", String.valueOf(key));
		this.rows.put(key, Collections.unmodifiableMap(row));
		this.highestId.accumulateAndGet(key, Math::max);
		return this;
	}

	/**
	 * Store a new row under the next free ID, as a {@code POST} does.
	 * @param fields the field values (an {@code id} field among them is replaced)
	 * @return the new ID
	 */
	public long add(Map<String, ?> fields) {
		long id = this.highestId.incrementAndGet();
		Map<String, Object> row = new LinkedHashMap<>(fields);
		row.put("id", String.valueOf(id));
		this.rows.put(id, Collections.unmodifiableMap(row));
		return id;
	}

	/**
	 * The row stored under an ID.
	 * @param id the internal ID: a number, or a string of digits
	 * @return the row (unmodifiable), or {@code null} if there is none
	 */
	public @Nullable Map<String, Object> get(Object id) {
		Long key = parseId(id);
		return (key != null) ? this.rows.get(key) : null;
	}

	/**
	 * The row whose {@code externalId} field equals the given value.
	 * @param externalId the external ID
	 * @return the row (unmodifiable), or {@code null} if there is none
	 */
	public @Nullable Map<String, Object> findByExternalId(String externalId) {
		for (Map<String, Object> row : this.rows.values()) {
			if (Objects.equals(String.valueOf(row.get("externalId")), externalId)) {
				return row;
			}
		}
		return null;
	}

	/**
	 * Every row, in ID order.
	 * @return a snapshot of the rows
	 */
	public List<Map<String, Object>> all() {
		return Collections.unmodifiableList(new ArrayList<>(this.rows.values()));
	}

	/**
	 * Remove the row stored under an ID.
	 * @param id the internal ID
	 * @return whether there was such a row
	 */
	public boolean remove(Object id) {
		Long key = parseId(id);
		return key != null && this.rows.remove(key) != null;
	}

	/**
	 * The number of rows.
	 * @return the number of rows
	 */
	public int size() {
		return this.rows.size();
	}

	/**
	 * Remove every row. IDs given by {@code POST} keep increasing.
	 */
	public void clear() {
		this.rows.clear();
	}

	/**
	 * The rows in ID order, live, for SuiteQL and the collection API.
	 */
	ConcurrentNavigableMap<Long, Map<String, Object>> rows() {
		return this.rows;
	}

	/**
	 * Replace a row, only if it is still stored (for PATCH and PUT).
	 */
	boolean replace(long id, Map<String, Object> row) {
		return this.rows.replace(id, Collections.unmodifiableMap(new LinkedHashMap<>(row))) != null;
	}

	static @Nullable Long parseId(@Nullable Object id) {
		if (id instanceof Number number) {
			return number.longValue();
		}
		if (id instanceof String text && text.matches("-?[0-9]{1,18}")) {
			return Long.parseLong(text);
		}
		return null;
	}

	private static long toId(Object id) {
		Long key = parseId(id);
		if (key == null) {
			throw new IllegalArgumentException("A record ID must be a number, or a string of digits: " + id);
		}
		return key;
	}

	@Override
	public String toString() {
		return "RecordStore[" + this.type + ", " + this.rows.size() + " rows]";
	}

}
