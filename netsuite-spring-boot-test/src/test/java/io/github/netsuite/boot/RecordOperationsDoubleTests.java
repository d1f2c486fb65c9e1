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
package io.github.netsuite.boot;

import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.ReceivedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Transforms, actions, external IDs and sublists through {@link NetSuiteClient} as
 * auto-configured, against the NetSuite double: one call each, as on NetSuite.
 */
@SpringBootTest(classes = RecordOperationsDoubleTests.TestApplication.class)
@EnableNetSuiteDouble
class RecordOperationsDoubleTests {

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@BeforeEach
	void seed() {
		for (String type : List.of("customer", "salesOrder", "invoice", "itemFulfillment", "vendorPayment")) {
			this.netSuite.records(type).clear();
		}
		this.netSuite.records("customer").put(42, Map.of("companyName", "Acme"));
		this.netSuite.records("salesOrder")
			.put(5, Map.of("entity", Map.of("id", "42"), "item",
					Map.of("items", List.of(Map.of("item", Map.of("id", "7"), "quantity", 3, "rate", 10),
							Map.of("item", Map.of("id", "8"), "quantity", 1, "rate", 25)))));
	}

	@Test
	void takesASalesOrderToCashWithOneCallPerStep() {
		String fulfillment = this.client.record("salesOrder", "5").transform("itemFulfillment");
		String invoice = this.client.record("salesOrder", "5").transform("invoice");
		assertThat(paths("POST")).containsSubsequence("/services/rest/record/v1/salesOrder/5/!transform/itemFulfillment",
				"/services/rest/record/v1/salesOrder/5/!transform/invoice");
		assertThat(this.netSuite.records("itemFulfillment").get(fulfillment)).containsEntry("createdFrom",
				Map.of("id", "5"));
		Map<String, Object> read = this.client.record("invoice", invoice).expandSubResources().get();
		assertThat(read).containsEntry("createdFrom", Map.of("id", "5")).containsEntry("entity", Map.of("id", "42"));
		assertThat(this.client.record("invoice", invoice).sublist("item").stream())
			.extracting((line) -> line.get("orderLine"), (line) -> line.get("amount"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 30), org.assertj.core.groups.Tuple.tuple(2, 25));
	}

	@Test
	void invoicesPartOfAnOrderWithTheLinesGiven() {
		String invoice = this.client.record("salesOrder", "5")
			.transform("invoice", Map.of("memo", "First part", "item",
					Map.of("items", List.of(Map.of("orderLine", 1, "quantity", 2)))));
		Map<String, Object> stored = this.netSuite.records("invoice").get(invoice);
		assertThat(stored).containsEntry("memo", "First part");
		assertThat(stored.get("item")).asString().contains("quantity=2").doesNotContain("orderLine=2");
	}

	@Test
	void refusesToInvoiceAFullyInvoicedOrderAgainWithNetSuitesError() {
		this.client.record("salesOrder", "5").transform("invoice");
		assertThatExceptionOfType(NetSuiteException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "5").transform("invoice"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getDetail()).isEqualTo("You can not initialize invoice: invalid reference 5.");
			});
	}

	@Test
	void initializesAnInvoiceFromTheOrderWithoutSavingIt() {
		int before = this.netSuite.records("invoice").size();
		Map<String, Object> invoice = this.client.record("salesOrder", "5").initialize("invoice");
		assertThat(invoice).doesNotContainKey("id").containsEntry("createdFrom", Map.of("id", "5"));
		assertThat(this.netSuite.records("invoice").size()).isEqualTo(before);
	}

	@Test
	void runsARecordActionWithItsParameters() {
		this.netSuite.records("vendorPayment").put(3, Map.of("status", Map.of("refName", "Payment In-Transit")));
		this.client.record("vendorPayment", "3").action("confirm", Map.of("confirmationDate", "2026-01-31"));
		assertThat(this.netSuite.records("vendorPayment").get(3))
			.containsEntry("status", Map.of("refName", "Payment Confirmed"))
			.containsEntry("confirmationDate", "2026-01-31");
	}

	@Test
	void upsertsByExternalIdAnsweringTheInternalIdThenReadsItBack() {
		String created = this.client.records("customer").upsert("CRM-7781", Map.of("companyName", "First"));
		String updated = this.client.records("customer").upsert("CRM-7781", Map.of("companyName", "Second"));
		assertThat(created).matches("\\d+").isEqualTo(updated);
		assertThat(this.netSuite.records("customer").get(created)).containsEntry("externalId", "CRM-7781");
		Map<String, Object> read = this.client.records("customer").externalId("CRM-7781").get();
		assertThat(read).containsEntry("id", created).containsEntry("companyName", "Second");
		assertThat(paths("PUT")).contains("/services/rest/record/v1/customer/eid:CRM-7781");
	}

	@Test
	void replacesASublistSoThatItsOldLinesAreGone() {
		this.client.record("salesOrder", "5")
			.replacing("item")
			.update(Map.of("item", Map.of("items", List.of(Map.of("item", Map.of("id", "9"), "quantity", 4)))));
		List<Map<String, Object>> lines = this.client.record("salesOrder", "5").sublist("item").stream().toList();
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("item", Map.of("id", "9")).containsEntry("quantity", 4));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "5").sublist("item").line("1"));
	}

	@Test
	void addressesAnExternalIdWithSpacesAndLettersBeyondAsciiPercentEncoded() {
		String externalId = "Kunde Ünïcode 東京 \uD83D\uDE00";
		String id = this.client.records("customer").upsert(externalId, Map.of("companyName", "Tokyo"));
		assertThat(this.netSuite.records("customer").get(id)).containsEntry("externalId", externalId);
		assertThat(this.client.records("customer").externalId(externalId).get()).containsEntry("companyName", "Tokyo");
		assertThat(paths("PUT")).contains("/services/rest/record/v1/customer/eid:Kunde%20%C3%9Cn%C3%AFcode%20"
				+ "%E6%9D%B1%E4%BA%AC%20%F0%9F%98%80");
	}

	@Test
	void findsAnExternalIdWithAPipeByQueryAndRefusesToUpsertIt() {
		this.netSuite.records("customer").put(43, Map.of("companyName", "Red", "externalId", "RED|PO|1337"));
		assertThat(this.client.records("customer").externalId("RED|PO|1337").get()).containsEntry("id", "43");
		this.client.records("customer").externalId("RED|PO|1337").update(Map.of("email", "red@example.com"));
		assertThat(this.netSuite.records("customer").get(43)).containsEntry("email", "red@example.com");
		long before = this.netSuite.requestCount();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.records("customer").upsert("RED|PO|1338", Map.of("companyName", "x")))
			.withMessageContaining("RED|PO|1338");
		assertThat(this.netSuite.requestCount()).isEqualTo(before);
	}

	@Test
	void refusesAnUnknownFieldWhenAskedToWithNetSuitesValidationError() {
		assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> this.client.records("customer")
				.propertyValidation(PropertyValidation.ERROR, null)
				.create(Map.of("companyName", "New", "favouriteColour", "red")))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_FIELD"));
	}

	private List<String> paths(String method) {
		return this.netSuite.receivedRequests()
			.stream()
			.filter((request) -> request.method().equals(method))
			.map(ReceivedRequest::path)
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
