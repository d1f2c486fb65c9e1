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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.auth.ClientAssertions;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OAuth2Authentication}: when the access token is fetched, renewed and
 * shared, against a real HTTP server and a clock the test moves.
 */
class OAuth2AuthenticationTests {

	private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

	private static final String RECORD_PATH = "/services/rest/record/v1/customer/1";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final MovingClock clock = new MovingClock(Instant.ofEpochSecond(1_800_000_000));

	private OAuth2Authentication authentication;

	private RestClient client;

	@BeforeEach
	void createClient() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson(token("token-1")))
			.willSetStateTo("second"));
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(okJson(token("token-2"))));
		server.stubFor(get(urlPathEqualTo(RECORD_PATH)).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"status\":401,\"o:errorDetails\":[{\"detail\":\"Invalid login attempt.\","
						+ "\"o:errorCode\":\"INVALID_LOGIN\"}]}")));
		server.stubFor(get(urlPathEqualTo(RECORD_PATH)).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(okJson("{}")));
		OAuth2Credentials credentials = new OAuth2Credentials("client-1", "cert-1", Keys.ec().getPrivate(), null,
				List.of());
		RestClient tokenClient = RestClient.builder().requestInterceptor(new NetSuiteErrorInterceptor()).build();
		this.authentication = new OAuth2Authentication(
				new ClientAssertions(credentials, URI.create(server.baseUrl() + TOKEN_PATH), this.clock), tokenClient,
				this.clock);
		this.client = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestInterceptor(new NetSuiteAuthenticationRenewalInterceptor(this.authentication))
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(this.authentication))
			.build();
	}

	@Test
	void fetchesANewTokenAndRepeatsTheCallOnceWhenTheTokenIsRefused() {
		assertThat(status()).isEqualTo(200);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RECORD_PATH)))).hasSize(2);
	}

	@Test
	void repeatsARefusedCallOnlyOnce() {
		server.stubFor(get(urlPathEqualTo(RECORD_PATH)).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(aResponse().withStatus(401)));
		assertThat(status()).isEqualTo(401);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RECORD_PATH)))).hasSize(2);
	}

	@Test
	void reusesTheTokenUntilItIsDueForRenewal() throws Exception {
		this.authentication.prepare();
		this.clock.advance(Duration.ofMinutes(54));
		this.authentication.prepare();
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
		assertThat(this.authentication.remainingLifetime()).isEqualTo(Duration.ofMinutes(6));
	}

	@Test
	void renewsAheadOfExpiry() throws Exception {
		this.authentication.prepare();
		this.clock.advance(Duration.ofMinutes(56));
		assertThat(status()).isEqualTo(200);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(RECORD_PATH)))).hasSize(1);
	}

	@Test
	void fetchesANewTokenOnceTheOldOneExpired() throws Exception {
		this.authentication.prepare();
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(status()).isEqualTo(200);
		assertThat(this.authentication.remainingLifetime()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void keepsTheTokenOutOfToString() throws Exception {
		this.authentication.prepare();
		assertThat(this.authentication.toString()).doesNotContain("token-1");
	}

	private int status() {
		return this.client.get()
			.uri(RECORD_PATH)
			.exchange((request, response) -> response.getStatusCode().value(), true);
	}

	private static String token(String value) {
		return "{\"access_token\":\"" + value + "\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}";
	}

	/**
	 * A clock the test moves forward.
	 */
	static final class MovingClock extends Clock {

		private final AtomicReference<Instant> now;

		MovingClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
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
			return this.now.get();
		}

	}

}
