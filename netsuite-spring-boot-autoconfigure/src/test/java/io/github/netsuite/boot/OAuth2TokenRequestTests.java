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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.netsuite.boot.auth.ClientAssertions;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the token requests of {@link OAuth2Authentication}: one fetch at a time whose
 * failure all its waiting callers share, a new client assertion for every attempt, typed
 * failures and no redirect followed, against real HTTP servers on loopback.
 */
class OAuth2TokenRequestTests {

	private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

	private static final OAuth2Authentication.Retry QUICK_RETRY = new OAuth2Authentication.Retry(3,
			Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ExecutorService callers = Executors.newFixedThreadPool(5);

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void failsEveryCallerWaitingOnAHangingTokenRequestTogetherWithItsError() throws Exception {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("token-1")).withFixedDelay(3000)));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(2), QUICK_RETRY,
				Duration.ofSeconds(3));
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Outcome>> calls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				try {
					authentication.prepare();
					return new Outcome(null, System.nanoTime());
				}
				catch (Exception ex) {
					return new Outcome(ex, System.nanoTime());
				}
			}, this.callers));
		}
		long started = System.nanoTime();
		start.countDown();
		List<Outcome> outcomes = calls.stream().map(CompletableFuture::join).toList();
		assertThat(outcomes).allSatisfy((outcome) -> {
			assertThat(outcome.failure()).isSameAs(outcomes.get(0).failure())
				.isInstanceOf(NetSuiteConnectionException.class);
			assertThat(Duration.ofNanos(outcome.ended() - started)).isLessThan(Duration.ofSeconds(2 + 3));
		});
		long first = outcomes.stream().mapToLong(Outcome::ended).min().getAsLong();
		long last = outcomes.stream().mapToLong(Outcome::ended).max().getAsLong();
		assertThat(Duration.ofNanos(last - first)).isLessThan(Duration.ofSeconds(2));
		assertThat(((NetSuiteConnectionException) outcomes.get(0).failure()).getReason())
			.isEqualTo(NetSuiteConnectionException.Reason.READ_TIMEOUT);
		// WireMock logs a request once it has answered it: past the delay of any request sent.
		Thread.sleep(4000);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void startsANewTokenRequestForACallerArrivingAfterAFailedOne() throws Exception {
		OAuth2Authentication authentication = answeringFirstWith(invalidGrant());
		assertThatExceptionOfType(NetSuiteAuthenticationException.class).isThrownBy(authentication::prepare);
		authentication.prepare();
		assertThat(authentication.remainingLifetime()).isPositive();
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
	}

	@Test
	void givesUpWaitingOnATokenRequestOnceItsOwnTimeIsOver() throws Exception {
		// The endpoint answers within the read timeout, but later than the request is given.
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token("token-1")).withFixedDelay(5000)));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(10), OAuth2Authentication.Retry.NONE,
				Duration.ofSeconds(1));
		CompletableFuture<?> fetching = CompletableFuture.runAsync(() -> {
			try {
				authentication.prepare();
			}
			catch (Exception ex) {
				// The waiter's outcome is what is tested
			}
		}, this.callers);
		Thread.sleep(300);
		long started = System.nanoTime();
		assertThatExceptionOfType(NetSuiteTimeoutException.class).isThrownBy(authentication::prepare)
			.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isFalse())
			.withMessageContaining(TOKEN_PATH);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1 + 3));
		fetching.get(10, TimeUnit.SECONDS);
		Thread.sleep(500);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void repeatsALostTokenAnswerWithANewAssertion() throws Exception {
		OAuth2Authentication authentication = answeringFirstWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		authentication.prepare();
		assertThat(authentication.remainingLifetime()).isPositive();
		List<JWTClaimsSet> assertions = assertions();
		assertThat(assertions).hasSize(2);
		assertThat(assertions.get(1).getJWTID()).isNotEqualTo(assertions.get(0).getJWTID());
		assertThat(assertions.get(1).getIssueTime()).isAfter(assertions.get(0).getIssueTime());
	}

	@Test
	void repeatsA503WithANewAssertion() throws Exception {
		OAuth2Authentication authentication = answeringFirstWith(serviceUnavailable());
		authentication.prepare();
		assertThat(authentication.remainingLifetime()).isPositive();
		List<JWTClaimsSet> assertions = assertions();
		assertThat(assertions).hasSize(2);
		assertThat(assertions.get(1).getJWTID()).isNotEqualTo(assertions.get(0).getJWTID());
	}

	@Test
	void surfacesATokenEndpointThatKeepsAnswering503AsAServerException() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(serviceUnavailable()));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(5), QUICK_RETRY,
				Duration.ofSeconds(10));
		assertThatExceptionOfType(NetSuiteServerException.class).isThrownBy(authentication::prepare)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503))
			.withMessageContaining("token endpoint did not answer");
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(3);
	}

	@Test
	void surfacesInvalidGrantWithTheChecklistWithoutRepeatingIt() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(invalidGrant()));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(5), QUICK_RETRY,
				Duration.ofSeconds(10));
		assertThatExceptionOfType(NetSuiteAuthenticationException.class).isThrownBy(authentication::prepare)
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("invalid_grant");
				assertThat(ex.getHint()).isEqualTo(OAuth2Authentication.CHECKLIST);
			})
			.withMessageNotContaining("eyJ");
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void surfacesAnHtmlPageInsteadOfATokenAsAnUnreadableAnswer() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Please log in to the proxy</body></html>")));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(5), QUICK_RETRY,
				Duration.ofSeconds(10));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class).isThrownBy(authentication::prepare)
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(NetSuiteUnreadableAnswerException.Reason.NOT_JSON);
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex.getHint()).contains("netsuite.oauth2.token-url");
			});
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 307, 308 })
	void neverBringsTheAssertionToTheHostATokenRedirectNames(int status) {
		elsewhere.stubFor(post(anyUrl()).willReturn(okJson(token("stolen"))));
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Location", elsewhere.baseUrl() + TOKEN_PATH + "?capture=1")));
		OAuth2Authentication authentication = authentication(Duration.ofSeconds(5), QUICK_RETRY,
				Duration.ofSeconds(10));
		assertThatExceptionOfType(NetSuiteRedirectException.class).isThrownBy(authentication::prepare)
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getLocation()).isEqualTo(elsewhere.baseUrl());
			})
			.withMessageNotContaining("capture");
		assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
		assertThat(authentication.remainingLifetime()).isNull();
	}

	/**
	 * The token client as the starter builds it: connection failures named, error bodies
	 * read once, no retry, and a request factory that never follows a redirect nor repeats
	 * a request by itself, as Boot's builder makes it with redirects off.
	 */
	private static OAuth2Authentication authentication(Duration readTimeout, OAuth2Authentication.Retry retry,
			Duration requestTimeout) {
		ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.httpComponents()
			.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
			.build(HttpClientSettings.defaults()
				.withTimeouts(Duration.ofSeconds(2), readTimeout)
				.withRedirects(HttpRedirects.DONT_FOLLOW));
		RestClient tokenClient = RestClient.builder()
			.requestFactory(requestFactory)
			.requestInterceptor(new NetSuiteConnectionInterceptor())
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.build();
		OAuth2Credentials credentials = new OAuth2Credentials("client-1", "cert-1", Keys.ec().getPrivate(), null,
				List.of());
		Clock clock = new TickingClock(Instant.ofEpochSecond(1_800_000_000));
		return new OAuth2Authentication(
				new ClientAssertions(credentials, URI.create(server.baseUrl() + TOKEN_PATH), clock), tokenClient, clock,
				retry, requestTimeout);
	}

	private static List<JWTClaimsSet> assertions() throws Exception {
		List<JWTClaimsSet> assertions = new ArrayList<>();
		for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))) {
			for (String pair : request.getBodyAsString().split("&")) {
				if (pair.startsWith("client_assertion=")) {
					assertions.add(SignedJWT
						.parse(URLDecoder.decode(pair.substring("client_assertion=".length()), StandardCharsets.UTF_8))
						.getJWTClaimsSet());
				}
			}
		}
		return assertions;
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder invalidGrant() {
		return aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The signature is not valid.\"}");
	}

	private static String token(String value) {
		return "{\"access_token\":\"" + value + "\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}";
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Outcome(Exception failure, long ended) {

	}

	/**
	 * A clock one second further on every time it is read, so that every assertion has an
	 * {@code iat} of its own.
	 */
	static final class TickingClock extends Clock {

		private final AtomicReference<Instant> now;

		TickingClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.getAndUpdate((instant) -> instant.plusSeconds(1));
		}

	}

	// The first token request answered so, the next one with a token.
	private OAuth2Authentication answeringFirstWith(ResponseDefinitionBuilder first) {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(STARTED)
			.willReturn(first)
			.willSetStateTo("second"));
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(okJson(token("token-1"))));
		return authentication(Duration.ofSeconds(5), QUICK_RETRY, Duration.ofSeconds(10));
	}

}
