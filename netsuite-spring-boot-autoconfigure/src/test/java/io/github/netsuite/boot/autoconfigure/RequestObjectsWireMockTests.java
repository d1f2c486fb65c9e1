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
package io.github.netsuite.boot.autoconfigure;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.AsyncRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuiteScriptException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.RecordRequest;
import io.github.netsuite.boot.RestletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The request objects as auto-configured: their bodies written with the application's
 * {@code JsonMapper}, their errors naming the account (and a RESTlet's script and
 * deployment), and each immutable, so one can be shared and sent again.
 */
class RequestObjectsWireMockTests {

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String RESTLET = "/app/site/hosting/restlet.nl";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class,
				NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.enabled=false");

	@Test
	void writesARecordWithTheApplicationsJsonMapper() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(
				aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/5")));
		this.contextRunner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			assertThat(client.records("customer").create(new Customer("Acme", "ap@acme.test"))).isEqualTo("5");
			assertThat(only().getBodyAsString()).isEqualTo("{\"company_name\":\"Acme\",\"email_address\":\"ap@acme.test\"}");
			assertThat(only().getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
		});
	}

	@Test
	void postsToARestletWithTheApplicationsJsonMapper() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
		this.contextRunner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			client.restlet("customscript_x", "customdeploy_x").post(new Customer("Acme", "a@b.test"), Map.class);
			assertThat(only().getBodyAsString()).isEqualTo("{\"company_name\":\"Acme\",\"email_address\":\"a@b.test\"}");
		});
	}

	@Test
	void namesThePrimaryAccountInItsErrors() {
		server.stubFor(get(urlPathEqualTo(CUSTOMERS + "/9")).willReturn(aResponse().withStatus(404)
			.withBody("{\"o:errorDetails\":[{\"detail\":\"The record instance does not exist.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "9").get())
			.satisfies((ex) -> {
				assertThat(ex.getAccount()).isEqualTo("primary");
				assertThat(ex).hasMessage("Account 'primary' (1234567_SB1): NetSuite answered 404 NONEXISTENT_ID to "
						+ "GET /services/rest/record/v1/customer/9: The record instance does not exist.");
			}));
	}

	@Test
	void namesThePrimaryAccountInSuiteQlErrors() {
		server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql")).willReturn(aResponse().withStatus(400)
			.withBody("{\"o:errorDetails\":[{\"detail\":\"Invalid search query.\","
					+ "\"o:errorCode\":\"INVALID_PARAMETER\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).suiteql("SELECT nonsense").stream().toList())
			.satisfies((ex) -> {
				assertThat(ex.getAccount()).isEqualTo("primary");
				assertThat(ex).hasMessageStartingWith("Account 'primary' (1234567_SB1): NetSuite answered 400 "
						+ "INVALID_PARAMETER to POST /services/rest/query/v1/suiteql: Invalid search query.");
			}));
	}

	@Test
	void namesThePrimaryAccountInRecordListErrors() {
		server.stubFor(get(urlPathEqualTo(CUSTOMERS)).willReturn(aResponse().withStatus(400)
			.withBody("{\"o:errorDetails\":[{\"detail\":\"Invalid query.\","
					+ "\"o:errorCode\":\"INVALID_PARAMETER\"}]}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).records("customer").query("nonsense").stream().toList())
			.satisfies((ex) -> {
				assertThat(ex.getAccount()).isEqualTo("primary");
				assertThat(ex).hasMessageStartingWith("Account 'primary' (1234567_SB1): NetSuite answered 400 "
						+ "INVALID_PARAMETER to GET /services/rest/record/v1/customer: Invalid query.");
			}));
	}

	@Test
	void namesANamedAccountInItsErrorsWhateverWentWrong() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, "text/html")
			.withBody("<html>Please sign in</html>")));
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck2",
					"netsuite.accounts.eu.consumer-secret=cs2", "netsuite.accounts.eu.token-id=tk2",
					"netsuite.accounts.eu.token-secret=ts2", "netsuite.accounts.eu.rest-url=" + server.baseUrl(),
					"netsuite.accounts.eu.restlet-url=" + server.baseUrl())
			.run((context) -> assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> context.getBean(NetSuiteAccounts.class).get("eu").client().record("customer", "1").get())
				.satisfies((ex) -> {
					assertThat(ex.getAccount()).isEqualTo("eu");
					assertThat(ex.getMessage()).startsWith("Account 'eu' (7654321): NetSuite answered 200 to GET ");
				}));
	}

	@Test
	void namesTheRestletsScriptAndDeploymentButNotItsParametersInItsErrors() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"JS_EXCEPTION\",\"message\":\"TypeError: x is undefined\"}}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteScriptException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class)
				.restlet("customscript_x", "customdeploy_x")
				.param("apiKey", "s3cr3t-value")
				.post(Map.of("a", 1), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("RESTlet customscript_x/customdeploy_x on account 'primary' "
						+ "(1234567_SB1): NetSuite answered 400 JS_EXCEPTION to POST " + RESTLET
						+ ": TypeError: x is undefined");
				assertThat(ex.getMessage()).doesNotContain("s3cr3t-value").doesNotContain("apiKey");
				assertThat(ex.getPath()).isEqualTo(RESTLET);
			}));
	}

	@Test
	void sendsOneRestletRequestAgainAndSharesItsStartWithoutOneCallChangingAnother() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.contextRunner.run((context) -> {
			RestletRequest base = context.getBean(NetSuiteClient.class).restlet("7", "1").param("a", "1");
			base.param("b", "2").get(String.class);
			base.get(String.class);
			base.get(String.class);
			List<LoggedRequest> calls = server.findAll(anyRequestedFor(anyUrl()));
			assertThat(calls).extracting(LoggedRequest::getUrl)
				.containsExactly(RESTLET + "?script=7&deploy=1&a=1&b=2", RESTLET + "?script=7&deploy=1&a=1",
						RESTLET + "?script=7&deploy=1&a=1");
		});
	}

	@Test
	void readsARecordAgainWithOnlyTheFieldsOfEachCopy() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.run((context) -> {
			RecordRequest record = context.getBean(NetSuiteClient.class).record("customer", "1");
			record.fields("email").get();
			record.get();
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
				.containsExactly(CUSTOMERS + "/1?fields=email", CUSTOMERS + "/1");
		});
	}

	@Test
	void submitsAnIdempotentAsyncRequestAgainWithAFreshKeyEachTime() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/3")));
		this.contextRunner.run((context) -> {
			AsyncRequest create = context.getBean(NetSuiteClient.class)
				.async(HttpMethod.POST, CUSTOMERS)
				.body(Map.of("companyName", "Acme"))
				.idempotent();
			create.submit();
			create.submit();
			assertThat(server.findAll(anyRequestedFor(anyUrl())))
				.extracting((request) -> request.getHeader("X-NetSuite-Idempotency-Key"))
				.doesNotContainNull()
				.doesNotHaveDuplicates()
				.hasSize(2);
		});
	}

	private static LoggedRequest only() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	record Customer(String companyName, String emailAddress) {

	}

}
