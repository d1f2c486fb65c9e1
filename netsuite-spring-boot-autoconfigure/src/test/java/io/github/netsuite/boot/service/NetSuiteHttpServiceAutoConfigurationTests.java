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
package io.github.netsuite.boot.service;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NoSuchNetSuiteAccountException;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP service groups mapped to NetSuite accounts, against a real HTTP server: what a
 * mapped group sends, and that every other client stays as it was.
 */
class NetSuiteHttpServiceAutoConfigurationTests {

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{\"greeting\":\"Hello\"}")));
		String base = "http://127.0.0.1:" + this.server.port();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHttpServiceAutoConfiguration.class))
			.withPropertyValues("netsuite.account=1234567", "netsuite.consumer-key=ck", "netsuite.consumer-secret=cs",
					"netsuite.token-id=ti", "netsuite.token-secret=ts", "netsuite.rest-url=" + base + "/rest",
					"netsuite.restlet-url=" + base + "/restlets", "netsuite.retry.enabled=false",
					"netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck2",
					"netsuite.accounts.eu.consumer-secret=cs2", "netsuite.accounts.eu.token-id=ti2",
					"netsuite.accounts.eu.token-secret=ts2", "netsuite.accounts.eu.rest-url=" + base + "/eu",
					"netsuite.accounts.eu.restlet-url=" + base + "/eu",
					"spring.http.serviceclient.other.base-url=" + base + "/other");
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void mapsTheNetSuiteGroupToThePrimaryAccountAndANamedAccountsGroupToIt() {
		this.contextRunner.run((context) -> {
			NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
			NetSuiteHttpServiceGroupConfigurer configurer = context.getBean(NetSuiteHttpServiceGroupConfigurer.class);
			assertThat(configurer.accountOf("netsuite")).isSameAs(accounts.primary());
			assertThat(configurer.accountOf("eu")).isSameAs(accounts.get("eu"));
			assertThat(configurer.accountOf("other")).isNull();
		});
	}

	@Test
	void mapsAGroupToTheAccountItsPropertyNames() {
		this.contextRunner.withPropertyValues("netsuite.http-services.groups.orders=eu").run((context) -> {
			NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
			NetSuiteHttpServiceGroupConfigurer configurer = context.getBean(NetSuiteHttpServiceGroupConfigurer.class);
			assertThat(configurer.accountOf("orders")).isSameAs(accounts.get("eu"));
		});
	}

	@Test
	void refusesToStartWhenAGroupIsMappedToNoAccount() {
		this.contextRunner.withPropertyValues("netsuite.http-services.groups.orders=us").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchNetSuiteAccountException.class)
				.hasMessageContaining("us");
		});
	}

	@Test
	void backsOffWithoutNetSuiteAccounts() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHttpServiceAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteHttpServiceGroupConfigurer.class));
	}

	@Test
	void signsARestletCallOfTheNetSuiteGroupAgainstTheRestletUrl() {
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			Map<String, Object> answer = context.getBean(Greetings.class).greet("Ada", Map.of("polite", true));
			assertThat(answer).containsEntry("greeting", "Hello");
			LoggedRequest request = onlyRequest();
			assertThat(request.getMethod().getName()).isEqualTo("POST");
			assertThat(request.getUrl())
				.isEqualTo("/restlets/app/site/hosting/restlet.nl?script=customscript_hello&deploy=1&name=Ada");
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).startsWith("OAuth realm=\"1234567\"")
				.contains("oauth_consumer_key=\"ck\"");
		});
	}

	@Test
	void sendsARecordReadOfTheNetSuiteGroupToTheRestUrl() {
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			context.getBean(Greetings.class).customer("42");
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl()).isEqualTo("/rest/services/rest/record/v1/customer/42");
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).startsWith("OAuth realm=\"1234567\"");
		});
	}

	@Test
	void signsANamedAccountsGroupForThatAccount() {
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			context.getBean(EuGreetings.class).greet("Ada");
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl()).startsWith("/eu/app/site/hosting/restlet.nl?script=customscript_hello");
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).startsWith("OAuth realm=\"7654321\"")
				.contains("oauth_consumer_key=\"ck2\"");
		});
	}

	@Test
	void turnsNetSuitesErrorsIntoTypedExceptions() {
		this.server.stubFor(any(urlPathEqualTo("/rest/services/rest/record/v1/customer/404")).willReturn(aResponse()
			.withStatus(404)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\",\"title\":\"Not Found\","
					+ "\"status\":404,\"o:errorDetails\":[{\"detail\":\"The record instance does not exist.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			Greetings greetings = context.getBean(Greetings.class);
			assertThatExceptionOfType(NetSuiteNotFoundException.class).isThrownBy(() -> greetings.customer("404"))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID"));
		});
	}

	@Test
	void keepsTheAccountsRequestFactoryThatNeverFollowsARedirect() {
		this.server.stubFor(any(urlPathEqualTo("/restlets/app/site/hosting/restlet.nl"))
			.willReturn(aResponse().withStatus(302).withHeader(HttpHeaders.LOCATION, "/elsewhere")));
		this.contextRunner.withUserConfiguration(Services.class)
			.withPropertyValues("spring.http.clients.redirects=follow",
					"spring.http.serviceclient.netsuite.redirects=follow")
			.run((context) -> {
				Greetings greetings = context.getBean(Greetings.class);
				assertThatExceptionOfType(NetSuiteRedirectException.class)
					.isThrownBy(() -> greetings.greet("Ada", Map.of()));
				assertThat(this.server.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void leavesTheApplicationsOtherGroupsUnsigned() {
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			context.getBean(OtherService.class).hello();
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl()).isEqualTo("/other/hello");
			assertThat(request.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
		});
	}

	@Test
	void leavesTheApplicationsOwnRestClientsUnsigned() {
		this.contextRunner.withUserConfiguration(Services.class).run((context) -> {
			RestClient own = context.getBean(RestClient.Builder.class)
				.baseUrl("http://127.0.0.1:" + this.server.port())
				.build();
			own.get().uri("/mine").retrieve().toBodilessEntity();
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl()).isEqualTo("/mine");
			assertThat(request.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
		});
	}

	private LoggedRequest onlyRequest() {
		assertThat(this.server.getAllServeEvents()).hasSize(1);
		return this.server.getAllServeEvents().get(0).getRequest();
	}

	interface Greetings {

		@PostExchange("/app/site/hosting/restlet.nl?script=customscript_hello&deploy=1")
		Map<String, Object> greet(@RequestParam String name, @RequestBody Map<String, Object> body);

		@GetExchange("/services/rest/record/v1/customer/{id}")
		Map<String, Object> customer(@PathVariable String id);

	}

	interface EuGreetings {

		@GetExchange("/app/site/hosting/restlet.nl?script=customscript_hello&deploy=1")
		Map<String, Object> greet(@RequestParam String name);

	}

	interface OtherService {

		@GetExchange("/hello")
		Map<String, Object> hello();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "netsuite", types = Greetings.class)
	@ImportHttpServices(group = "eu", types = EuGreetings.class)
	@ImportHttpServices(group = "other", types = OtherService.class)
	static class Services {

	}

}
