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
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record API over the double's store.
 */
class RecordTests {

	private static final String CUSTOMER = "/services/rest/record/v1/customer";

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
		netSuite.records("customer").put(42, Map.of("companyname", "Acme", "email", "a@example.com"));
	}

	@Test
	void getsSeededRecord() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "/42").send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("id").asText()).isEqualTo("42");
		// Seeded as companyname, answered with the record API's own spelling
		assertThat(json(response).get("companyName").asText()).isEqualTo("Acme");
		assertThat(json(response).at("/links/0/rel").asText()).isEqualTo("self");
	}

	@Test
	void answersNonexistentIdWith404() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "/999").send();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(errorCode(response)).isEqualTo("NONEXISTENT_ID");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("The record instance does not exist. Provide a valid record instance ID.");
	}

	@Test
	void postCreatesWithNextIdAndAnswers204WithLocation() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", CUSTOMER)
			.json("{\"companyname\":\"New Co\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Location")).hasValue(netSuite.restUrl() + CUSTOMER + "/43");
		assertThat(netSuite.records("customer").get(43)).containsEntry("companyname", "New Co");
	}

	@Test
	void postRejectsUnparsableJson() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", CUSTOMER).json("{\"companyname\":").send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_CONTENT");
		assertThat(netSuite.records("customer").size()).isEqualTo(1);
	}

	@Test
	void patchUpdatesGivenFieldsOnly() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42")
			.json("{\"email\":\"b@example.com\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").get(42)).containsEntry("email", "b@example.com")
			.containsEntry("companyname", "Acme");
	}

	@Test
	void patchOfNonexistentIdIs404() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/7").json("{}").send();
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void deleteRemovesRecord() {
		assertThat(SignedRequest.to(netSuite, "DELETE", CUSTOMER + "/42").send().statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").get(42)).isNull();
		assertThat(SignedRequest.to(netSuite, "DELETE", CUSTOMER + "/42").send().statusCode()).isEqualTo(404);
	}

	@Test
	void putByExternalIdCreatesThenUpdates() {
		HttpResponse<String> created = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/eid:EXT1")
			.json("{\"companyname\":\"First\"}")
			.send();
		assertThat(created.statusCode()).isEqualTo(204);
		assertThat(created.headers().firstValue("Location")).hasValue(netSuite.restUrl() + CUSTOMER + "/43");
		HttpResponse<String> updated = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/eid:EXT1")
			.json("{\"companyname\":\"Second\"}")
			.send();
		assertThat(updated.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
		assertThat(netSuite.records("customer").get(43)).containsEntry("companyname", "Second")
			.containsEntry("externalId", "EXT1");
	}

	@Test
	void getsByExternalId() {
		netSuite.records("customer").put(50, Map.of("externalId", "X9", "companyname", "By Eid"));
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "/eid:X9").send();
		assertThat(json(response).get("id").asText()).isEqualTo("50");
	}

	@Test
	void listsCollectionWithLinks() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "?limit=5").send();
		assertThat(json(response).get("totalResults").asInt()).isEqualTo(1);
		assertThat(json(response).at("/items/0/id").asText()).isEqualTo("42");
	}

	@Test
	void recordsAreVisibleToSuiteQl() {
		SignedRequest.to(netSuite, "POST", CUSTOMER).json("{\"companyname\":\"New Co\"}").send();
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", "/services/rest/query/v1/suiteql")
			.suiteQl("SELECT id, companyname FROM customer ORDER BY id")
			.send();
		assertThat(json(response).get("totalResults").asInt()).isEqualTo(2);
		assertThat(json(response).at("/items/1/companyname").asText()).isEqualTo("New Co");
	}

}
