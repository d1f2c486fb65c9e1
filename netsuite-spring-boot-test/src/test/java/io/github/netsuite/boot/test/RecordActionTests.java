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
 * Record actions ({@code POST …/@action}) on the double.
 */
class RecordActionTests {

	private static final String PAYMENT = "/services/rest/record/v1/vendorPayment/3";

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
		netSuite.records("vendorPayment").put(3, Map.of("status", Map.of("refName", "Payment In-Transit")));
		netSuite.records("purchaseOrder").put(4, Map.of("memo", "Paper"));
	}

	@Test
	void confirmChangesTheStatusAndSetsItsParameters() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", PAYMENT + "/@confirm")
			.json("{\"confirmationDate\":\"2026-01-31\",\"exchangeRate\":\"4.2\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).at("/links/0/href").asText()).isEqualTo(netSuite.restUrl() + PAYMENT + "/@confirm");
		assertThat(netSuite.records("vendorPayment").get(3))
			.containsEntry("status", Map.of("refName", "Payment Confirmed"))
			.containsEntry("confirmationDate", "2026-01-31")
			.containsEntry("exchangeRate", "4.2");
	}

	@Test
	void runsWithoutParameters() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/services/rest/record/v1/purchaseOrder/4/@approve")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(netSuite.records("purchaseOrder").get(4)).containsEntry("approvalStatus",
				Map.of("id", "2", "refName", "Approved"));
	}

	@Test
	void refusesAnActionTheRecordTypeDoesNotHave() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", PAYMENT + "/@approve").send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("USER_ERROR");
		assertThat(netSuite.records("vendorPayment").get(3)).doesNotContainKey("approvalStatus");
	}

	@Test
	void answersAnActionOnAMissingRecordWith404() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/services/rest/record/v1/vendorPayment/9/@confirm")
			.send();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(errorCode(response)).isEqualTo("NONEXISTENT_ID");
	}

}
