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

import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample end to end on OAuth 2.0 client credentials: given {@code netsuite.account},
 * the URLs and the {@code netsuite.oauth2.*} keys of a double that accepts only OAuth 2.0,
 * it reads and creates records and reports its health as on TBA.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "netsuite.health.cache-ttl=0s")
class SampleOAuth2Tests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final NetSuiteDouble netSuite = NetSuiteDouble.builder().oauth2(true).build().start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void oauth2(DynamicPropertyRegistry registry) {
		netSuite.oauth2Properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@AfterAll
	static void stop() {
		netSuite.stop();
	}

	@Test
	void readsAndCreatesCustomersWithBearerTokens() {
		netSuite.records("customer").put(1, Map.of("companyName", "Acme"));
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		JsonNode customer = json.readTree(http.get().uri("/customers/1").retrieve().body(String.class));
		assertThat(customer.get("companyName").asString()).isEqualTo("Acme");
		ResponseEntity<String> created = http.post()
			.uri("/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"companyName\":\"Beta\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(netSuite.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
		assertThat(netSuite.tokenRequestCount()).isOne();
	}

	@Test
	void reportsHealthWithTheTokensRemainingLifetime() {
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		JsonNode health = json.readTree(http.get().uri("/actuator/health/netsuite").retrieve().body(String.class));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").has("accessTokenExpiresIn")).isTrue();
	}

}
