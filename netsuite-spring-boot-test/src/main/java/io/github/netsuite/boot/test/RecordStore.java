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

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The double's in-memory records of one record type, e.g. {@code customer}. The same store
 * answers the record API ({@code /services/rest/record/v1/customer/42}) and SuiteQL
 * ({@code SELECT … FROM customer}), and {@link NetSuiteDouble#table(String, List)} seeds it
 * too: every way in adds to or updates the same records.
 * <p>
 * Records are keyed by their numeric internal ID and kept in ID order. Values are stored as
 * given (not converted: NetSuite itself returns most values as strings), plus an {@code id}
 * field when there is none. Records created by {@code POST} get the next ID above the highest
 * one ever stored.
 * <p>
 * <strong>Field names.</strong> As in NetSuite, one record answers each API in its own
 * spelling, whatever spelling it was seeded or written with: the record API answers
 * record-style names ({@code companyName}, {@code externalId}) and SuiteQL answers lower-case
 * column names ({@code companyname}, {@code externalid}). Field names are case-insensitive, so
 * {@code companyName} and {@code companyname} are one field: a row that gives both with
 * different values is refused. A field's record-style name is the first spelling with an
 * upper-case letter that any seed or write of this record type used; for a field only ever
 * seen in lower case it is the usual NetSuite name of the common fields ({@code companyName},
 * {@code externalId}, {@code entityId}, {@code firstName}, {@code lastName}, {@code dateCreated},
 * {@code lastModifiedDate}, {@code isInactive}, …), else the lower-case name. The maps this
 * class returns use record-style names and look fields up in any case
 * ({@code get("companyname")} and {@code get("companyName")} alike).
 * <p>
 * <strong>Sublists.</strong> A field whose value is {@code {"items":[…]}} (a sales order's
 * {@code item} lines, a customer's {@code addressBook}) is a sublist: each line gets a
 * {@code line} key when stored, and a {@code PATCH} merges lines by that key unless it
 * replaces the sublist ({@code ?replace=item}). The maps this class returns show a sublist
 * as stored, {@code {"items":[{"line":1,…},…]}}.
 * <p>
 * Thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @see NetSuiteDouble#records(String)
 * @since 0.1.0
 */
public final class RecordStore {

	/**
	 * Record-style names of common fields, for fields only ever seen in lower case. NetSuite's
	 * REST field names are the lower camel case of the field IDs.
	 */
	static final Map<String, String> KNOWN_NAMES = known("altName", "companyName", "createdDate", "dateCreated",
			"entityId", "entityStatus", "externalId", "firstName", "isInactive", "isPerson", "lastModifiedDate",
			"lastName", "middleName", "salesRep", "tranDate", "tranId");

	private static final String CREATED = "datecreated";

	private static final String LAST_MODIFIED = "lastmodifieddate";

	private final String type;

	// Lower-case field names; each map unmodifiable
	private final ConcurrentSkipListMap<Long, Map<String, Object>> rows = new ConcurrentSkipListMap<>();

	// Lower-case name to the first record-style spelling seen
	private final Map<String, String> spellings = new ConcurrentHashMap<>();

	private final AtomicLong highestId = new AtomicLong();

	// For change tracking: its clock, and the deletedrecord table removals go to
	private final @Nullable DoubleData data;

	RecordStore(String type) {
		this(type, null);
	}

	RecordStore(String type, @Nullable DoubleData data) {
		this.type = type;
		this.data = data;
	}

	/**
	 * The record type (SuiteQL table name), in lower case.
	 * @return the record type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Store a record under the given ID, replacing the record stored there, if any (its fields
	 * are not kept). Records under other IDs stay.
	 * @param id the internal ID: a number, or a string of digits
	 * @param fields the field values, in either spelling; copied
	 * @return this store
	 * @throws IllegalArgumentException if the ID is not a number, or a field is given twice
	 * (in two spellings) with different values
	 */
	public RecordStore put(Object id, Map<String, ?> fields) {
		long key = toId(id);
		Map<String, Object> row = keyLines(normalize(fields));
		row.putIfAbsent("id", String.valueOf(key));
		this.rows.compute(key, (unused, earlier) -> Collections.unmodifiableMap(stamp(row, earlier)));
		this.highestId.accumulateAndGet(key, Math::max);
		return this;
	}

	/**
	 * Store a new record under the next free ID, as a {@code POST} does.
	 * @param fields the field values, in either spelling (an {@code id} field among them is
	 * replaced)
	 * @return the new ID
	 * @throws IllegalArgumentException if a field is given twice (in two spellings) with
	 * different values
	 */
	public long add(Map<String, ?> fields) {
		Map<String, Object> row = keyLines(normalize(fields));
		long id = this.highestId.incrementAndGet();
		row.put("id", String.valueOf(id));
		this.rows.put(id, Collections.unmodifiableMap(stamp(row, null)));
		return id;
	}

	/**
	 * The record stored under an ID.
	 * @param id the internal ID: a number, or a string of digits
	 * @return the record (unmodifiable; record-style names, looked up in any case), or
	 * {@code null} if there is none
	 */
	public @Nullable Map<String, Object> get(Object id) {
		Long key = parseId(id);
		Map<String, Object> row = (key != null) ? this.rows.get(key) : null;
		return (row != null) ? new Record(row, restFields(row)) : null;
	}

	/**
	 * The record whose {@code externalId} field equals the given value.
	 * @param externalId the external ID
	 * @return the record (unmodifiable; record-style names, looked up in any case), or
	 * {@code null} if there is none
	 */
	public @Nullable Map<String, Object> findByExternalId(String externalId) {
		Long key = findIdByExternalId(externalId);
		return (key != null) ? get(key) : null;
	}

	/**
	 * Every record, in ID order.
	 * @return a snapshot of the records (each unmodifiable; record-style names, looked up in
	 * any case)
	 */
	public List<Map<String, Object>> all() {
		List<Map<String, Object>> all = new ArrayList<>(this.rows.size());
		for (Map<String, Object> row : this.rows.values()) {
			all.add(new Record(row, restFields(row)));
		}
		return Collections.unmodifiableList(all);
	}

	/**
	 * Remove the record stored under an ID.
	 * @param id the internal ID
	 * @return whether there was such a record
	 */
	public boolean remove(Object id) {
		Long key = parseId(id);
		Map<String, Object> removed = (key != null) ? this.rows.remove(key) : null;
		ChangeTracking tracking = tracking();
		DoubleData data = this.data;
		if (removed != null && tracking != null && data != null) {
			Map<String, Object> deleted = new LinkedHashMap<>();
			deleted.put("recordid", String.valueOf(key));
			deleted.put("type", this.type);
			deleted.put("deleteddate", tracking.stamp());
			Object name = removed.getOrDefault("entityid", removed.get("companyname"));
			if (name != null) {
				deleted.put("name", name);
			}
			data.records(ChangeTracking.DELETED_RECORD).add(deleted);
		}
		return removed != null;
	}

	/**
	 * The number of records.
	 * @return the number of records
	 */
	public int size() {
		return this.rows.size();
	}

	/**
	 * Remove every record and forget the field spellings seen. IDs given by {@code POST} keep
	 * increasing.
	 */
	public void clear() {
		this.rows.clear();
		this.spellings.clear();
	}

	/**
	 * The rows in ID order, live, with lower-case field names, for SuiteQL and the collection
	 * API.
	 */
	ConcurrentNavigableMap<Long, Map<String, Object>> rows() {
		return this.rows;
	}

	/**
	 * Set the given fields of a stored record, keeping its other fields and its ID (for PATCH
	 * and PUT).
	 * @return whether the record is still stored
	 */
	boolean update(long id, Map<String, ?> fields) {
		return update(id, fields, Set.of());
	}

	/**
	 * Set the given fields of a stored record, keeping its other fields and its ID: sublists
	 * ({@code {"items":[…]}}) merge by line key, or replace the stored lines when named in
	 * {@code replace} (lower-case names), as a PATCH with {@code ?replace=} does.
	 * @return whether the record is still stored
	 */
	boolean update(long id, Map<String, ?> fields, Set<String> replace) {
		Map<String, Object> changes = normalize(fields);
		changes.remove("id");
		return this.rows.computeIfPresent(id, (key, row) -> {
			Map<String, Object> updated = new LinkedHashMap<>(row);
			Sublists.apply(updated, changes, replace);
			ChangeTracking tracking = tracking();
			if (tracking != null && !(changes.get(LAST_MODIFIED) instanceof Instant)) {
				updated.put(LAST_MODIFIED, tracking.stamp());
			}
			return Collections.unmodifiableMap(updated);
		}) != null;
	}

	/**
	 * The tracking of changes, when it is on and this store is a record type's (not the
	 * {@code deletedrecord} table's).
	 */
	private @Nullable ChangeTracking tracking() {
		DoubleData data = this.data;
		if (data == null || !data.tracking().isOn() || this.type.equals(ChangeTracking.DELETED_RECORD)) {
			return null;
		}
		return data.tracking();
	}

	/**
	 * Stamp a row that is stored now: created when first stored, modified now, unless its
	 * fields give the times.
	 */
	private Map<String, Object> stamp(Map<String, Object> row, @Nullable Map<String, Object> earlier) {
		ChangeTracking tracking = tracking();
		if (tracking != null) {
			Instant now = tracking.stamp();
			Object created = (earlier != null) ? earlier.get(CREATED) : null;
			row.putIfAbsent(CREATED, (created != null) ? created : now);
			if (!(row.get(LAST_MODIFIED) instanceof Instant)) {
				row.put(LAST_MODIFIED, now);
			}
		}
		return row;
	}

	/**
	 * The ID of the record whose {@code externalId} field equals the given value.
	 */
	@Nullable Long findIdByExternalId(String externalId) {
		for (Map.Entry<Long, Map<String, Object>> row : this.rows.entrySet()) {
			if (Objects.equals(String.valueOf(row.getValue().get("externalid")), externalId)) {
				return row.getKey();
			}
		}
		return null;
	}

	/**
	 * A stored row with record-style field names, for the record API.
	 */
	Map<String, Object> restFields(Map<String, Object> row) {
		Map<String, Object> fields = new LinkedHashMap<>();
		// The record API answers datetimes as ISO instants
		row.forEach((name, value) -> fields.put(restName(name), (value instanceof Instant) ? value.toString() : value));
		return fields;
	}

	/**
	 * The record-style name of a field.
	 * @param lowerCase the lower-case name
	 */
	String restName(String lowerCase) {
		String spelling = this.spellings.get(lowerCase);
		if (spelling == null) {
			spelling = KNOWN_NAMES.getOrDefault(lowerCase, lowerCase);
		}
		return spelling;
	}

	/**
	 * A copy of the fields with lower-case names, remembering record-style spellings.
	 */
	private Map<String, Object> normalize(Map<String, ?> fields) {
		Map<String, Object> row = new LinkedHashMap<>(fields.size() + 1);
		Map<String, String> given = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			String lowerCase = name.toLowerCase(Locale.ROOT);
			Object earlier = row.putIfAbsent(lowerCase, value);
			String earlierName = given.putIfAbsent(lowerCase, name);
			if (earlierName != null && !Objects.equals(earlier, value)) {
				throw new IllegalArgumentException("The " + this.type + " field '" + lowerCase
						+ "' is given twice with different values, as '" + earlierName + "' and as '" + name
						+ "': field names are case-insensitive.");
			}
		});
		given.forEach((lowerCase, name) -> {
			if (!name.equals(lowerCase) && !lowerCase.equals("id")) {
				// The first record-style spelling wins, so that the names a record answers never change under it
				this.spellings.putIfAbsent(lowerCase, name);
			}
		});
		return row;
	}

	/**
	 * The row with the lines of its sublists keyed.
	 */
	private static Map<String, Object> keyLines(Map<String, Object> row) {
		row.replaceAll((name, value) -> Sublists.isSublist(value) ? Sublists.of(value) : value);
		return row;
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

	private static Map<String, String> known(String... names) {
		Map<String, String> known = new LinkedHashMap<>();
		for (String name : names) {
			known.put(name.toLowerCase(Locale.ROOT), name);
		}
		return Collections.unmodifiableMap(known);
	}

	@Override
	public String toString() {
		return "RecordStore[" + this.type + ", " + this.rows.size() + " rows]";
	}

	/**
	 * One record as users see it: record-style names, looked up in any case.
	 */
	private static final class Record extends AbstractMap<String, Object> {

		private final Map<String, Object> row;

		private final Map<String, Object> fields;

		Record(Map<String, Object> row, Map<String, Object> fields) {
			this.row = row;
			this.fields = Collections.unmodifiableMap(fields);
		}

		@Override
		public @Nullable Object get(@Nullable Object name) {
			Object value = (name instanceof String text) ? this.row.get(text.toLowerCase(Locale.ROOT)) : null;
			// As the record API answers it
			return (value instanceof Instant) ? value.toString() : value;
		}

		@Override
		public boolean containsKey(@Nullable Object name) {
			return (name instanceof String text) && this.row.containsKey(text.toLowerCase(Locale.ROOT));
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.fields.entrySet();
		}

	}

}
