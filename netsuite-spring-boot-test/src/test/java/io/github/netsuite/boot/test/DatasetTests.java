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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Saved datasets' results, paged as NetSuite pages its collections, and their errors.
 */
class DatasetTests {

	private static final String RESULT = "/services/rest/query/v1/dataset/custdataset1/result";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i <= 2_500; i++) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", String.valueOf(i));
			row.put("companyName", "Customer " + i);
			// A column without a value is left out of its row
			row.put("email", (i % 2 == 0) ? null : "c" + i + "@example.com");
			rows.add(row);
		}
		netSuite.dataset("custdataset1", rows);
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	private static HttpResponse<String> get(String pathAndQuery) {
		return SignedRequest.to(netSuite, "GET", pathAndQuery).send();
	}

	@Test
	void pagesTwoThousandFiveHundredRowsInThreePagesOfAThousandInTheOrderDefined() {
		List<JsonNode> pages = new ArrayList<>();
		for (int offset = 0; offset < 3000; offset += 1000) {
			HttpResponse<String> response = get(RESULT + "?limit=1000&offset=" + offset);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/vnd.oracle.resource+json; type=collection"));
			pages.add(json(response));
		}
		assertThat(pages).extracting((page) -> page.get("count").asInt()).containsExactly(1000, 1000, 500);
		assertThat(pages).extracting((page) -> page.get("hasMore").asBoolean()).containsExactly(true, true, false);
		assertThat(pages).extracting((page) -> page.get("totalResults").asInt()).containsOnly(2500);
		assertThat(pages).extracting((page) -> page.get("offset").asInt()).containsExactly(0, 1000, 2000);
		assertThat(pages.get(1).get("items").get(0).get("id").asText()).isEqualTo("1001");
		assertThat(pages.get(2).get("items").get(499).get("id").asText()).isEqualTo("2500");
	}

	@Test
	void answersColumnsInLowerCaseAndLeavesOutColumnsWithoutAValue() {
		JsonNode items = json(get(RESULT + "?limit=2&offset=0")).get("items");
		assertThat(items.get(0).get("companyname").asText()).isEqualTo("Customer 1");
		assertThat(items.get(0).has("companyName")).isFalse();
		assertThat(items.get(0).get("email").asText()).isEqualTo("c1@example.com");
		assertThat(items.get(1).has("email")).isFalse();
		assertThat(items.get(1).get("links").isArray()).isTrue();
	}

	@Test
	void linksPointAtTheDoubleWithLimitAndOffset() {
		JsonNode page = json(get(RESULT + "?limit=1000&offset=1000"));
		Map<String, String> links = new HashMap<>();
		page.get("links").forEach((link) -> links.put(link.get("rel").asText(), link.get("href").asText()));
		assertThat(links).containsEntry("next", netSuite.restUrl() + RESULT + "?limit=1000&offset=2000")
			.containsEntry("previous", netSuite.restUrl() + RESULT + "?limit=1000&offset=0")
			.containsEntry("self", netSuite.restUrl() + RESULT + "?limit=1000&offset=1000");
	}

	@Test
	void anOffsetPastTheEndAnswersAnEmptyLastPage() {
		JsonNode page = json(get(RESULT + "?limit=1000&offset=3000"));
		assertThat(page.get("count").asInt()).isZero();
		assertThat(page.get("hasMore").asBoolean()).isFalse();
		assertThat(page.get("totalResults").asInt()).isEqualTo(2500);
	}

	@Test
	void datasetIdsAreCaseInsensitive() {
		assertThat(get("/services/rest/query/v1/dataset/CustDataset1/result?limit=1").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownDatasetIsNotFound() {
		HttpResponse<String> response = get("/services/rest/query/v1/dataset/custdataset9/result");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(errorCode(response)).isEqualTo("NONEXISTENT_ID");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).contains("custdataset9");
	}

	@Test
	void refusesALimitAboveAThousandOrAnOffsetThatIsNoMultipleOfIt() {
		HttpResponse<String> tooMany = get(RESULT + "?limit=1001");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(errorCode(tooMany)).isEqualTo("INVALID_PARAMETER");
		HttpResponse<String> misaligned = get(RESULT + "?limit=10&offset=5");
		assertThat(misaligned.statusCode()).isEqualTo(400);
		assertThat(json(misaligned).at("/o:errorDetails/0/o:errorQueryParam").asText()).isEqualTo("offset");
	}

	@Test
	void onlyGetRunsADataset() {
		assertThat(SignedRequest.to(netSuite, "POST", RESULT).json("{}").send().statusCode()).isEqualTo(405);
	}

	@Test
	void anUnsignedRequestIsRefused() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", RESULT).tokenSecret("wrong").send();
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void redefiningADatasetReplacesItsRowsAndClearDataDropsIt() {
		try (NetSuiteDouble other = NetSuiteDouble.startDefault()) {
			other.dataset("custdataset2", List.of(Map.of("id", "1"), Map.of("id", "2")));
			other.dataset("custdataset2", List.of(Map.of("id", "3")));
			JsonNode page = json(SignedRequest.to(other, "GET", "/services/rest/query/v1/dataset/custdataset2/result")
				.send());
			assertThat(page.get("totalResults").asInt()).isEqualTo(1);
			assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("3");
			other.clearData();
			assertThat(SignedRequest.to(other, "GET", "/services/rest/query/v1/dataset/custdataset2/result")
				.send()
				.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void refusesARowGivingOneColumnTwiceWithDifferentValues() {
		Map<String, Object> row = new HashMap<>();
		row.put("companyName", "A");
		row.put("companyname", "B");
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.dataset("custdataset3", List.of(row)))
			.withMessageContaining("companyname");
	}

}
