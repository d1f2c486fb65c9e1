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
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One change of a NetSuite record, as a change feed hands it to a
 * {@link NetSuiteChangeListener} method.
 *
 * @param account the name of the account ({@code primary} for the primary account)
 * @param type the record type, e.g. {@code customer}
 * @param id the record's internal ID
 * @param externalId the record's external ID, if it has one and the change is not a deletion
 * @param change whether the record was created, updated or deleted
 * @param at when NetSuite stamped the change, to the minute, in the time zone of the user behind
 * the integration's token (NetSuite's own clock, not the application's)
 * @param record the record as the record API answers it, when the listener asks for it
 * ({@link NetSuiteChangeListener#withRecord()}) and it still exists; never for deletions
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record NetSuiteChange(String account, String type, String id, @Nullable String externalId, Kind change,
		LocalDateTime at, @Nullable Map<String, Object> record) {

	/**
	 * What happened to the record.
	 */
	public enum Kind {

		/**
		 * The record was created (its creation and last modification share a minute).
		 */
		CREATED,

		/**
		 * The record was modified.
		 */
		UPDATED,

		/**
		 * The record was deleted.
		 */
		DELETED

	}

	@Override
	public String toString() {
		return "NetSuiteChange[" + this.account + " " + this.type + " " + this.id + " " + this.change + " at "
				+ this.at + "]";
	}

}
