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

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transforms and initialize (create-form) on the double.
 */
class TransformTests {

	private static final String ORDER = "/services/rest/record/v1/salesOrder/5";

	private static final String CREATE_FORM = "application/vnd.oracle.resource+json; type=create-form";

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
			.put(5, Map.of("entity", Map.of("id", "42"), "externalId", "SO-5", "currency", Map.of("id", "1"), "item",
					Map.of("items", List.of(Map.of("item", Map.of("id", "7"), "quantity", 3, "rate", 10),
							Map.of("item", Map.of("id", "8"), "quantity", 1, "rate", 99.5)))));
	}

	@Test
	void createsTheTargetRecordLinkedToItsSourceWithItsEntityAndLines() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice").send();
		assertThat(response.statusCode()).isEqualTo(204);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(netSuite.restUrl() + "/services/rest/record/v1/invoice/");
		Map<String, Object> invoice = netSuite.records("invoice").get(location.substring(location.lastIndexOf('/') + 1));
		assertThat(invoice).containsEntry("createdFrom", Map.of("id", "5"))
			.containsEntry("entity", Map.of("id", "42"))
			.containsEntry("currency", Map.of("id", "1"))
			.doesNotContainKey("externalId");
		assertThat(Sublists.lines(invoice.get("item"))).extracting("orderLine", "item", "quantity", "amount")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, Map.of("id", "7"), 3L, 30L),
					org.assertj.core.groups.Tuple.tuple(2, Map.of("id", "8"), 1L, 99.5));
	}

	@Test
	void setsTheFieldsOfTheBodyOnTheNewRecord() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", ORDER + "/!transform/itemFulfillment")
			.json("{\"memo\":\"Shipped by courier\",\"shipStatus\":\"C\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("itemFulfillment").all()).singleElement()
			.satisfies((fulfillment) -> assertThat(fulfillment).containsEntry("memo", "Shipped by courier")
				.containsEntry("shipStatus", "C"));
	}

	@Test
	void takesOnlyTheNamedLinesInAPartialTransform() {
		SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice")
			.json("{\"item\":{\"items\":[{\"orderLine\":1,\"quantity\":2}]}}")
			.send();
		Map<String, Object> invoice = netSuite.records("invoice").all().get(0);
		assertThat(Sublists.lines(invoice.get("item"))).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("orderLine", 1)
				.containsEntry("quantity", 2)
				.containsEntry("amount", 20L));
	}

	@Test
	void invoicesWhatEarlierInvoicesLeftOpen() {
		SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice")
			.json("{\"item\":{\"items\":[{\"orderLine\":1,\"quantity\":2}]}}")
			.send();
		SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice").send();
		Map<String, Object> second = netSuite.records("invoice").all().get(1);
		assertThat(Sublists.lines(second.get("item"))).extracting("orderLine", "quantity")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1L), org.assertj.core.groups.Tuple.tuple(2, 1L));
	}

	@Test
	void refusesToInvoiceAFullyInvoicedOrderAgain() {
		assertThat(SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice").send().statusCode())
			.isEqualTo(204);
		HttpResponse<String> again = SignedRequest.to(netSuite, "POST", ORDER + "/!transform/invoice").send();
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(errorCode(again)).isEqualTo("USER_ERROR");
		assertThat(json(again).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("You can not initialize invoice: invalid reference 5.");
		assertThat(netSuite.records("invoice").size()).isEqualTo(1);
	}

	@Test
	void transformsASourceNamedByExternalId() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/services/rest/record/v1/salesOrder/eid:SO-5/!transform/cashSale")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(netSuite.records("cashSale").all()).singleElement()
			.satisfies((sale) -> assertThat(sale).containsEntry("createdFrom", Map.of("id", "5")));
	}

	@Test
	void answersAnUnknownSourceWith404() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/services/rest/record/v1/salesOrder/6/!transform/invoice")
			.send();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(errorCode(response)).isEqualTo("NONEXISTENT_ID");
		assertThat(netSuite.records("invoice").size()).isZero();
	}

	@Test
	void refusesAPairNetSuiteDoesNotTransform() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", ORDER + "/!transform/vendorBill").send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("That is not a valid record transformation.");
		assertThat(netSuite.records("vendorBill").size()).isZero();
	}

	@Test
	void initializesATransformWithoutSavingIt() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", ORDER + "/!transform/invoice")
			.header("Accept", CREATE_FORM)
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).has("id")).isFalse();
		assertThat(json(response).at("/createdFrom/id").asText()).isEqualTo("5");
		assertThat(json(response).at("/item/items/1/orderLine").asInt()).isEqualTo(2);
		assertThat(netSuite.records("invoice").size()).isZero();
	}

	@Test
	void initializesANewRecordWithItsTypesDefaults() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", "/services/rest/record/v1/salesOrder")
			.header("Accept", CREATE_FORM)
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).contains("type=create-form"));
		assertThat(json(response).has("id")).isFalse();
		assertThat(json(response).get("tranDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(netSuite.records("salesOrder").size()).isEqualTo(1);
	}

}
