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
package io.github.netsuite.boot.sample;

import java.net.URI;
import java.util.Map;

import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's record operations end to end, over HTTP, on the embedded double and its demo
 * sales orders: invoicing a sales order, and customers upserted and read by external ID.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleRecordOperationsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	private RestClient http;

	@BeforeEach
	void httpClient() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void invoicesADemoSalesOrderAnswering201WithTheInvoicesIdAndLocation() {
		ResponseEntity<String> response = this.http.post().uri("/sales-orders/2/invoice").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = read(response).get("id").asString();
		assertThat(response.getHeaders().getLocation()).hasPath("/invoices/" + id);
		assertThat(this.netSuite.records("invoice").get(id)).containsEntry("createdFrom", Map.of("id", "2"))
			.containsEntry("entity", Map.of("id", "2"));
		JsonNode invoice = read(this.http.get().uri("/invoices/" + id).retrieve().toEntity(String.class));
		assertThat(invoice.at("/createdFrom/id").asString()).isEqualTo("2");
		// Demo order 2 has two lines
		assertThat(invoice.at("/item/items").size()).isEqualTo(2);
	}

	@Test
	void answersAnOrderWithNothingLeftToInvoiceWithNetSuitesErrorAsAProblem() {
		this.http.post().uri("/sales-orders/3/invoice").retrieve().toEntity(String.class);
		ResponseEntity<String> again = this.http.post().uri("/sales-orders/3/invoice").retrieve().toEntity(String.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = read(again);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(400);
		assertThat(problem.get("netsuiteDetail").asString())
			.isEqualTo("You can not initialize invoice: invalid reference 3.");
	}

	@Test
	void upsertsACustomerByExternalIdAnsweringTheSameIdWhenItCreatesAndWhenItUpdates() {
		ResponseEntity<String> created = put("CRM-7781", "{\"companyName\":\"First\"}");
		ResponseEntity<String> updated = put("CRM-7781", "{\"companyName\":\"Second\",\"email\":\"crm@example.com\"}");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
		String id = read(created).get("id").asString();
		try {
			assertThat(id).matches("\\d+").isNotIn("1", "2500");
			assertThat(read(updated).get("id").asString()).isEqualTo(id);
			JsonNode customer = read(get("CRM-7781"));
			assertThat(customer.get("id").asString()).isEqualTo(id);
			assertThat(customer.get("companyName").asString()).isEqualTo("Second");
			assertThat(customer.get("email").asString()).isEqualTo("crm@example.com");
		}
		finally {
			this.netSuite.records("customer").remove(id);
		}
	}

	@Test
	void upsertsAndReadsAnExternalIdWithSpacesAndLettersBeyondAscii() {
		String externalId = "Kunde Ünïcode 東京 \uD83D\uDE00";
		String id = read(put(externalId, "{\"companyName\":\"Tokyo\"}")).get("id").asString();
		try {
			assertThat(this.netSuite.records("customer").get(id)).containsEntry("externalId", externalId);
			assertThat(read(get(externalId)).get("companyName").asString()).isEqualTo("Tokyo");
		}
		finally {
			this.netSuite.records("customer").remove(id);
		}
	}

	@Test
	void readsAnExternalIdWithAPipeButRefusesToUpsertOne() {
		this.netSuite.records("customer").put(9001, Map.of("companyName", "Red", "externalId", "RED|PO|1337"));
		try {
			assertThat(read(get("RED|PO|1337")).get("id").asString()).isEqualTo("9001");
			ResponseEntity<String> refused = put("RED|PO|1338", "{\"companyName\":\"x\"}");
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(this.netSuite.records("customer").findByExternalId("RED|PO|1338")).isNull();
		}
		finally {
			this.netSuite.records("customer").remove(9001);
		}
	}

	@Test
	void answersAnUnknownExternalIdWithNetSuites404() {
		ResponseEntity<String> response = get("NO-SUCH-ID");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(read(response).get("errorCode").asString()).isEqualTo("NONEXISTENT_ID");
	}

	private ResponseEntity<String> put(String externalId, String body) {
		return this.http.put()
			.uri(external(externalId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> get(String externalId) {
		return this.http.get().uri(external(externalId)).retrieve().toEntity(String.class);
	}

	// The external ID as one path segment, percent-encoded as UTF-8
	private URI external(String externalId) {
		return UriComponentsBuilder.fromUriString("http://localhost:" + this.port + "/customers/external/{id}")
			.encode()
			.buildAndExpand(externalId)
			.toUri();
	}

	private static JsonNode read(ResponseEntity<String> response) {
		assertThat(response.getBody()).as("the body of a %s answer", response.getStatusCode()).isNotNull();
		return json.readTree(response.getBody());
	}

}
