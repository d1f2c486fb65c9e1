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
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SuiteQL: {@code POST /services/rest/query/v1/suiteql} with {@code Prefer: transient} and a
 * {@code {"q":…}} body, paged as NetSuite pages it.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQlEndpoint {

	static final String PATH = "/services/rest/query/v1/suiteql";

	// NetSuite serves at most 100,000 rows of one query, whatever the paging
	private static final int MAX_OFFSET = 100_000;

	private final NetSuiteDouble netSuite;

	SuiteQlEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		if (!call.method.equals("POST")) {
			return ErrorReplies.methodNotAllowed(call);
		}
		String prefer = call.header("Prefer");
		if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
			return ErrorReplies.rest(400, "USER_ERROR", "SuiteQL queries need the header 'Prefer: transient'.",
					Map.of("o:errorHeader", "Prefer"));
		}
		Paging.Result requested = Paging.of(call.firstParameters());
		Paging paging = requested.paging();
		if (paging == null) {
			return requested.refusal();
		}
		if (paging.offset() >= MAX_OFFSET) {
			return ErrorReplies.invalidParameter("offset", "The 'offset' query parameter must be less than 100000:"
					+ " a query can page through at most 100,000 rows; page further with WHERE id > :last ORDER BY id.");
		}
		Object body;
		try {
			body = Json.read(call.body());
		}
		catch (IllegalArgumentException ex) {
			return ErrorReplies.rest(400, "INVALID_CONTENT", "Invalid content in the request body: it is not valid JSON.",
					Map.of());
		}
		if (!(body instanceof Map<?, ?> object) || !(object.get("q") instanceof String q)) {
			return ErrorReplies.rest(400, "INVALID_CONTENT", "The request body must be a JSON object with a string 'q'.",
					Map.of());
		}
		SuiteQl.Query query;
		try {
			query = SuiteQl.parse(q);
		}
		catch (IllegalArgumentException ex) {
			// A number too odd for BigDecimal may come without a message
			return invalidQuery(Objects.requireNonNullElse(ex.getMessage(), SuiteQl.SUPPORTED));
		}
		NavigableMap<Long, Map<String, Object>> rows;
		if (query.table().equals("dual")) {
			rows = new TreeMap<>(Map.of(1L, Map.of()));
		}
		else {
			RecordStore store = this.netSuite.data().existingRecords(query.table());
			if (store == null) {
				return invalidQuery("Record '" + query.table() + "' was not found.");
			}
			rows = store.rows();
		}
		NetSuiteDoubleHandler.sleep(this.netSuite.faults().suiteQlPageLatency());
		ChangeTracking tracking = this.netSuite.data().tracking();
		SuiteQl.Page page;
		try {
			page = SuiteQl.execute(query, rows, new SuiteQl.Clock(tracking.now(), tracking.zone()), paging.offset(),
					paging.limit());
		}
		catch (IllegalArgumentException ex) {
			return invalidQuery(Objects.requireNonNullElse(ex.getMessage(), SuiteQl.SUPPORTED));
		}
		return paging.reply(this.netSuite.restUrl() + call.path, page.items(), page.totalResults(),
				Paging.SUITEQL_LINKS);
	}

	private static Reply invalidQuery(String reason) {
		return ErrorReplies.rest(400, "INVALID_PARAMETER",
				"Invalid search query. Detailed unprocessed description follows. " + reason,
				Map.of("o:errorQueryParam", "q"));
	}

}
