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

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * External IDs wherever an internal ID stands, on the double.
 */
class ExternalIdTests {

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
		netSuite.records("customer").put(42, Map.of("companyName", "Acme", "externalId", "CID001"));
		netSuite.records("customer").put(43, Map.of("companyName", "Red", "externalId", "RED|PO|1337"));
	}

	@Test
	void updatesByExternalId() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/eid:CID001")
			.json("{\"email\":\"a@example.com\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").get(42)).containsEntry("email", "a@example.com");
	}

	@Test
	void deletesByExternalId() {
		assertThat(SignedRequest.to(netSuite, "DELETE", CUSTOMER + "/eid:CID001").send().statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").get(42)).isNull();
	}

	@Test
	void answersAnUnknownExternalIdWith404OnEveryMethod() {
		for (String method : new String[] { "GET", "PATCH", "DELETE" }) {
			SignedRequest request = SignedRequest.to(netSuite, method, CUSTOMER + "/eid:NOPE");
			HttpResponse<String> response = method.equals("PATCH") ? request.json("{\"email\":\"x@example.com\"}").send()
					: request.send();
			assertThat(response.statusCode()).as(method).isEqualTo(404);
			assertThat(errorCode(response)).as(method).isEqualTo("NONEXISTENT_ID");
		}
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
	}

	@Test
	void upsertAnswersTheSameLocationWhenItCreatesAndWhenItUpdates() {
		HttpResponse<String> created = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/eid:CID002")
			.json("{\"companyName\":\"First\"}")
			.send();
		HttpResponse<String> updated = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/eid:CID002")
			.json("{\"companyName\":\"Second\"}")
			.send();
		assertThat(created.statusCode()).isEqualTo(204);
		assertThat(updated.statusCode()).isEqualTo(204);
		assertThat(updated.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"))
			.hasValue(netSuite.restUrl() + CUSTOMER + "/44");
		assertThat(netSuite.records("customer").get(44)).containsEntry("companyName", "Second");
	}

	@Test
	void decodesAPercentEncodedExternalIdWithSpacesAndLettersOfEveryWidthOnce() {
		String externalId = "Ünïcode Kunde 東京 \uD83D\uDE00 50%";
		HttpResponse<String> upserted = SignedRequest.to(netSuite, "PUT", CUSTOMER + "/" + pathSegment("eid:" + externalId))
			.json("{\"companyName\":\"Tokyo\"}")
			.send();
		assertThat(upserted.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("customer").findByExternalId(externalId)).containsEntry("companyName", "Tokyo");
		HttpResponse<String> read = SignedRequest.to(netSuite, "GET", CUSTOMER + "/" + pathSegment("eid:" + externalId))
			.send();
		assertThat(json(read).get("externalId").asText()).isEqualTo(externalId);
	}

	@Test
	void doesNotFindAnExternalIdWithAPipeInThePath() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "/" + pathSegment("eid:RED|PO|1337"))
			.send();
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void findsAnExternalIdWithAPipeThroughTheCollectionFilter() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "GET", CUSTOMER + "?q=" + query("externalId IS \"RED|PO|1337\""))
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("totalResults").asInt()).isEqualTo(1);
		assertThat(json(response).at("/items/0/id").asText()).isEqualTo("43");
	}

	@Test
	void refusesACollectionFilterItDoesNotUnderstand() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "GET", CUSTOMER + "?q=" + query("externalId LIKE \"RED%\""))
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_PARAMETER");
		assertThat(json(response).at("/o:errorDetails/0/o:errorQueryParam").asText()).isEqualTo("q");
	}

	static String pathSegment(String text) {
		// Every character but the unreserved ones, as the client encodes a path segment
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
	}

	static String query(String text) {
		return pathSegment(text);
	}

}
