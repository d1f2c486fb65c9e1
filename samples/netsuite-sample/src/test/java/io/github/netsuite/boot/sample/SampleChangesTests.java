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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample with {@code --sample.changes=true}: customers created through its endpoint and
 * deleted come back from {@code GET /changes}, in order, once their minute is over on the
 * double's clock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.changes=true", "netsuite.changes.poll-interval=50ms" })
class SampleChangesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void customersCreatedAndDeletedComeBackFromChangesInOrder() {
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		// The feed started at the minute of the double's clock; changes go in the next one
		this.netSuite.time(Instant.now().plus(Duration.ofMinutes(1)));
		JsonNode created = json.readTree(http.post()
			.uri("/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("companyName", "Followed"))
			.retrieve()
			.body(String.class));
		String id = created.get("id").asString();
		this.netSuite.advanceTime(Duration.ofMinutes(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> changes(http).size() == 1);
		this.netSuite.records("customer").remove(id);
		this.netSuite.advanceTime(Duration.ofMinutes(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> changes(http).size() == 2);
		JsonNode changes = changes(http);
		assertThat(changes.get(0).get("type").asString()).isEqualTo("customer");
		assertThat(changes.get(0).get("id").asString()).isEqualTo(id);
		assertThat(changes.get(0).get("change").asString()).isEqualTo("created");
		assertThat(changes.get(1).get("id").asString()).isEqualTo(id);
		assertThat(changes.get(1).get("change").asString()).isEqualTo("deleted");
	}

	private static JsonNode changes(RestClient http) {
		return json.readTree(http.get().uri("/changes").retrieve().body(String.class));
	}

}
