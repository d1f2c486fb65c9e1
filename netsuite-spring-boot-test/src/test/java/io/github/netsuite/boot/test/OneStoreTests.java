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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code table()}, {@code put()} and the record API share one store, and each record answers
 * the record API with record-style field names and SuiteQL with lower-case ones, whatever
 * spelling it was seeded with.
 */
class OneStoreTests {

	private static final String CUSTOMER = "/services/rest/record/v1/customer";

	private static final String SUITEQL = "/services/rest/query/v1/suiteql";

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
	void clear() {
		netSuite.clearData();
	}

	@Test
	void tableKeepsARecordPutBefore() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme"));
		netSuite.table("customer", List.of(Map.of("id", "2", "companyname", "Beta")));
		assertThat(get(CUSTOMER + "/1").get("companyName").asText()).isEqualTo("Acme");
		assertThat(get(CUSTOMER + "/2").get("companyName").asText()).isEqualTo("Beta");
		JsonNode result = suiteQl("SELECT id, companyname FROM customer ORDER BY id");
		assertThat(result.get("totalResults").asInt()).isEqualTo(2);
		assertThat(result.at("/items/0/companyname").asText()).isEqualTo("Acme");
		assertThat(result.at("/items/1/companyname").asText()).isEqualTo("Beta");
	}

	@Test
	void putKeepsRowsSeededByTable() {
		netSuite.table("customer", 3, (i) -> Map.of("id", String.valueOf(i + 1), "companyname", "C" + (i + 1)));
		netSuite.records("customer").put(4, Map.of("companyName", "D"));
		assertThat(netSuite.records("customer").all()).extracting((record) -> record.get("companyName"))
			.containsExactly("C1", "C2", "C3", "D");
	}

	@Test
	void tableRowWithTheIdOfARecordReplacesThatRecordOnly() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme", "email", "old@acme.test"));
		netSuite.records("customer").put(2, Map.of("companyName", "Other"));
		netSuite.table("customer", List.of(Map.of("id", "1", "companyname", "Acme Renamed")));
		assertThat(netSuite.records("customer").get(1)).containsEntry("companyName", "Acme Renamed")
			.doesNotContainKey("email");
		assertThat(netSuite.records("customer").get(2)).containsEntry("companyName", "Other");
	}

	@Test
	void tableRowWithoutIdIsAddedUnderTheNextFreeId() {
		netSuite.records("customer").put(7, Map.of("companyName", "Seven"));
		netSuite.table("customer", List.of(Map.of("companyname", "Eight")));
		assertThat(netSuite.records("customer").get(8)).containsEntry("companyName", "Eight");
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
	}

	@Test
	void tableRowReadOverRestHasRecordStyleNames() {
		netSuite.table("customer", List.of(Map.of("id", "1", "companyname", "Acme", "externalid", "EXT-1",
				"entityid", "CUST1", "email", "a@acme.test", "custentity_region", "EMEA")));
		JsonNode customer = get(CUSTOMER + "/1");
		assertThat(fieldNames(customer)).containsExactlyInAnyOrder("links", "id", "companyName", "externalId", "entityId", "email",
				"custentity_region");
		assertThat(customer.get("companyName").asText()).isEqualTo("Acme");
		assertThat(customer.get("externalId").asText()).isEqualTo("EXT-1");
	}

	@Test
	void tableRowIsFoundByItsLowerCaseExternalId() {
		netSuite.table("customer", List.of(Map.of("id", "5", "externalid", "EXT-5")));
		assertThat(get(CUSTOMER + "/eid:EXT-5").get("id").asText()).isEqualTo("5");
		assertThat(netSuite.records("customer").findByExternalId("EXT-5")).containsEntry("id", "5");
	}

	@Test
	void recordStyleSpellingSeenOnceNamesTheFieldOfEveryRecord() {
		netSuite.records("customer").put(1, Map.of("salesChannel", "web"));
		netSuite.table("customer", List.of(Map.of("id", "2", "saleschannel", "shop")));
		assertThat(get(CUSTOMER + "/2").get("salesChannel").asText()).isEqualTo("shop");
	}

	@Test
	void putRecordIsFoundBySuiteQlInLowerCase() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme"));
		netSuite.records("customer").put(2, Map.of("companyName", "Beta"));
		JsonNode result = suiteQl("SELECT companyname FROM customer WHERE companyname = 'Acme'");
		assertThat(result.get("totalResults").asInt()).isEqualTo(1);
		assertThat(fieldNames(result.at("/items/0"))).containsExactly("companyname", "links");
		assertThat(result.at("/items/0/companyname").asText()).isEqualTo("Acme");
	}

	@Test
	void putRecordIsOrderedBySuiteQlInLowerCase() {
		netSuite.records("customer").put(1, Map.of("companyName", "B"));
		netSuite.records("customer").put(2, Map.of("companyName", "C"));
		netSuite.records("customer").put(3, Map.of("companyName", "A"));
		JsonNode result = suiteQl("SELECT id FROM customer ORDER BY companyName DESC");
		assertThat(result.findValuesAsText("id")).containsExactly("2", "1", "3");
	}

	@Test
	void suiteQlSelectStarAnswersLowerCaseNames() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme", "externalId", "EXT-1"));
		JsonNode item = suiteQl("SELECT * FROM customer").at("/items/0");
		assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "companyname", "externalid", "links");
	}

	@Test
	void restCreatedRecordReadsBackWithRecordStyleNames() {
		SignedRequest.to(netSuite, "POST", CUSTOMER).json("{\"companyname\":\"New Co\"}").send();
		assertThat(get(CUSTOMER + "/1").get("companyName").asText()).isEqualTo("New Co");
		assertThat(suiteQl("SELECT companyname FROM customer").at("/items/0/companyname").asText()).isEqualTo("New Co");
	}

	@Test
	void bothSpellingsInOneSeedAreOneField() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", "1");
		row.put("companyName", "Acme");
		row.put("companyname", "Acme");
		netSuite.table("customer", List.of(row));
		assertThat(fieldNames(get(CUSTOMER + "/1"))).containsExactly("links", "id", "companyName");
		assertThat(fieldNames(suiteQl("SELECT * FROM customer").at("/items/0"))).containsExactly("id", "companyname",
				"links");
		assertThat(netSuite.records("customer").get(1)).hasSize(2);
	}

	@Test
	void bothSpellingsWithDifferentValuesAreRefused() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("companyName", "Acme");
		row.put("companyname", "Other");
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.records("customer").put(1, row))
			.withMessageContaining("'companyName'")
			.withMessageContaining("'companyname'");
		assertThat(netSuite.records("customer").size()).isZero();
	}

	@Test
	void patchInTheOtherSpellingUpdatesTheSameField() {
		netSuite.table("customer", List.of(Map.of("id", "1", "companyname", "Acme")));
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/1")
			.json("{\"companyName\":\"Acme Inc\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		JsonNode customer = get(CUSTOMER + "/1");
		assertThat(fieldNames(customer)).containsExactlyInAnyOrder("links", "id", "companyName");
		assertThat(customer.get("companyName").asText()).isEqualTo("Acme Inc");
	}

	@Test
	void patchGivingBothSpellingsWithDifferentValuesIsRefused() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme"));
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/1")
			.json("{\"companyName\":\"A\",\"companyname\":\"B\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_CONTENT");
		assertThat(netSuite.records("customer").get(1)).containsEntry("companyName", "Acme");
	}

	@Test
	void upsertByExternalIdFindsARecordSeededInLowerCase() {
		netSuite.table("customer", List.of(Map.of("id", "3", "externalid", "EXT-3", "companyname", "Old")));
		HttpResponse<String> response = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/eid:EXT-3")
			.json("{\"companyName\":\"New\",\"externalid\":\"ignored\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Location")).hasValue(netSuite.restUrl() + CUSTOMER + "/3");
		assertThat(netSuite.records("customer").size()).isOne();
		assertThat(netSuite.records("customer").get(3)).containsEntry("companyName", "New")
			.containsEntry("externalId", "EXT-3")
			.hasSize(3);
	}

	@Test
	void recordsAnswerRecordStyleNamesAndLookUpEitherSpelling() {
		netSuite.table("customer", List.of(Map.of("id", "1", "companyname", "Acme")));
		Map<String, Object> customer = netSuite.records("customer").get(1);
		assertThat(customer).containsOnlyKeys("id", "companyName");
		assertThat(customer.get("companyname")).isEqualTo("Acme");
		assertThat(customer.get("COMPANYNAME")).isEqualTo("Acme");
	}

	private static JsonNode get(String path) {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", path).send();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private static JsonNode suiteQl(String query) {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", SUITEQL).suiteQl(query).send();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
