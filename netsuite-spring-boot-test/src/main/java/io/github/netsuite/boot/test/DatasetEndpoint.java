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
import java.util.Locale;
import java.util.Map;

/**
 * Saved SuiteAnalytics datasets: {@code GET /services/rest/query/v1/dataset/<id>/result},
 * paged as NetSuite pages its collections ({@code limit}, {@code offset}, and the body with
 * {@code links}, {@code count}, {@code hasMore}, {@code items}, {@code offset},
 * {@code totalResults}). Rows are defined through {@link NetSuiteDouble#dataset(String, List)}.
 *
 * @author NetSuite Spring Boot team
 */
final class DatasetEndpoint {

	static final String PREFIX = "/services/rest/query/v1/dataset/";

	private static final String RESULT = "/result";

	private final NetSuiteDouble netSuite;

	DatasetEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	static boolean serves(Call call) {
		return call.path.startsWith(PREFIX) && call.path.endsWith(RESULT);
	}

	Reply handle(Call call) {
		String segment = call.path.substring(PREFIX.length(), call.path.length() - RESULT.length());
		if (segment.isEmpty() || segment.contains("/")) {
			return ErrorReplies.notFound(call);
		}
		if (!call.method.equals("GET")) {
			return ErrorReplies.methodNotAllowed(call);
		}
		String id;
		try {
			id = TbaVerifier.percentDecode(segment, false);
		}
		catch (IllegalArgumentException ex) {
			return ErrorReplies.notFound(call);
		}
		List<Map<String, Object>> rows = this.netSuite.data().dataset(id);
		if (rows == null) {
			// NetSuite's answer to an unknown dataset is not documented: the double answers
			// a record API's not-found, the most likely one
			return ErrorReplies.rest(404, "NONEXISTENT_ID", "The dataset " + id + " does not exist.",
					Map.of("o:urlPath", call.path));
		}
		Paging.Result requested = Paging.of(call.firstParameters());
		Paging paging = requested.paging();
		if (paging == null) {
			return requested.refusal();
		}
		NetSuiteDoubleHandler.sleep(this.netSuite.faults().suiteQlPageLatency());
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = paging.offset(); i < rows.size() && items.size() < paging.limit(); i++) {
			Map<String, Object> item = new LinkedHashMap<>(rows.get(i));
			item.put("links", List.of());
			items.add(item);
		}
		return paging.reply(this.netSuite.restUrl() + call.path, items, rows.size(), Paging.SUITEQL_LINKS);
	}

	/**
	 * A dataset's rows as the double keeps them: column names in lower case, as SuiteQL's,
	 * and columns without a value left out.
	 * @param rows the rows as defined
	 * @return the rows to serve
	 * @throws IllegalArgumentException if a row gives one column twice (in two spellings)
	 * with different values
	 */
	static List<Map<String, Object>> normalize(List<? extends Map<String, ?>> rows) {
		List<Map<String, Object>> normalized = new ArrayList<>(rows.size());
		for (Map<String, ?> row : rows) {
			Map<String, Object> columns = new LinkedHashMap<>();
			row.forEach((name, value) -> {
				if (value == null) {
					return;
				}
				Object previous = columns.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
				if (previous != null && !previous.equals(value)) {
					throw new IllegalArgumentException("A dataset row gives column '" + name.toLowerCase(Locale.ROOT)
							+ "' twice with different values");
				}
			});
			normalized.add(Collections.unmodifiableMap(columns));
		}
		return List.copyOf(normalized);
	}

}
