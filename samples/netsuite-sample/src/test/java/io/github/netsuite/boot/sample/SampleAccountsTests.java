package io.github.netsuite.boot.sample;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code /accounts/{name}/customers/{id}} end to end, over HTTP: the primary
 * account on the sample's own double, a second account {@code eu} on a double of its own
 * with other credentials.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "netsuite.health.cache-ttl=0s")
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

	@DynamicPropertySource
	static void euAccount(DynamicPropertyRegistry registry) {
		eu.properties()
			.forEach((key, value) -> registry.add(key.replace("netsuite.", "netsuite.accounts.eu."), () -> value));
	}

	@AfterAll
	static void stopEu() {
		eu.stop();
	}

	@BeforeEach
	void httpClient() {
		this.http = RestClient.builder()
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
		assertThat(body.get("accounts").valueStream().map(JsonNode::asString)).containsExactly("primary", "eu");
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
