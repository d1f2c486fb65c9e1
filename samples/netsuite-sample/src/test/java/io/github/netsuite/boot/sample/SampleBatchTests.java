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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /customers/batch} end to end over HTTP, on the embedded double.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netsuite.batch.poll-interval=10ms", "netsuite.batch.max-poll-interval=40ms",
				"netsuite.retry.initial-backoff=10ms" })
class SampleBatchTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	@AfterEach
	void resetDouble() {
		this.netSuite.reset();
		this.netSuite.requiredFields("customer");
	}

	@Test
	void answersEachCustomerInOrderWithItsIdOrNetSuitesError() {
		this.netSuite.requiredFields("customer", "companyName");
		int before = this.netSuite.records("customer").size();
		JsonNode answers = post(List.of(Map.of("companyName", "Batch One Ltd"), Map.of("email", "nameless@example.com"),
				Map.of("companyName", "Batch Three Ltd")));
		assertThat(answers).hasSize(3);
		assertThat(this.netSuite.records("customer").get(answers.get(0).get("id").asString()))
			.containsEntry("companyName", "Batch One Ltd");
		assertThat(answers.get(1).has("id")).isFalse();
		assertThat(answers.get(1).get("error").get("status").asInt()).isEqualTo(400);
		assertThat(answers.get(1).get("error").get("errorCode").asString()).isEqualTo("USER_ERROR");
		assertThat(answers.get(1).get("error").get("detail").asString()).startsWith("Please enter value(s) for:");
		assertThat(this.netSuite.records("customer").get(answers.get(2).get("id").asString()))
			.containsEntry("companyName", "Batch Three Ltd");
		assertThat(this.netSuite.records("customer").size()).isEqualTo(before + 2);
	}

	@Test
	void createsMoreThanOneRequestsWorthOnceEachEvenWhenNetSuitesAnswerIsLost() {
		this.netSuite.loseAnswers(2);
		int before = this.netSuite.records("customer").size();
		List<Map<String, Object>> customers = IntStream.range(0, 230)
			.mapToObj((n) -> Map.<String, Object>of("companyName", "Bulk " + n))
			.toList();
		JsonNode answers = post(customers);
		assertThat(answers).hasSize(230);
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < 230; n++) {
			String id = answers.get(n).get("id").asString();
			assertThat(this.netSuite.records("customer").get(id)).containsEntry("companyName", "Bulk " + n);
			ids.add(id);
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(this.netSuite.lostAnswerCount()).isPositive();
		assertThat(this.netSuite.records("customer").size()).isEqualTo(before + 230);
	}

	private JsonNode post(List<Map<String, Object>> customers) {
		ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/customers/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.body(customers)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode answers = json.readTree(response.getBody());
		assertThat(answers.isArray()).isTrue();
		return answers;
	}

}
