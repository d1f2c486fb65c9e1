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

import java.util.Map;

/**
 * External IDs in NetSuite's record paths. {@code eid:<externalId>} stands wherever an
 * internal ID can, the external ID percent-encoded as UTF-8 like any path segment's value
 * (and signed as sent). Users report that external IDs with {@code |} break the path, and
 * {@code /} (like {@code \}, which many servers take for it) splits it even encoded: such a
 * record is found by a query ({@code ?q=externalId IS "<externalId>"}) and addressed by its
 * internal ID; upserting by such an ID, which only the path can do, is refused.
 *
 * @author NetSuite Spring Boot team
 */
final class ExternalIds {

	static final String PREFIX = "eid:";

	// How many records the lookup reads at most; external IDs are unique within a type.
	private static final int CANDIDATES = 10;

	private ExternalIds() {
	}

	/**
	 * Whether NetSuite's path can carry the external ID.
	 * @param externalId the external ID
	 * @return whether it can
	 */
	static boolean addressable(String externalId) {
		return externalId.indexOf('|') < 0 && externalId.indexOf('/') < 0 && externalId.indexOf('\\') < 0;
	}

	/**
	 * Return NetSuite's filter for the records with the external ID. How NetSuite escapes a
	 * quote in a {@code q} value is undocumented: it is escaped as in JSON and JavaScript
	 * ({@code \"}, {@code \\}), and the records found are checked to have the ID exactly.
	 * @param externalId the external ID
	 * @return the {@code q} expression
	 */
	static String filter(String externalId) {
		return "externalId IS \"" + externalId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Find the internal ID of the record of a type with the external ID.
	 * @param exchange the exchange
	 * @param type the record type
	 * @param externalId the external ID
	 * @param validation the call's property validation
	 * @return the internal ID
	 * @throws NetSuiteNotFoundException if no record of the type has the external ID
	 */
	static String lookup(NetSuiteExchange exchange, String type, String externalId,
			PropertyValidation.Pair validation) {
		NetSuitePage<Map<String, Object>> candidates = new RecordCollection(exchange, type, filter(externalId))
			.propertyValidation(validation.names(), validation.values())
			.page(CANDIDATES, 0);
		for (Map<String, Object> candidate : candidates.items()) {
			Object id = candidate.get("id");
			if (id == null) {
				continue;
			}
			// Whatever NetSuite made of the quoting and of case, only the exact ID is the record.
			Object found = new RecordRequest(exchange, type, id.toString()).fields("externalId").get().get("externalId");
			if (externalId.equals(found)) {
				return id.toString();
			}
		}
		throw exchange.named(new NetSuiteNotFoundException(404, null,
				"No " + type + " record has external ID '" + externalId + "'", "GET",
				"/services/rest/record/v1/" + type,
				"An external ID with '|', '/' or '\\' cannot be in NetSuite's path: it was looked up with "
						+ "q=" + filter(externalId)), null);
	}

	/**
	 * Refuse an upsert by an external ID that NetSuite's path cannot carry.
	 * @param type the record type
	 * @param externalId the external ID
	 */
	static void requireAddressable(String type, String externalId) {
		if (!addressable(externalId)) {
			throw new IllegalArgumentException("Cannot upsert " + type + " by external ID '" + externalId
					+ "': NetSuite upserts only by PUT …/" + type + "/eid:<externalId>, and a path with '|', '/' or '\\' "
					+ "in it is one NetSuite refuses or misreads even percent-encoded. Update an existing record "
					+ "through records(\"" + type + "\").externalId(…), which finds it by query, or create it with "
					+ "the externalId field");
		}
	}

}
