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
package io.github.netsuite.boot.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuitePermitTimeoutException;
import io.github.netsuite.boot.NetSuiteQueryLimitException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tests for {@link NetSuiteProblemDetailsExceptionHandler} in a Spring MVC application on
 * MockMvc: a controller reads from NetSuite (WireMock on loopback) or throws each kind of
 * {@link NetSuiteException}, and the caller gets a problem detail with the mapped status.
 */
class NetSuiteProblemDetailsMockMvcTests {

	@RegisterExtension
	static WireMockExtension netsuite = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String CONSUMER_SECRET = "consumer-secret-value";

	private static final String TOKEN_SECRET = "token-secret-value";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
				NetSuiteProblemDetailsAutoConfiguration.class))
		.withUserConfiguration(ApplicationConfiguration.class)
		.withPropertyValues("netsuite.web.problem-details.enabled=true",
				"netsuite.web.problem-details.retry-after=7s",
				"test.netsuite-url=" + netsuite.baseUrl());

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void answersTheDetailWithoutTheAccountButLogsIt(CapturedOutput output) {
		stubCustomer(500, "UNEXPECTED_ERROR", "An unexpected error occurred.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			assertThat(json(result).path("detail").asString())
				.isEqualTo("NetSuite answered 500 UNEXPECTED_ERROR to GET /services/rest/record/v1/customer/42: "
						+ "An unexpected error occurred.");
			assertThat(body(result)).doesNotContain("1234567", "Account ");
		});
		// The application's own log keeps the account: it is the one to look at
		assertThat(output).contains("1234567_SB1): NetSuite answered 500 UNEXPECTED_ERROR to GET "
				+ "/services/rest/record/v1/customer/42");
	}

	@Test
	void answersNetSuitesNotFoundAs404WithItsCodeAndDetailButNotTheQuery() {
		stubCustomer(404, "NONEXISTENT_ID", "The record instance does not exist. Provide a valid record instance ID.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			JsonNode problem = json(result);
			assertThat(problem.path("status").asInt()).isEqualTo(404);
			assertThat(problem.path("netsuiteStatus").asInt()).isEqualTo(404);
			assertThat(problem.path("errorCode").asString()).isEqualTo("NONEXISTENT_ID");
			assertThat(problem.path("netsuiteDetail").asString()).startsWith("The record instance does not exist.");
			assertThat(problem.path("detail").asString()).contains("GET /services/rest/record/v1/customer/42");
			assertThat(problem.path("instance").asString()).isEqualTo("/customers/42");
			// The controller asked NetSuite for ?fields=email: NetSuite saw it, the caller does not
			assertThat(netsuite.getAllServeEvents().get(0).getRequest().getUrl()).contains("fields=email");
			assertThat(body(result)).doesNotContain("fields=").doesNotContain("?");
		});
	}

	@Test
	void answersNetSuitesValidationErrorAs422() {
		stubCustomer(400, "USER_ERROR", "Invalid value for the field email.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(422);
			JsonNode problem = json(result);
			assertThat(problem.path("netsuiteStatus").asInt()).isEqualTo(400);
			assertThat(problem.path("errorCode").asString()).isEqualTo("USER_ERROR");
			assertThat(problem.path("netsuiteDetail").asString()).isEqualTo("Invalid value for the field email.");
		});
	}

	@Test
	void answersNetSuitesThrottlingAs503WithRetryAfter() {
		stubCustomer(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(503);
			assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
			JsonNode problem = json(result);
			assertThat(problem.path("netsuiteStatus").asInt()).isEqualTo(429);
			assertThat(problem.path("errorCode").asString()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
			assertThat(problem.path("hint").asString()).contains("netsuite.concurrency.limit");
		});
	}

	@Test
	void answersARefusedLoginAs502WithTheHintAndNoSecret() {
		stubCustomer(401, "INVALID_LOGIN", "Invalid login attempt.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			JsonNode problem = json(result);
			assertThat(problem.path("netsuiteStatus").asInt()).isEqualTo(401);
			assertThat(problem.path("errorCode").asString()).isEqualTo("INVALID_LOGIN");
			assertThat(problem.path("hint").asString()).isNotBlank();
			// NetSuite did see a signed request; the caller sees none of its secrets
			assertThat(netsuite.getAllServeEvents().get(0).getRequest().getHeader(HttpHeaders.AUTHORIZATION))
				.startsWith("OAuth ");
			assertThat(body(result)).doesNotContain(CONSUMER_SECRET)
				.doesNotContain(TOKEN_SECRET)
				.doesNotContain("oauth_signature");
		});
	}

	@Test
	void answersAMissingPermissionAs502() {
		stubCustomer(403, "INSUFFICIENT_PERMISSION", "Permission Violation: You need the Lists -> Customers permission.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			assertThat(json(result).path("errorCode").asString()).isEqualTo("INSUFFICIENT_PERMISSION");
		});
	}

	@Test
	void answersNetSuitesServerErrorAs502AndItsUnavailabilityAs503() {
		stubCustomer(500, "UNEXPECTED_ERROR", "An unexpected error occurred.");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNull();
		});
		stubCustomer(503, null, "Service Unavailable");
		answer("/customers/42", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(503);
			assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		});
	}

	@Test
	void answersARefusedConnectionAs503NamingTheHost() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.runner.withPropertyValues("test.netsuite-url=http://127.0.0.1:" + closedPort).run((context) -> {
			MvcResult result = mockMvc(context).perform(get("/customers/42")).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(503);
			JsonNode problem = json(result);
			assertThat(problem.has("netsuiteStatus")).isFalse();
			assertThat(problem.path("netsuiteDetail").asString()).isEqualTo("connection refused");
			assertThat(problem.path("detail").asString()).contains("127.0.0.1:" + closedPort);
		});
	}

	@Test
	void answersTimeoutsAs504() {
		answer("/fail/attempt-timeout", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(504);
			JsonNode problem = json(result);
			assertThat(problem.path("detail").asString()).contains("netsuite.attempt-timeout");
			assertThat(problem.path("mayHaveExecuted").asBoolean()).isTrue();
		});
		answer("/fail/read-timeout", (result) -> assertThat(result.getResponse().getStatus()).isEqualTo(504));
		answer("/fail/connect-timeout", (result) -> assertThat(result.getResponse().getStatus()).isEqualTo(504));
	}

	@Test
	void answersAnUnknownHostAs502() {
		answer("/fail/unknown-host", (result) -> assertThat(result.getResponse().getStatus()).isEqualTo(502));
	}

	@Test
	void answersAPermitTimeoutAs503WithRetryAfter() {
		answer("/fail/permit-timeout", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(503);
			assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
			assertThat(json(result).path("hint").asString()).isEqualTo("Raise netsuite.concurrency.limit");
		});
	}

	@Test
	void answersARedirectAs502WithoutTheLocationsQuery() {
		answer("/fail/redirect", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			JsonNode problem = json(result);
			assertThat(problem.path("netsuiteStatus").asInt()).isEqualTo(302);
			assertThat(problem.path("netsuiteDetail").asString()).contains("https://login.example.test/sso");
			assertThat(body(result)).doesNotContain("ticket").doesNotContain("s3cr3t");
		});
	}

	@Test
	void answersAnUnreadableAnswerAs502() {
		answer("/fail/unreadable", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(502);
			JsonNode problem = json(result);
			assertThat(problem.path("netsuiteDetail").asString()).contains("cut short");
			assertThat(problem.has("mayHaveExecuted")).isFalse();
		});
	}

	@Test
	void answersTheApplicationsTooBigQueryAs500() {
		answer("/fail/query-limit", (result) -> assertThat(result.getResponse().getStatus()).isEqualTo(500));
	}

	@Test
	void leavesAControllersOwnHandlerInCharge() {
		answer("/own/fail", (result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(409);
			assertThat(body(result)).isEqualTo("handled by the controller");
		});
	}

	private void answer(String path, Consumer<MvcResult> assertions) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertions.accept(mockMvc(context).perform(get(path)).andReturn());
		});
	}

	private static MockMvc mockMvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	private static void stubCustomer(int status, String errorCode, String detail) {
		netsuite.resetAll();
		String error = (errorCode != null)
				? "{\"o:errorDetails\":[{\"detail\":\"" + detail + "\",\"o:errorCode\":\"" + errorCode + "\"}]}"
				: "{\"title\":\"" + detail + "\"}";
		netsuite.stubFor(WireMock.get(urlPathEqualTo("/services/rest/record/v1/customer/42")).willReturn(aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
			.withBody(error)));
	}

	private static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(MvcResult result) {
		return JsonMapper.shared().readTree(body(result));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConfiguration {

		@Bean
		NetSuiteClient netSuiteClient(Environment environment) {
			TbaSigner signer = new TbaSigner(AccountId.of("1234567_SB1"),
					new TbaCredentials("ck", CONSUMER_SECRET, "tk", TOKEN_SECRET),
					Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC), () -> "fixedNonce123");
			URI url = URI.create(environment.getRequiredProperty("test.netsuite-url"));
			return NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
				.restUrl(url)
				.restletUrl(url)
				.tba(signer)
				.noRetry()
				.noConcurrencyLimit()
				.build()
				.client();
		}

		@Bean
		CustomerController customerController(NetSuiteClient client) {
			return new CustomerController(client);
		}

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

		@Bean
		OwnHandlerController ownHandlerController() {
			return new OwnHandlerController();
		}

	}

	@RestController
	static class CustomerController {

		private final NetSuiteClient client;

		CustomerController(NetSuiteClient client) {
			this.client = client;
		}

		@GetMapping("/customers/{id}")
		Map<String, Object> customer(@PathVariable String id) {
			return this.client.record("customer", id).fields("email").get();
		}

	}

	@RestController
	static class FailingController {

		private static final String PATH = "/services/rest/record/v1/customer/42";

		@GetMapping("/fail/{kind}")
		String fail(@PathVariable String kind) {
			throw switch (kind) {
				case "attempt-timeout" -> new NetSuiteTimeoutException(Duration.ofSeconds(1),
						"netsuite.attempt-timeout", true, "GET", PATH, null, null);
				case "read-timeout" -> connection(NetSuiteConnectionException.Reason.READ_TIMEOUT);
				case "connect-timeout" -> connection(NetSuiteConnectionException.Reason.CONNECT_TIMEOUT);
				case "unknown-host" -> connection(NetSuiteConnectionException.Reason.UNKNOWN_HOST);
				case "permit-timeout" -> new NetSuitePermitTimeoutException("GET", PATH,
						"no permit within 30s", "Raise netsuite.concurrency.limit");
				case "redirect" -> new NetSuiteRedirectException(302,
						"https://login.example.test/sso?ticket=s3cr3t", "GET", PATH, null);
				case "unreadable" -> new NetSuiteUnreadableAnswerException(
						NetSuiteUnreadableAnswerException.Reason.CUT_SHORT, 200, "application/json", false, "GET",
						PATH, null);
				case "query-limit" -> new NetSuiteQueryLimitException("more than 100000 rows",
						"End the query with ORDER BY id");
				default -> new IllegalArgumentException(kind);
			};
		}

		private static NetSuiteConnectionException connection(NetSuiteConnectionException.Reason reason) {
			return new NetSuiteConnectionException(reason, "1234567-sb1.suitetalk.api.netsuite.com", "GET", PATH,
					null, null);
		}

	}

	@RestController
	static class OwnHandlerController {

		@GetMapping("/own/fail")
		String fail() {
			throw new NetSuiteException(404, "NONEXISTENT_ID", "gone", "GET", "/x", null);
		}

		@ExceptionHandler(NetSuiteException.class)
		ResponseEntity<String> handle(NetSuiteException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body("handled by the controller");
		}

	}

}
