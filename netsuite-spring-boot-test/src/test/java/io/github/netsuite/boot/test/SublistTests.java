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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sublists and sub-resources on the double.
 */
class SublistTests {

	private static final String ORDER = "/services/rest/record/v1/salesOrder/5";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void seed() {
		netSuite.clearData();
		netSuite.records("salesOrder")
			.put(5, Map.of("entity", Map.of("id", "42"), "item", Map.of("items",
					List.of(Map.of("item", Map.of("id", "7"), "quantity", 3), Map.of("item", Map.of("id", "8"), "quantity", 1)))));
	}

	@Test
	void keysTheLinesOfACreatedRecord() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", "/services/rest/record/v1/salesOrder")
			.json("{\"entity\":{\"id\":\"42\"},\"item\":{\"items\":[{\"item\":{\"id\":\"7\"}},{\"item\":{\"id\":\"9\"}}]}}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(Sublists.lines(netSuite.records("salesOrder").get(6).get("item"))).extracting("line")
			.containsExactly(1, 2);
	}

	@Test
	void answersASublistAsALinkUnlessExpanded() {
		HttpResponse<String> plain = SignedRequest.to(netSuite, "GET", ORDER).send();
		assertThat(json(plain).at("/item/links/0/href").asText()).isEqualTo(netSuite.restUrl() + ORDER + "/item");
		assertThat(json(plain).at("/item").has("items")).isFalse();
		HttpResponse<String> expanded = SignedRequest.to(netSuite, "GET", ORDER + "?expandSubResources=true").send();
		assertThat(json(expanded).at("/item/totalResults").asInt()).isEqualTo(2);
		assertThat(json(expanded).at("/item/items/1/item/id").asText()).isEqualTo("8");
		assertThat(json(expanded).at("/item/items/1/line").asInt()).isEqualTo(2);
	}

	@Test
	void mergesWrittenLinesByTheirKeyWithoutReplace() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", ORDER)
			.json("{\"item\":{\"items\":[{\"line\":2,\"quantity\":5},{\"item\":{\"id\":\"9\"},\"quantity\":1}]}}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(Sublists.lines(netSuite.records("salesOrder").get(5).get("item")))
			.extracting("line", "item", "quantity")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, Map.of("id", "7"), 3),
					org.assertj.core.groups.Tuple.tuple(2, Map.of("id", "8"), 5),
					org.assertj.core.groups.Tuple.tuple(3, Map.of("id", "9"), 1));
	}

	@Test
	void replacesEveryLineOfASublistNamedInReplace() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", ORDER + "?replace=item")
			.json("{\"item\":{\"items\":[{\"item\":{\"id\":\"9\"},\"quantity\":4}]}}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		List<Map<String, Object>> lines = Sublists.lines(netSuite.records("salesOrder").get(5).get("item"));
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("item", Map.of("id", "9")).containsEntry("quantity", 4));
		// A new key: the old line 1 is gone, not overwritten
		assertThat(lines.get(0).get("line")).isEqualTo(3);
		assertThat(SignedRequest.to(netSuite, "GET", ORDER + "/item/1").send().statusCode()).isEqualTo(404);
	}

	@Test
	void emptiesASublistNamedInReplaceButNotWritten() {
		SignedRequest.to(netSuite, "PATCH", ORDER + "?replace=item").json("{\"memo\":\"No lines\"}").send();
		assertThat(Sublists.lines(netSuite.records("salesOrder").get(5).get("item"))).isEmpty();
		assertThat(netSuite.records("salesOrder").get(5)).containsEntry("memo", "No lines");
	}

	@Test
	void readsASubResourceAsLinksToItsLinesUnlessExpanded() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", ORDER + "/item").send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("totalResults").asInt()).isEqualTo(2);
		assertThat(json(response).at("/items/0/links/0/href").asText()).isEqualTo(netSuite.restUrl() + ORDER + "/item/1");
		assertThat(json(response).at("/items/0").has("quantity")).isFalse();
		HttpResponse<String> expanded = SignedRequest.to(netSuite, "GET", ORDER + "/item?expandSubResources=true").send();
		assertThat(json(expanded).at("/items/0/quantity").asInt()).isEqualTo(3);
	}

	@Test
	void readsOneLine() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", ORDER + "/item/2").send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).at("/item/id").asText()).isEqualTo("8");
		assertThat(json(response).at("/links/0/href").asText()).isEqualTo(netSuite.restUrl() + ORDER + "/item/2");
	}

	@Test
	void answersASubResourceTheRecordCannotHaveWith404() {
		assertThat(SignedRequest.to(netSuite, "GET", ORDER + "/nosuchlist").send().statusCode()).isEqualTo(404);
	}

}
