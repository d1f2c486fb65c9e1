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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.RestletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample end to end, over HTTP, with no NetSuite credential configured: it runs on the
 * embedded NetSuite double it starts itself, which checks every request's signature as
 * NetSuite does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	private RestClient http;

	@BeforeEach
	void httpClient() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@AfterEach
	void resetFaults() {
		this.netSuite.reset();
	}

	@Test
	void listsEveryDemoCustomerInOrderAcrossThreeSuiteQlPages() {
		long before = this.netSuite.requestCount();
		ResponseEntity<String> response = get("/customers");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode customers = read(response);
		assertThat(customers.size()).isEqualTo(2_500);
		for (int i = 0; i < 2_500; i++) {
			assertThat(customers.get(i).get("id").asString()).isEqualTo(String.valueOf(i + 1));
		}
		assertThat(customers.get(0).get("companyname").asString()).isEqualTo("Demo Customer 1");
		assertThat(customers.get(0).get("email").asString()).isEqualTo("customer1@example.com");
		assertThat(this.netSuite.requestCount() - before).isEqualTo(3);
	}

	@Test
	void stopsEarlyAtMaxAndFetchesOnlyWhatItNeeds() {
		long before = this.netSuite.requestCount();
		JsonNode customers = read(get("/customers?max=3"));
		assertThat(customers.valueStream().map((customer) -> customer.get("id").asString())).containsExactly("1", "2",
				"3");
		assertThat(this.netSuite.requestCount() - before).isEqualTo(1);
		assertThat(read(get("/customers?max=1500")).size()).isEqualTo(1_500);
		assertThat(get("/customers?max=-1").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(read(get("/customers?max=0")).size()).isZero();
	}

	@Test
	void sendsEveryCustomerItHadThenBreaksTheConnectionWhenALaterPageFails() throws Exception {
		// The first page answers; the pages fetched ahead are held long enough to fail them
		// once the answer has begun
		this.netSuite.latency(Duration.ofSeconds(1));
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<InputStream> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/customers")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		this.netSuite.failNext(2, 400);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (InputStream in = response.body()) {
			// The connection ends without the chunked answer's end
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> in.transferTo(body));
		}
		String customers = body.toString(StandardCharsets.UTF_8);
		// No error page nor problem detail after the array (Boot's would say "status":200,"error":"OK"),
		// and never a valid, shorter array: the customers of the first page, whole, and the array left open
		assertThat(customers).doesNotContain("\"error\"", "\"status\"", "netsuiteStatus", "errorCode")
			.doesNotEndWith("]");
		JsonNode firstPage = json.readTree(customers + "]");
		assertThat(firstPage.size()).isEqualTo(1_000);
		for (int i = 0; i < 1_000; i++) {
			assertThat(firstPage.get(i).get("id").asString()).isEqualTo(String.valueOf(i + 1));
			assertThat(firstPage.get(i).get("email").asString()).isEqualTo("customer" + (i + 1) + "@example.com");
		}
	}

	@Test
	void answersAFailingFirstPageAsAProblemWithNetSuitesStatusBeforeAnyCustomer() {
		this.netSuite.failNext(1, 400);
		ResponseEntity<String> response = get("/customers");
		// NetSuite refused the request's content: 422 to the sample's caller
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).doesNotContain("Demo Customer");
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(400);
		assertThat(problem.get("errorCode").asString()).isEqualTo("UNEXPECTED_ERROR");
		assertThat(problem.get("detail").asString()).contains("/services/rest/query/v1/suiteql");
		assertThat(problem.get("instance").asString()).isEqualTo("/customers");
	}

	@Test
	void writesTheCustomersAsTheyArriveRatherThanAsOneBufferedAnswer() {
		ResponseEntity<String> response = get("/customers");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		// Written while the pages arrive: no length is known up front
		assertThat(response.getHeaders().getContentLength()).isEqualTo(-1);
		assertThat(response.getHeaders().getFirst("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(read(response).size()).isEqualTo(2_500);
	}

	@Test
	void readsOneCustomerRecord() {
		ResponseEntity<String> response = get("/customers/42");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode customer = read(response);
		assertThat(customer.get("id").asString()).isEqualTo("42");
		assertThat(customer.get("companyName").asString()).isEqualTo("Demo Customer 42");
		assertThat(customer.get("entityId").asString()).isEqualTo("CUST00042");
	}

	@Test
	void answersAMissingCustomerWithNetSuites404AsAProblem() {
		ResponseEntity<String> response = get("/customers/999999");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(404);
		assertThat(problem.get("errorCode").asString()).isEqualTo("NONEXISTENT_ID");
		// As the README's example shows it
		assertThat(problem.get("netsuiteDetail").asString())
			.isEqualTo("The record instance does not exist. Provide a valid record instance ID.");
		// Without the account: the caller does not learn the NetSuite account ID
		assertThat(problem.get("detail").asString())
			.startsWith("NetSuite answered 404 NONEXISTENT_ID to GET /services/rest/record/v1/customer/999999: "
					+ "The record instance does not exist.");
		assertThat(response.getBody()).doesNotContain("Account '", this.netSuite.account());
		assertThat(problem.get("instance").asString()).isEqualTo("/customers/999999");
	}

	@Test
	void createsACustomerThatCanThenBeRead() {
		ResponseEntity<String> response = this.http.post()
			.uri("/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"companyName\":\"Acme Test\",\"email\":\"acme@example.com\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = read(response).get("id").asString();
		try {
			assertThat(id).matches("\\d+").isNotIn("1", "2500");
			assertThat(response.getHeaders().getLocation()).hasPath("/customers/" + id);
			JsonNode customer = read(get("/customers/" + id));
			assertThat(customer.get("companyName").asString()).isEqualTo("Acme Test");
			assertThat(customer.get("email").asString()).isEqualTo("acme@example.com");
		}
		finally {
			this.netSuite.records("customer").remove(id);
		}
	}

	@Test
	void passesEveryQueryParameterOfAGetToTheRestlet() {
		ResponseEntity<String> response = get("/restlets/customscript_echo/customdeploy_echo?status=open&q={q}",
				"a & b = c+d é");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode echo = read(response);
		assertThat(echo.get("method").asString()).isEqualTo("GET");
		assertThat(echo.get("parameters").get("script").asString()).isEqualTo("customscript_echo");
		assertThat(echo.get("parameters").get("deploy").asString()).isEqualTo("customdeploy_echo");
		assertThat(echo.get("parameters").get("status").asString()).isEqualTo("open");
		assertThat(echo.get("parameters").get("q").asString()).isEqualTo("a & b = c+d é");
	}

	@Test
	void answersWithTheRestletsOwnAnswer() {
		JsonNode answer = read(get("/restlets/customscript_hello/customdeploy_hello?name=Ada"));
		assertThat(answer.get("greeting").asString()).isEqualTo("Hello, Ada!");
	}

	@Test
	void greetsThroughTheRestletCalledByADeclaredInterface() {
		JsonNode answer = read(get("/greetings?name=Ada"));
		assertThat(answer.get("greeting").asString()).isEqualTo("Hello, Ada!");
		assertThat(answer.get("method").asString()).isEqualTo("GET");
	}

	@Test
	void answersNoContentForARestletThatAnsweredNothing() {
		this.netSuite.restlet("customscript_quiet", "customdeploy_quiet", (call) -> RestletResponse.text(""));
		ResponseEntity<String> response = get("/restlets/customscript_quiet/customdeploy_quiet");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(response.getBody()).isNull();
	}

	@Test
	void passesThePostBodyAndParametersToTheRestlet() {
		ResponseEntity<String> response = this.http.post()
			.uri("/restlets/customscript_echo/customdeploy_echo?mode=test")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"order\":17,\"lines\":[1,2]}")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode echo = read(response);
		assertThat(echo.get("method").asString()).isEqualTo("POST");
		assertThat(echo.get("parameters").get("mode").asString()).isEqualTo("test");
		assertThat(echo.get("body").toString()).isEqualTo("{\"order\":17,\"lines\":[1,2]}");
	}

	@Test
	void answersAFailingRestletAsABadGatewayWithNetSuitesStatusAndCode() {
		ResponseEntity<String> response = get("/restlets/customscript_fail/customdeploy_fail");
		// The script's own failure, not the caller's: 502
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(400);
		assertThat(problem.get("errorCode").asString()).isNotBlank();
	}

	@Test
	void answersADisabledRoleAsABadGatewayWithNetSuites401AndItsDetail() {
		this.netSuite.roleDisabled(true);
		ResponseEntity<String> response = get("/customers?max=1");
		// The sample's credentials, not its caller's: 502, never the caller's 401
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("netsuiteStatus").asInt()).isEqualTo(401);
		assertThat(problem.get("errorCode").asString()).startsWith("INVALID_LOGIN");
		assertThat(problem.get("netsuiteDetail").asString()).isEqualTo("Login access has been disabled for this role.");
		assertThat(problem.get("hint").asString()).isNotBlank();
		assertThat(response.getBody()).doesNotContain(this.netSuite.consumerSecret(), this.netSuite.tokenSecret(),
				this.netSuite.tokenId(), this.netSuite.consumerKey());
	}

	@Test
	void healthIsUpWithDetails() {
		ResponseEntity<String> response = get("/actuator/health");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode health = read(response);
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode netSuite = health.path("components").path("netsuite");
		if (!netSuite.isMissingNode()) {
			assertThat(netSuite.get("status").asString()).isEqualTo("UP");
		}
		assertThat(response.getBody()).doesNotContain(this.netSuite.consumerSecret(), this.netSuite.tokenSecret());
	}

	@Test
	void exposesMetricsAndInfo() {
		get("/customers?max=1");
		ResponseEntity<String> metrics = get("/actuator/metrics");
		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(metrics).get("names").valueStream().map(JsonNode::asString)).contains("http.server.requests",
				"http.client.requests");
		ResponseEntity<String> info = get("/actuator/info");
		assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(info).path("app").path("name").asString()).isEqualTo("netsuite-sample");
	}

	private ResponseEntity<String> get(String uri, Object... variables) {
		return this.http.get().uri(uri, variables).retrieve().toEntity(String.class);
	}

	private static JsonNode read(ResponseEntity<String> response) {
		assertThat(response.getBody()).as("the body of a %s answer", response.getStatusCode()).isNotNull();
		return json.readTree(response.getBody());
	}

}
