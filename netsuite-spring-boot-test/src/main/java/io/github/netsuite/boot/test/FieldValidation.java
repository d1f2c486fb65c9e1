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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The validation of written field names and values that the headers
 * {@code X-NetSuite-PropertyNameValidation} and {@code X-NetSuite-PropertyValueValidation}
 * ask for: {@code Error} refuses the write (400), {@code Warning} writes the rest and says
 * what it left out in the {@value #WARNING_HEADER} response header, {@code Ignore} writes the
 * rest silently. Without the header the double writes every field as given: it cannot know
 * an account's custom fields.
 * <p>
 * A field name is known when the double's small catalogue of the record type has it, or a
 * stored record of the type has it; a type with neither accepts every name. A value is
 * invalid when a sublist field is not {@code {"items":[…]}}, or a reference field (such as
 * {@code entity}) is not an object with an {@code id} or {@code externalId}.
 * <p>
 * Unconfirmed: the name of the response header carrying warnings (no Oracle page shows it);
 * the double answers {@value #WARNING_HEADER}, which the client reads with the other
 * plausible names.
 *
 * @author NetSuite Spring Boot team
 */
final class FieldValidation {

	static final String NAME_HEADER = "X-NetSuite-PropertyNameValidation";

	static final String VALUE_HEADER = "X-NetSuite-PropertyValueValidation";

	static final String WARNING_HEADER = "X-NetSuite-Warning";

	private static final Set<String> TRANSACTION = Set.of("entity", "trandate", "tranid", "item", "memo",
			"externalid", "orderstatus", "status", "approvalstatus", "currency", "subsidiary", "location", "department",
			"class", "createdfrom", "otherrefnum", "salesrep", "terms", "shipdate", "duedate", "total", "datecreated",
			"lastmodifieddate", "apply", "account", "postingperiod", "confirmationdate", "exchangerate");

	private static final Map<String, Set<String>> CATALOGUE = Map.of("customer",
			Set.of("companyname", "email", "entityid", "firstname", "lastname", "isperson", "phone", "subsidiary",
					"addressbook", "externalid", "isinactive", "category", "salesrep", "terms", "currency", "comments",
					"altname", "entitystatus", "datecreated", "lastmodifieddate"),
			"salesorder", TRANSACTION, "invoice", TRANSACTION, "itemfulfillment", TRANSACTION, "cashsale",
			TRANSACTION, "estimate", TRANSACTION, "vendorpayment", TRANSACTION, "purchaseorder", TRANSACTION,
			"vendorbill", TRANSACTION);

	private static final Set<String> SUBLISTS = Set.of("item", "addressbook", "apply", "expense");

	private static final Set<String> REFERENCES = Set.of("entity", "subsidiary", "currency", "location",
			"department", "class", "createdfrom", "salesrep", "terms", "category", "account", "postingperiod");

	private FieldValidation() {
	}

	/**
	 * The fields to write after validation, or the refusal.
	 * @param call the write
	 * @param store the store of the record type written
	 * @param fields the written fields
	 */
	static Outcome check(Call call, RecordStore store, Map<String, Object> fields) {
		Mode names = Mode.of(call.header(NAME_HEADER));
		Mode values = Mode.of(call.header(VALUE_HEADER));
		if (names == null || values == null) {
			String header = (names == null) ? NAME_HEADER : VALUE_HEADER;
			return Outcome.refused(ErrorReplies.rest(400, "INVALID_HEADER", "The value of the " + header
					+ " header must be Error, Warning or Ignore.", Map.of("o:errorHeader", header)));
		}
		Set<String> known = known(store);
		Map<String, Object> kept = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			String name = field.getKey();
			String lower = name.toLowerCase(Locale.ROOT);
			if (names != Mode.ABSENT && !known.isEmpty() && !known.contains(lower)) {
				String detail = "Invalid field name: the " + store.type() + " record has no field '" + name + "'.";
				if (names == Mode.ERROR) {
					return Outcome.refused(ErrorReplies.rest(400, "NONEXISTENT_FIELD", detail,
							Map.of("o:errorPath", name, "o:urlPath", call.path)));
				}
				if (names == Mode.WARNING) {
					warnings.add(detail);
				}
				continue;
			}
			if (values != Mode.ABSENT && !valid(lower, field.getValue())) {
				String detail = "You have entered an Invalid Field Value " + Json.write(field.getValue())
						+ " for the following field: " + name;
				if (values == Mode.ERROR) {
					return Outcome.refused(ErrorReplies.rest(400, "INVALID_CONTENT", detail,
							Map.of("o:errorPath", name, "o:urlPath", call.path)));
				}
				if (values == Mode.WARNING) {
					warnings.add(detail);
				}
				continue;
			}
			kept.put(name, field.getValue());
		}
		return new Outcome(null, kept, warnings);
	}

	private static Set<String> known(RecordStore store) {
		Set<String> known = new HashSet<>(CATALOGUE.getOrDefault(store.type(), Set.of()));
		for (Map<String, Object> row : store.rows().values()) {
			known.addAll(row.keySet());
		}
		if (!known.isEmpty()) {
			known.add("id");
			known.add("externalid");
		}
		return known;
	}

	private static boolean valid(String name, @Nullable Object value) {
		if (value == null) {
			return true;
		}
		if (SUBLISTS.contains(name)) {
			return Sublists.isSublist(value);
		}
		if (REFERENCES.contains(name)) {
			return value instanceof Map<?, ?> reference
					&& (reference.get("id") != null || reference.get("externalId") != null);
		}
		return true;
	}

	/**
	 * The fields to write and the warnings to answer, or the refusal.
	 *
	 * @param refusal the 400 to answer instead of writing, if any
	 * @param fields the fields to write
	 * @param warnings what was left out, for the warning header
	 */
	record Outcome(@Nullable Reply refusal, Map<String, Object> fields, List<String> warnings) {

		static Outcome refused(Reply refusal) {
			return new Outcome(refusal, Map.of(), List.of());
		}

		/**
		 * The write's answer with the warnings, if any.
		 */
		Reply warn(Reply reply) {
			return this.warnings.isEmpty() ? reply : reply.header(WARNING_HEADER, String.join(" ", this.warnings));
		}

	}

	private enum Mode {

		ABSENT, ERROR, WARNING, IGNORE;

		static @Nullable Mode of(@Nullable String header) {
			if (header == null || header.isBlank()) {
				return ABSENT;
			}
			return switch (header.trim().toLowerCase(Locale.ROOT)) {
				case "error" -> ERROR;
				case "warning" -> WARNING;
				case "ignore" -> IGNORE;
				default -> null;
			};
		}

	}

}
