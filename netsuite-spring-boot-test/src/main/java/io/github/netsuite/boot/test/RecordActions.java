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

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Record actions, the buttons of NetSuite's UI ({@code POST …/vendorPayment/3/@confirm}):
 * the double knows a subset of them, and what each changes on the record. Parameters in the
 * JSON body are set on the record too (they are its fields: {@code confirmationDate},
 * {@code exchangeRate}, …). Any other action is refused; NetSuite publishes no metadata of
 * them either.
 * <ul>
 * <li>{@code vendorPayment}: {@code confirm}, {@code decline} (its {@code status});</li>
 * <li>{@code purchaseOrder}, {@code vendorBill}, {@code journalEntry}, {@code expenseReport}:
 * {@code approve}, {@code reject} (its {@code approvalStatus});</li>
 * <li>{@code salesOrder}: {@code approve} (its {@code orderStatus} becomes Pending
 * Fulfillment).</li>
 * </ul>
 *
 * @author NetSuite Spring Boot team
 */
final class RecordActions {

	private static final Map<String, Object> APPROVED = Map.of("approvalStatus",
			Map.of("id", "2", "refName", "Approved"));

	private static final Map<String, Object> REJECTED = Map.of("approvalStatus",
			Map.of("id", "3", "refName", "Rejected"));

	private static final Map<String, Map<String, Map<String, Object>>> ACTIONS = Map.of("vendorpayment",
			Map.of("confirm", Map.of("status", Map.of("refName", "Payment Confirmed")), "decline",
					Map.of("status", Map.of("refName", "Payment Declined"))),
			"purchaseorder", Map.of("approve", APPROVED, "reject", REJECTED), "vendorbill",
			Map.of("approve", APPROVED, "reject", REJECTED), "journalentry",
			Map.of("approve", APPROVED, "reject", REJECTED), "expensereport",
			Map.of("approve", APPROVED, "reject", REJECTED), "salesorder",
			Map.of("approve", Map.of("orderStatus", Map.of("id", "B", "refName", "Pending Fulfillment"))));

	private RecordActions() {
	}

	/**
	 * The fields an action sets on a record of the type, or {@code null} when the type has no
	 * such action.
	 */
	static @Nullable Map<String, Object> effect(String type, String action) {
		return ACTIONS.getOrDefault(type.toLowerCase(Locale.ROOT), Map.of()).get(action);
	}

}
