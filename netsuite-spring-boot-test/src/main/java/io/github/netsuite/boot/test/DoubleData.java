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

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * The double's data: a {@link RecordStore} per record type (which SuiteQL reads as its
 * table), the fields their creates require, the RESTlet handlers by deployment, the rows of
 * saved datasets, and the
 * asynchronous jobs with their idempotency keys. {@link NetSuiteDouble}'s data methods seed
 * and clear it; the endpoints read it. Faults and observations are not data:
 * {@link NetSuiteDouble#clearData()} leaves them.
 *
 * @author NetSuite Spring Boot team
 */
final class DoubleData {

	// By lower-case record type: record types are case-insensitive
	private final Map<String, RecordStore> stores = new ConcurrentHashMap<>();

	// By "script/deploy"
	private final Map<String, RestletHandler> restlets = new ConcurrentHashMap<>();

	// By lower-case dataset ID: script IDs are case-insensitive
	private final Map<String, List<Map<String, Object>>> datasets = new ConcurrentHashMap<>();

	private final AsyncEndpoint jobs;

	private final ChangeTracking tracking;

	private final RequiredFields requiredFields = new RequiredFields();

	DoubleData(AsyncEndpoint jobs, ChangeTracking tracking) {
		this.jobs = jobs;
		this.tracking = tracking;
	}

	/**
	 * Stamp changes from now on; {@code deletedrecord} exists from then, even empty.
	 */
	void trackChanges(ZoneId zone) {
		this.tracking.start(zone);
		records(ChangeTracking.DELETED_RECORD);
	}

	/**
	 * Whether and how changes are stamped, and the account's clock and time zone.
	 */
	ChangeTracking tracking() {
		return this.tracking;
	}

	/**
	 * The store of a record type, created empty on first use.
	 */
	RecordStore records(String type) {
		return this.stores.computeIfAbsent(type.toLowerCase(Locale.ROOT), (name) -> new RecordStore(name, this));
	}

	/**
	 * The store of a record type, if it was ever used: a query of an unknown table must not
	 * create it.
	 */
	@Nullable RecordStore existingRecords(String type) {
		return this.stores.get(type.toLowerCase(Locale.ROOT));
	}

	/**
	 * Upsert rows by ID: a row with an {@code id} is put under it, one without is added
	 * under the next free ID.
	 */
	void table(String name, int count, IntFunction<? extends Map<String, ?>> row) {
		RecordStore store = records(name);
		for (int i = 0; i < count; i++) {
			Map<String, ?> fields = row.apply(i);
			Object id = fields.get("id");
			if (id != null) {
				store.put(id, fields);
			}
			else {
				store.add(fields);
			}
		}
	}

	/**
	 * Define a dataset's rows, replacing any it had.
	 */
	void dataset(String id, List<? extends Map<String, ?>> rows) {
		this.datasets.put(id.toLowerCase(Locale.ROOT), DatasetEndpoint.normalize(rows));
	}

	/**
	 * A dataset's rows, or {@code null} when no dataset has the ID.
	 */
	@Nullable List<Map<String, Object>> dataset(String id) {
		return this.datasets.get(id.toLowerCase(Locale.ROOT));
	}

	void restlet(String script, String deploy, RestletHandler handler) {
		this.restlets.put(restletKey(script, deploy), handler);
	}

	@Nullable RestletHandler restletHandler(String script, String deploy) {
		return this.restlets.get(restletKey(script, deploy));
	}

	/**
	 * The fields each record type's creates must give.
	 */
	RequiredFields requiredFields() {
		return this.requiredFields;
	}

	/**
	 * The asynchronous jobs, which the async endpoint serves.
	 */
	AsyncEndpoint jobs() {
		return this.jobs;
	}

	/**
	 * Drop every record, table, required field, RESTlet handler, dataset, asynchronous job and
	 * remembered idempotency key, and stop tracking changes.
	 */
	void clear() {
		this.tracking.stop();
		this.stores.clear();
		this.restlets.clear();
		this.datasets.clear();
		this.jobs.clear();
		this.requiredFields.clear();
	}

	private static String restletKey(String script, String deploy) {
		return script + "/" + deploy;
	}

}
