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
 * Field selection and the validation headers on the double.
 */
class FieldValidationTests {

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
		netSuite.records("customer").put(42, Map.of("companyName", "Acme", "email", "a@example.com", "phone", "555"));
	}

	@Test
	void answersOnlyTheSelectedFieldsAndTheId() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "/42?fields=companyName,email").send();
		assertThat(json(response).properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("links", "id", "companyName", "email");
	}

	@Test
	void refusesAnUnknownFieldWithError() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42")
			.header(FieldValidation.NAME_HEADER, "Error")
			.json("{\"email\":\"b@example.com\",\"favouriteColour\":\"red\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("NONEXISTENT_FIELD");
		assertThat(json(response).at("/o:errorDetails/0/o:errorPath").asText()).isEqualTo("favouriteColour");
		assertThat(netSuite.records("customer").get(42)).containsEntry("email", "a@example.com");
	}

	@Test
	void writesTheKnownFieldsAndWarnsOfTheUnknownWithWarning() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42")
			.header(FieldValidation.NAME_HEADER, "Warning")
			.json("{\"email\":\"b@example.com\",\"favouriteColour\":\"red\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("X-NetSuite-Warning")).hasValueSatisfying(
				(warning) -> assertThat(warning).contains("favouriteColour"));
		assertThat(netSuite.records("customer").get(42)).containsEntry("email", "b@example.com")
			.doesNotContainKey("favouriteColour");
	}

	@Test
	void leavesOutTheUnknownFieldsSilentlyWithIgnore() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", CUSTOMER)
			.header(FieldValidation.NAME_HEADER, "Ignore")
			.json("{\"companyName\":\"New\",\"favouriteColour\":\"red\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("X-NetSuite-Warning")).isEmpty();
		assertThat(netSuite.records("customer").get(43)).containsEntry("companyName", "New")
			.doesNotContainKey("favouriteColour");
	}

	@Test
	void refusesAnInvalidValueWithError() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42")
			.header(FieldValidation.VALUE_HEADER, "Error")
			.json("{\"subsidiary\":\"Headquarters\"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("INVALID_CONTENT");
		assertThat(json(response).at("/o:errorDetails/0/o:errorPath").asText()).isEqualTo("subsidiary");
	}

	@Test
	void writesEveryFieldWithoutTheHeaders() {
		SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42").json("{\"favouriteColour\":\"red\"}").send();
		assertThat(netSuite.records("customer").get(42)).containsEntry("favouriteColour", "red");
	}

	@Test
	void refusesAValidationHeaderItDoesNotKnow() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "PATCH", CUSTOMER + "/42")
			.header(FieldValidation.NAME_HEADER, "Strict")
			.json("{}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/o:errorDetails/0/o:errorHeader").asText())
			.isEqualTo(FieldValidation.NAME_HEADER);
	}

}
