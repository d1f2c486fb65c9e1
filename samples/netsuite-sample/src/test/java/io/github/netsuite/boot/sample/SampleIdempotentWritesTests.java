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

import java.util.Map;

import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * {@code POST /customers} end to end with {@code netsuite.records.exactly-once-writes=true},
 * on the embedded double while it loses the answer to the create.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netsuite.records.exactly-once-writes=true", "netsuite.async.poll-interval=10ms",
				"netsuite.retry.initial-backoff=10ms" })
class SampleIdempotentWritesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	@AfterEach
	void resetFaults() {
		this.netSuite.reset();
	}

	@Test
	void createsEachCustomerOnceAndAnswers201WithItsIdEvenWhenNetSuitesAnswerIsLost() {
		// The second create's submission loses its answer; its repeat finds the original job
		this.netSuite.loseAnswers(2);
		int before = this.netSuite.records("customer").size();
		String first = create("Exactly Once Ltd");
		String second = create("Exactly Once Too Ltd");
		assertThat(this.netSuite.lostAnswerCount()).isOne();
		assertThat(this.netSuite.records("customer").size()).isEqualTo(before + 2);
		assertThat(this.netSuite.records("customer").get(first)).containsEntry("companyname", "Exactly Once Ltd");
		assertThat(this.netSuite.records("customer").get(second)).containsEntry("companyname", "Exactly Once Too Ltd");
	}

	private String create(String name) {
		ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("companyname", name))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = json.readTree(response.getBody()).get("id").asString();
		assertThat(response.getHeaders().getLocation()).hasToString("/customers/" + id);
		return id;
	}

}
