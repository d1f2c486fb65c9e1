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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a new record starts with: a transform of another record
 * ({@code POST …/salesOrder/5/!transform/invoice}), or the defaults of its type (an
 * initialize, {@code Accept: …; type=create-form}).
 * <p>
 * The double knows a subset of NetSuite's transforms (record.transform's table): sales
 * order to invoice, item fulfillment or cash sale; estimate to sales order, invoice or cash
 * sale; customer to sales order, estimate, invoice or cash sale; invoice to credit memo or
 * customer payment; purchase order to item receipt or vendor bill; vendor bill to vendor
 * payment. Any other pair is refused as NetSuite refuses an invalid transformation.
 * <p>
 * The new record is linked to its source ({@code createdFrom}, or {@code entity} for a
 * customer), copies its header fields ({@code entity}, {@code currency}, {@code subsidiary},
 * …) and its {@code item} lines still open for the target type, each line with the
 * {@code orderLine} it comes from. Lines in the body ({@code "item":{"items":[{"orderLine":1,
 * "quantity":2}]}}) make a partial transform: only those lines, with the given fields; a
 * body line without {@code orderLine} is a new line. Other body fields are set. When no
 * line is left open (an order already fully invoiced), the transform is refused.
 *
 * @author NetSuite Spring Boot team
 */
final class Transforms {

	static final String ITEM = "item";

	static final String ORDER_LINE = "orderLine";

	private static final Map<String, Set<String>> PAIRS = Map.of("salesorder",
			Set.of("invoice", "itemfulfillment", "cashsale"), "estimate", Set.of("salesorder", "invoice", "cashsale"),
			"customer", Set.of("salesorder", "estimate", "invoice", "cashsale"), "invoice",
			Set.of("creditmemo", "customerpayment"), "purchaseorder", Set.of("itemreceipt", "vendorbill"),
			"vendorbill", Set.of("vendorpayment"));

	private static final List<String> HEADER_FIELDS = List.of("entity", "currency", "subsidiary", "location",
			"department", "class", "salesRep", "terms", "otherRefNum", "memo");

	private static final Set<String> TRANSACTIONS = Set.of("salesorder", "estimate", "invoice", "cashsale",
			"itemfulfillment", "itemreceipt", "creditmemo", "customerpayment", "purchaseorder", "vendorbill",
			"vendorpayment", "returnauthorization", "journalentry");

	private Transforms() {
	}

	/**
	 * Whether NetSuite (the double's subset of it) transforms the one type into the other.
	 */
	static boolean supports(String sourceType, String targetType) {
		return PAIRS.getOrDefault(lower(sourceType), Set.of()).contains(lower(targetType));
	}

	/**
	 * The fields of the record a transform creates.
	 * @param sourceType the source type
	 * @param sourceId the source's internal ID
	 * @param source the source record (looked up in any case)
	 * @param target the target type's store, to find the lines earlier transforms took
	 * @param body the request body's fields
	 * @return the new record's fields
	 * @throws Refused when nothing is left to transform, or a line names no source line
	 */
	static Map<String, Object> transform(String sourceType, long sourceId, Map<String, Object> source,
			RecordStore target, Map<String, Object> body) {
		Map<String, Object> record = new LinkedHashMap<>();
		String id = String.valueOf(sourceId);
		if (lower(sourceType).equals("customer")) {
			record.put("entity", reference(id));
		}
		else {
			for (String field : HEADER_FIELDS) {
				Object value = source.get(field);
				if (value != null) {
					record.put(field, value);
				}
			}
			record.put("createdFrom", reference(id));
		}
		Map<String, BigDecimal> open = openQuantities(id, source, target);
		List<Map<String, Object>> lines = new ArrayList<>();
		Object bodyItem = body.get(ITEM);
		if (Sublists.isSublist(bodyItem)) {
			int index = 0;
			for (Map<String, Object> given : Sublists.lines(bodyItem)) {
				Object orderLine = given.get(ORDER_LINE);
				if (orderLine == null) {
					lines.add(new LinkedHashMap<>(given));
				}
				else {
					Map<String, Object> sourceLine = Sublists.find(Sublists.lines(source.get(ITEM)), orderLine);
					BigDecimal left = open.get(String.valueOf(orderLine));
					if (sourceLine == null || left == null || left.signum() <= 0) {
						throw new Refused(400, "INVALID_CONTENT", "You have entered an Invalid Field Value "
								+ orderLine + " for the following field: orderLine", "item.items[" + index + "].orderLine");
					}
					Map<String, Object> line = fromSource(sourceLine, left);
					line.putAll(given);
					lines.add(priced(line));
				}
				index++;
			}
		}
		else {
			for (Map<String, Object> sourceLine : Sublists.lines(source.get(ITEM))) {
				BigDecimal left = open.get(String.valueOf(sourceLine.get(Sublists.LINE)));
				if (left != null && left.signum() > 0) {
					lines.add(fromSource(sourceLine, left));
				}
			}
		}
		if (lines.isEmpty() && !Sublists.lines(source.get(ITEM)).isEmpty()) {
			// NetSuite's words when an order has nothing left to fulfill or bill
			throw new Refused(400, "USER_ERROR",
					"You can not initialize " + target.type() + ": invalid reference " + id + ".", null);
		}
		for (Map.Entry<String, Object> field : body.entrySet()) {
			if (!field.getKey().equalsIgnoreCase(ITEM)) {
				record.put(field.getKey(), field.getValue());
			}
		}
		if (!lines.isEmpty()) {
			record.put(ITEM, Map.of(Sublists.ITEMS, lines));
		}
		return record;
	}

	/**
	 * The defaults an initialize of a new record answers.
	 */
	static Map<String, Object> defaults(String type, LocalDate today) {
		Map<String, Object> record = new LinkedHashMap<>();
		String lower = lower(type);
		if (TRANSACTIONS.contains(lower)) {
			record.put("tranDate", today.toString());
			record.put(ITEM, Map.of(Sublists.ITEMS, List.of()));
		}
		else if (lower.equals("customer")) {
			record.put("isPerson", false);
			record.put("isInactive", false);
			record.put("addressBook", Map.of(Sublists.ITEMS, List.of()));
		}
		return record;
	}

	/**
	 * The quantity of each source line (by line key) that earlier transforms into the same
	 * target type have not taken.
	 */
	private static Map<String, BigDecimal> openQuantities(String sourceId, Map<String, Object> source,
			RecordStore target) {
		Map<String, BigDecimal> open = new LinkedHashMap<>();
		for (Map<String, Object> line : Sublists.lines(source.get(ITEM))) {
			open.put(String.valueOf(line.get(Sublists.LINE)), quantity(line));
		}
		for (Map<String, Object> earlier : target.all()) {
			if (!(earlier.get("createdFrom") instanceof Map<?, ?> from) || !sourceId.equals(String.valueOf(from.get("id")))) {
				continue;
			}
			for (Map<String, Object> line : Sublists.lines(earlier.get(ITEM))) {
				String key = String.valueOf(line.get(ORDER_LINE));
				BigDecimal left = open.get(key);
				if (left != null) {
					open.put(key, left.subtract(quantity(line)));
				}
			}
		}
		return open;
	}

	private static Map<String, Object> fromSource(Map<String, Object> sourceLine, BigDecimal quantity) {
		Map<String, Object> line = new LinkedHashMap<>();
		sourceLine.forEach((name, value) -> {
			if (!name.equals(Sublists.LINE) && !name.equals("links")) {
				line.put(name, value);
			}
		});
		line.put(ORDER_LINE, sourceLine.get(Sublists.LINE));
		line.put("quantity", number(quantity));
		return priced(line);
	}

	// The amount follows the quantity when the line has a rate
	private static Map<String, Object> priced(Map<String, Object> line) {
		BigDecimal rate = decimal(line.get("rate"));
		BigDecimal quantity = decimal(line.get("quantity"));
		if (rate != null && quantity != null) {
			line.put("amount", number(rate.multiply(quantity)));
		}
		return line;
	}

	private static BigDecimal quantity(Map<String, Object> line) {
		BigDecimal quantity = decimal(line.get("quantity"));
		return (quantity != null) ? quantity : BigDecimal.ONE;
	}

	private static @Nullable BigDecimal decimal(@Nullable Object value) {
		if (value instanceof Number || value instanceof String) {
			try {
				return new BigDecimal(String.valueOf(value));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static Number number(BigDecimal value) {
		BigDecimal plain = value.stripTrailingZeros();
		return (plain.scale() <= 0) ? (Number) plain.longValueExact() : (Number) plain.doubleValue();
	}

	private static Map<String, Object> reference(String id) {
		return Map.of("id", id);
	}

	private static String lower(String type) {
		return type.toLowerCase(Locale.ROOT);
	}

	/**
	 * A transform NetSuite refuses, with its error.
	 */
	static final class Refused extends RuntimeException {

		final int status;

		final String code;

		final @Nullable String path;

		Refused(int status, String code, String detail, @Nullable String path) {
			super(detail, null, false, false);
			this.status = status;
			this.code = code;
			this.path = path;
		}

		Reply reply(Call call) {
			Map<String, String> extra = new LinkedHashMap<>();
			extra.put("o:urlPath", call.path);
			if (this.path != null) {
				extra.put("o:errorPath", this.path);
			}
			return ErrorReplies.rest(this.status, this.code, String.valueOf(getMessage()), extra);
		}

	}

}
