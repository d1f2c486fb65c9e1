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

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SuiteQL paging and errors as NetSuite answers them.
 */
class SuiteQlTests {

	private static final String SUITEQL = "/services/rest/query/v1/suiteql";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
		netSuite.table("customer", 2_500,
				(i) -> Map.of("id", String.valueOf(i + 1), "companyname", "Customer " + (i + 1), "isperson", "F"));
		netSuite.table("transaction", 120_000, (i) -> Map.of("id", String.valueOf(i + 1)));
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	private static HttpResponse<String> query(String query, String parameters) {
		return SignedRequest.to(netSuite, "POST", SUITEQL + parameters).suiteQl(query).send();
	}

	@Test
	void pagesTwoThousandFiveHundredRowsInThreePagesOfAThousand() {
		List<JsonNode> pages = new ArrayList<>();
		for (int offset = 0; offset < 3000; offset += 1000) {
			HttpResponse<String> response = query("SELECT id, companyname FROM customer ORDER BY id",
					"?limit=1000&offset=" + offset);
			assertThat(response.statusCode()).isEqualTo(200);
			pages.add(json(response));
		}
		assertThat(pages).extracting((page) -> page.get("count").asInt()).containsExactly(1000, 1000, 500);
		assertThat(pages).extracting((page) -> page.get("hasMore").asBoolean()).containsExactly(true, true, false);
		assertThat(pages).extracting((page) -> page.get("totalResults").asInt()).containsOnly(2500);
		assertThat(pages).extracting((page) -> page.get("offset").asInt()).containsExactly(0, 1000, 2000);
		JsonNode last = pages.get(2).get("items").get(499);
		assertThat(last.get("id").asText()).isEqualTo("2500");
		assertThat(last.get("companyname").asText()).isEqualTo("Customer 2500");
		assertThat(last.has("isperson")).isFalse();
		assertThat(last.get("links").isArray()).isTrue();
		assertThat(last.get("links")).isEmpty();
	}

	@Test
	void linksPointAtTheDoubleWithLimitAndOffset() {
		JsonNode page = json(query("SELECT id FROM customer", "?limit=1000&offset=1000"));
		List<String> rels = new ArrayList<>();
		page.get("links").forEach((link) -> rels.add(link.get("rel").asText()));
		assertThat(rels).contains("self", "next", "previous");
		JsonNode next = findLink(page, "next");
		assertThat(next.get("href").asText()).isEqualTo(netSuite.restUrl() + SUITEQL + "?limit=1000&offset=2000");
		assertThat(findLink(page, "self").get("href").asText()).endsWith("?limit=1000&offset=1000");
	}

	@Test
	void lastPageHasNoNextLink() {
		JsonNode page = json(query("SELECT id FROM customer", "?limit=1000&offset=2000"));
		assertThat(findLink(page, "next")).isNull();
	}

	private static JsonNode findLink(JsonNode page, String rel) {
		for (JsonNode link : page.get("links")) {
			if (link.get("rel").asText().equals(rel)) {
				return link;
			}
		}
		return null;
	}

	@Test
	void rejectsOffsetAtTheHundredThousandRowCeiling() {
		HttpResponse<String> response = query("SELECT id FROM transaction", "?limit=1000&offset=100000");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_PARAMETER");
		assertThat(json(response).at("/o:errorDetails/0/o:errorQueryParam").asText()).isEqualTo("offset");
	}

	@Test
	void servesTheLastPageBelowTheCeiling() {
		JsonNode page = json(query("SELECT id FROM transaction", "?limit=1000&offset=99000"));
		assertThat(page.get("count").asInt()).isEqualTo(1000);
		assertThat(page.get("totalResults").asInt()).isEqualTo(120_000);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
	}

	@Test
	void keysetPagingReachesRowsBeyondTheCeiling() {
		JsonNode page = json(query("SELECT id FROM transaction WHERE id > 100000 ORDER BY id", "?limit=1000"));
		assertThat(page.get("totalResults").asInt()).isEqualTo(20_000);
		assertThat(page.at("/items/0/id").asText()).isEqualTo("100001");
		assertThat(page.at("/items/999/id").asText()).isEqualTo("101000");
	}

	@Test
	void keysetComparesIdsAsNumbers() {
		JsonNode page = json(query("SELECT id FROM customer WHERE id > 9 ORDER BY id", "?limit=1"));
		assertThat(page.at("/items/0/id").asText()).isEqualTo("10");
	}

	@Test
	void filtersAndSortsOnOtherColumns() {
		JsonNode page = json(query("select id from customer where companyname = 'Customer 7' order by id desc", ""));
		assertThat(page.get("totalResults").asInt()).isEqualTo(1);
		assertThat(page.at("/items/0/id").asText()).isEqualTo("7");
	}

	@Test
	void ordersDescendingById() {
		JsonNode page = json(query("SELECT id FROM customer ORDER BY id DESC", "?limit=2"));
		assertThat(page.at("/items/0/id").asText()).isEqualTo("2500");
		assertThat(page.at("/items/1/id").asText()).isEqualTo("2499");
	}

	@Test
	void rejectsQueryWithoutPreferTransient() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", SUITEQL)
			.json("{\"q\":\"SELECT id FROM customer\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).contains("Prefer: transient");
	}

	@Test
	void rejectsLimitAboveAThousand() {
		HttpResponse<String> response = query("SELECT id FROM customer", "?limit=1001");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_PARAMETER");
	}

	@Test
	void rejectsLimitOfZero() {
		assertThat(query("SELECT id FROM customer", "?limit=0").statusCode()).isEqualTo(400);
	}

	@Test
	void rejectsOffsetThatIsNoMultipleOfLimit() {
		HttpResponse<String> response = query("SELECT id FROM customer", "?limit=10&offset=15");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/o:errorDetails/0/o:errorQueryParam").asText()).isEqualTo("offset");
	}

	@Test
	void rejectsUnknownTable() {
		HttpResponse<String> response = query("SELECT id FROM nosuchtable", "");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_PARAMETER");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).contains("nosuchtable");
	}

	@Test
	void rejectsUnsupportedSyntax() {
		HttpResponse<String> response = query("SELECT COUNT(*) FROM customer", "");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_PARAMETER");
	}

	@Test
	void rejectsRawNewlineInsideJsonString() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", SUITEQL)
			.json("{\"q\":\"SELECT id\nFROM customer\"}")
			.header("Prefer", "transient")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_CONTENT");
	}

	@Test
	void seedsAQuarterMillionRowsQuickly() {
		long start = System.nanoTime();
		netSuite.table("bigtable", 250_000, (i) -> Map.of("id", i + 1, "name", "n"));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(netSuite.records("bigtable").size()).isEqualTo(250_000);
		assertThat(millis).isLessThan(5_000);
		netSuite.records("bigtable").clear();
	}

}
