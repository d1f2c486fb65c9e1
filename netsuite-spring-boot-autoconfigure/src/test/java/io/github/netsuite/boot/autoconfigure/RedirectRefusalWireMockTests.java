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
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.auth.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No request factory Boot supports follows a redirect from NetSuite's hosts: a create, a
 * SuiteQL query, a RESTlet POST and an OAuth 2.0 token request answered 301, 302, 303,
 * 307 or 308 end in a {@link NetSuiteRedirectException}, and the host the redirect names
 * receives nothing, the client assertion least of all.
 */
class RedirectRefusalWireMockTests {

	private static final int[] REDIRECTS = { 301, 302, 303, 307, 308 };

	@RegisterExtension
	static WireMockExtension netsuite = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	// What each client calls itself, to prove which one sent the requests.
	private static final Map<String, String> USER_AGENTS = Map.of("http-components", "Apache-HttpClient", "jetty",
			"Jetty", "reactor", "ReactorNetty", "jdk", "Java-http-client", "simple", "Java/");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				NetSuiteAutoConfiguration.class))
		// Even when the application asks for redirects to be followed
		.withPropertyValues("spring.http.clients.redirects=follow", "netsuite.rest-url=" + netsuite.baseUrl(),
				"netsuite.restlet-url=" + netsuite.baseUrl(), "netsuite.retry.initial-backoff=10ms");

	@BeforeEach
	void elsewhereAcceptsAnything() {
		elsewhere.stubFor(any(anyUrl()).willReturn(ok("{\"id\":\"99\",\"items\":[],\"hasMore\":false}")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor", "jdk", "simple" })
	void refusesRedirectsOfCreatesQueriesAndRestletPostsOnEveryRequestFactory(String factory) {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				for (int status : REDIRECTS) {
					redirectEverything(status);
					assertRefused(status, () -> client.records("customer").create(Map.of("companyname", "A")));
					assertRefused(status, () -> client.suiteql("SELECT id FROM customer").first());
					assertRefused(status, () -> client.restlet("1", "1").post(Map.of("a", 1), String.class));
					// Each once: a redirect is never retried
					assertThat(netsuite.findAll(anyRequestedFor(anyUrl()))).hasSize(3)
						.allSatisfy(sentBy(factory));
				}
			});
		assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http-components", "jetty", "reactor", "jdk", "simple" })
	void refusesRedirectsOfTheTokenRequestOnEveryRequestFactory(String factory) {
		this.contextRunner
			.withPropertyValues("netsuite.account=1234567", "netsuite.oauth2.client-id=client-1",
					"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=" + Keys.pem(Keys.rsa()))
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> {
				NetSuiteClient client = context.getBean(NetSuiteClient.class);
				for (int status : REDIRECTS) {
					redirectEverything(status);
					Throwable failure = catchThrowable(() -> client.record("customer", "1").get());
					assertThat(redirect(failure)).satisfies((ex) -> {
						assertThat(ex.getStatusCode()).isEqualTo(status);
						assertThat(ex.getHint()).contains("netsuite.oauth2.token-url");
						assertThat(ex.getPath()).isEqualTo("/services/rest/auth/oauth2/v1/token");
					});
					List<LoggedRequest> sent = netsuite.findAll(anyRequestedFor(anyUrl()));
					assertThat(sent).singleElement().satisfies((request) -> {
						assertThat(request.getUrl()).isEqualTo("/services/rest/auth/oauth2/v1/token");
						assertThat(request.getBodyAsString()).contains("client_assertion=");
					}).satisfies(sentBy(factory));
				}
			});
		// The client assertion never left for the other host
		assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	private static void redirectEverything(int status) {
		netsuite.resetAll();
		netsuite.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader(HttpHeaders.LOCATION, elsewhere.baseUrl() + "/services/rest/record/v1/customer/99?token=s3cr3t")));
	}

	private static void assertRefused(int status, Runnable call) {
		assertThatExceptionOfType(NetSuiteRedirectException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getLocation()).isEqualTo(elsewhere.baseUrl());
			assertThat(ex.getHint()).containsAnyOf("netsuite.rest-url", "netsuite.restlet-url");
		}).withMessageContaining(elsewhere.baseUrl()).withMessageNotContaining("s3cr3t")
			.withMessageNotContaining("/customer/99");
	}

	private static NetSuiteRedirectException redirect(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NetSuiteRedirectException redirect) {
				return redirect;
			}
		}
		throw new AssertionError("Not a refused redirect", failure);
	}

	private static Consumer<LoggedRequest> sentBy(String factory) {
		return (request) -> assertThat(request.getHeader(HttpHeaders.USER_AGENT)).contains(USER_AGENTS.get(factory));
	}

}
