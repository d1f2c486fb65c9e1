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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code /accounts/{name}/customers/{id}} end to end, over HTTP: the primary
 * account on the sample's own double, a second account {@code eu} on a double of its own
 * with other credentials, and a third, {@code offline}, at a loopback port where nothing
 * listens.
 */
// Short back-offs: the throttled and the unreachable account are retried as ever, only sooner
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "netsuite.health.cache-ttl=0s",
		"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms" })
class SampleAccountsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final NetSuiteDouble eu = NetSuiteDouble.builder()
		.account("7654321")
		.consumerKey("eu-consumer-key")
		.consumerSecret("eu-consumer-secret")
		.tokenId("eu-token-id")
		.tokenSecret("eu-token-secret")
		.build()
		.start();

	@LocalServerPort
	private int port;

	private RestClient http;

	private static final int closedPort = closedPort();

	@DynamicPropertySource
	static void euAccount(DynamicPropertyRegistry registry) {
		eu.properties()
			.forEach((key, value) -> registry.add(key.replace("netsuite.", "netsuite.accounts.eu."), () -> value));
		// eu's credentials, but nothing listens where its requests go
		eu.properties()
			.forEach((key, value) -> registry.add(key.replace("netsuite.", "netsuite.accounts.offline."), () -> value));
		registry.add("netsuite.accounts.offline.rest-url", () -> "http://127.0.0.1:" + closedPort);
		registry.add("netsuite.accounts.offline.restlet-url", () -> "http://127.0.0.1:" + closedPort);
	}

	// A loopback port that was free a moment ago, and is closed again
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void stopEu() {
		eu.stop();
	}

	@BeforeEach
	void httpClient() {
		// The JDK's client: Apache HttpClient's would honour a 503's Retry-After and ask again
		this.http = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		eu.reset();
		eu.clearData();
		eu.records("customer").put(1, Map.of("companyName", "EU Customer 1"));
	}

	@Test
	void readsACustomerOfTheNamedAccountFromItsOwnNetSuite() {
		ResponseEntity<String> response = get("/accounts/eu/customers/1");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(response).get("companyName").asString()).isEqualTo("EU Customer 1");
		assertThat(eu.loginAuditTrail()).isNotEmpty().allSatisfy((attempt) -> assertThat(attempt.successful()).isTrue());
	}

	@Test
	void readsACustomerOfThePrimaryAccountByItsName() {
		ResponseEntity<String> response = get("/accounts/primary/customers/1");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(response).get("companyName").asString()).isEqualTo("Demo Customer 1");
	}

	@Test
	void answersAnUnknownAccountWith404NamingTheKnownOnes() {
		ResponseEntity<String> response = get("/accounts/apac/customers/1");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode body = read(response);
		assertThat(body.get("detail").asString()).contains("'apac'");
		assertThat(body.get("accounts").valueStream().map(JsonNode::asString)).containsExactly("primary", "eu",
				"offline");
	}

	@Test
	void answersAnUnreachableNetSuiteAsAProblemNamingItsHost() {
		ResponseEntity<String> response = get("/accounts/offline/customers/1");
		// Nothing accepts the connection: unavailable for now, and worth a later try
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains("127.0.0.1:" + closedPort, "connection refused",
				"/services/rest/record/v1/customer/1");
		assertThat(problem.get("hint").asString()).contains("netsuite.rest-url");
		// No NetSuite status there was none: never "status":0
		assertThat(problem.has("netsuiteStatus")).isFalse();
		assertThat(response.getBody()).doesNotContain("\"status\":0", eu.consumerSecret(), eu.tokenSecret());
	}

	@Test
	void answersAThrottledNamedAccountWith503AndRetryAfter() {
		// Every attempt, retries included, is refused for NetSuite's concurrency limit
		eu.failNext(100, 429);
		ResponseEntity<String> response = get("/accounts/eu/customers/1");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(429);
		assertThat(problem.get("errorCode").asString()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
		assertThat(problem.get("netsuiteDetail").asString()).contains("Concurrent request limit exceeded");
	}

	@Test
	void reportsEachAccountsHealthAsAComponentOfItsOwn() {
		eu.roleDisabled(true);
		try {
			JsonNode netsuite = read(get("/actuator/health/netsuite"));
			assertThat(netsuite.get("components").get("primary").get("status").asString()).isEqualTo("UP");
			JsonNode euHealth = read(get("/actuator/health/netsuite/eu"));
			assertThat(euHealth.get("status").asString()).isEqualTo("DOWN");
			assertThat(euHealth.get("details").get("realm").asString()).isEqualTo("7654321");
		}
		finally {
			eu.roleDisabled(false);
		}
	}

	private ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(String.class);
	}

	private static JsonNode read(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}

}
