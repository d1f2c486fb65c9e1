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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The paging NetSuite's collections and SuiteQL share: the {@code limit} and {@code offset}
 * query parameters, and the collection body with its {@code links}, {@code count},
 * {@code hasMore}, {@code offset} and {@code totalResults}.
 *
 * @param limit the page size, from 1 to {@value #MAX_LIMIT}
 * @param offset the first row, a multiple of {@code limit}
 * @author NetSuite Spring Boot team
 */
record Paging(int limit, int offset) {

	static final String COLLECTION_JSON = "application/vnd.oracle.resource+json; type=collection; charset=UTF-8";

	static final int MAX_LIMIT = 1000;

	/**
	 * The links a record collection carries.
	 */
	static final List<String> COLLECTION_LINKS = List.of("next", "self");

	/**
	 * The links a SuiteQL page carries.
	 */
	static final List<String> SUITEQL_LINKS = List.of("previous", "first", "next", "last", "self");

	/**
	 * The window the query parameters ask for, or why it is refused.
	 * @param parameters the decoded query parameters
	 * @return the window and no error, or no window and the 400 to answer
	 */
	static Result of(Map<String, String> parameters) {
		Integer limit = intParameter(parameters, "limit", MAX_LIMIT);
		if (limit == null || limit < 1 || limit > MAX_LIMIT) {
			return Result.refused(ErrorReplies.invalidParameter("limit",
					"The 'limit' query parameter must be an integer from 1 to 1000."));
		}
		Integer offset = intParameter(parameters, "offset", 0);
		if (offset == null || offset < 0 || offset % limit != 0) {
			return Result.refused(ErrorReplies.invalidParameter("offset",
					"The 'offset' query parameter must be a non-negative multiple of the 'limit' query parameter."));
		}
		return new Result(new Paging(limit, offset), null);
	}

	/**
	 * This page of a collection as NetSuite answers it.
	 * @param self the URL of the collection, without query
	 * @param items the rows of this page
	 * @param totalResults how many rows the whole collection has
	 * @param rels the links to offer, in order; those that do not apply are left out
	 * @return the 200 reply
	 */
	Reply reply(String self, List<?> items, int totalResults, List<String> rels) {
		boolean hasMore = this.offset + items.size() < totalResults;
		List<Map<String, Object>> links = new ArrayList<>();
		for (String rel : rels) {
			Integer target = target(rel, totalResults, hasMore);
			if (target != null) {
				Map<String, Object> link = new LinkedHashMap<>();
				link.put("rel", rel);
				link.put("href", self + "?limit=" + this.limit + "&offset=" + target);
				links.add(link);
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links);
		body.put("count", items.size());
		body.put("hasMore", hasMore);
		body.put("items", items);
		body.put("offset", this.offset);
		body.put("totalResults", totalResults);
		return new Reply(200, COLLECTION_JSON, Json.write(body));
	}

	/**
	 * The offset a link points at, or {@code null} when this page has no such link.
	 */
	private @Nullable Integer target(String rel, int totalResults, boolean hasMore) {
		return switch (rel) {
			case "previous" -> (this.offset > 0) ? this.offset - this.limit : null;
			case "first" -> 0;
			case "next" -> hasMore ? this.offset + this.limit : null;
			case "last" -> Math.max(0, (totalResults - 1) / this.limit * this.limit);
			case "self" -> this.offset;
			default -> throw new IllegalArgumentException("No such link: " + rel);
		};
	}

	private static @Nullable Integer intParameter(Map<String, String> parameters, String name, int fallback) {
		String value = parameters.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Either the window or the reply that refuses the parameters.
	 *
	 * @param paging the window, when the parameters are valid
	 * @param refusal the 400 to answer, when they are not
	 */
	record Result(@Nullable Paging paging, @Nullable Reply refusal) {

		static Result refused(Reply refusal) {
			return new Result(null, refusal);
		}

		// Asked for once paging() is null: then there is a refusal.
		@Override
		public Reply refusal() {
			return Objects.requireNonNull(this.refusal, "The paging parameters are valid");
		}

	}

}
