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
package io.github.netsuite.boot;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link NetSuiteAccount.Builder}: the one path that builds an account's chain.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteAccountBuilderTests {

	private static final String CUSTOMER = "/services/rest/record/v1/customer/42";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void refusesToSignARequestToAHostOtherThanTheConfiguredOnes() {
		elsewhere.stubFor(get(urlPathEqualTo(CUSTOMER)).willReturn(okJson("{}")));
		try (NetSuiteAccount account = builder().build()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> account.restClient().get().uri(elsewhere.baseUrl() + CUSTOMER).retrieve().body(Map.class))
				.withMessageContaining("Refused to send NetSuite credentials to " + origin(elsewhere));
		}
		assertThat(elsewhere.getAllServeEvents()).isEmpty();
	}

	@Test
	void pollsAJobWhoseLocationNamesAnotherHostOnTheConfiguredHost() {
		server.stubFor(post(urlPathEqualTo("/services/rest/record/v1/customer")).willReturn(aResponse().withStatus(202)
			.withHeader("Location", elsewhere.baseUrl() + "/services/rest/async/v1/job/1")));
		elsewhere.stubFor(get(urlPathEqualTo("/services/rest/async/v1/job/1")).willReturn(okJson("{}")));
		try (NetSuiteAccount account = builder().build()) {
			assertThatExceptionOfType(NetSuiteNotFoundException.class)
				.isThrownBy(() -> account.client().records("customer").exactlyOnce().create(Map.of("companyName", "Acme")));
		}
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/services/rest/async/v1/job/1")))).isNotEmpty();
		assertThat(elsewhere.getAllServeEvents()).isEmpty();
	}

	private static String origin(WireMockExtension wireMock) {
		return URI.create(wireMock.baseUrl()).getScheme() + "://" + URI.create(wireMock.baseUrl()).getHost() + ":"
				+ wireMock.getPort();
	}

	@Test
	void buildsAClientThatSignsEveryRequestAndReadsNetSuitesErrors() {
		server.stubFor(get(urlPathEqualTo(CUSTOMER)).willReturn(okJson("{\"id\":\"42\"}")));
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/43")).willReturn(aResponse()
			.withStatus(404)
			.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"o:errorDetails\":[{\"detail\":\"Record not found\",\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		try (NetSuiteAccount account = builder().build()) {
			assertThat(account.client().record("customer", "42").get()).containsEntry("id", "42");
			assertThatExceptionOfType(NetSuiteNotFoundException.class)
				.isThrownBy(() -> account.client().record("customer", "43").get());
		}
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(CUSTOMER))).get(0).getHeader("Authorization"))
			.startsWith("OAuth realm=\"1234567_SB1\"");
	}

	@Test
	void defaultsTheBaseUrlsFromTheAccountId() {
		try (NetSuiteAccount account = NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.tba(new TbaCredentials("ck", "cs", "tk", "ts"))
			.build()) {
			assertThat(account.name()).isEqualTo(NetSuiteAccounts.PRIMARY);
			assertThat(account.restUrl()).hasToString("https://1234567-sb1.suitetalk.api.netsuite.com");
			assertThat(account.restletUrl()).hasToString("https://1234567-sb1.restlets.api.netsuite.com");
			assertThat(account.permits()).isNotNull();
			assertThat(account.authentication().description()).isEqualTo("token-based authentication (TBA)");
		}
	}

	@Test
	void refusesToBuildAnAccountWithoutCredentials() {
		assertThatIllegalStateException().isThrownBy(() -> NetSuiteAccount.builder(AccountId.of("1234567")).build())
			.withMessageContaining("needs TBA credentials, OAuth 2.0 credentials or an authentication");
	}

	@Test
	void endsAProbesWaitForAPermitAtItsTimeoutNamedAsTheHealthTimeout() throws Exception {
		server.stubFor(get(urlPathEqualTo(CUSTOMER)).willReturn(okJson("{}").withFixedDelay(3000)));
		try (NetSuiteAccount account = builder().concurrencyLimit(1, Duration.ofSeconds(30))
			.adaptiveLimit(false)
			.build()) {
			NetSuitePermits permits = account.permits();
			assertThat(permits).isNotNull();
			CompletableFuture<?> busy = CompletableFuture.runAsync(() -> account.client().record("customer", "42").get());
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (permits.inFlight() < 1 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(NetSuiteTimeoutException.class)
				.isThrownBy(() -> account.probeClient(new SimpleClientHttpRequestFactory(), Duration.ofMillis(500))
					.get()
					.uri(CUSTOMER)
					.retrieve()
					.body(Map.class))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("netsuite.health.timeout"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			busy.join();
		}
	}

	@Test
	void neverRepeatsAProbe() {
		server.stubFor(get(urlPathEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(503)));
		try (NetSuiteAccount account = builder().build()) {
			assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> account.probeClient(new SimpleClientHttpRequestFactory(), Duration.ofSeconds(5))
					.get()
					.uri(CUSTOMER)
					.retrieve()
					.body(Map.class));
		}
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(CUSTOMER)))).hasSize(1);
	}

	private static NetSuiteAccount.Builder builder() {
		URI url = URI.create(server.baseUrl());
		return NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.restUrl(url)
			.restletUrl(url)
			.tba(new TbaCredentials("ck", "cs", "tk", "ts"))
			.requestFactory(new SimpleClientHttpRequestFactory())
			.retry(4, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));
	}

}
