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

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteServerException;
import io.github.netsuite.boot.auth.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An account on OAuth 2.0 client credentials, as auto-configured, against a real HTTP
 * server standing in for NetSuite's token endpoint and REST web services.
 */
class OAuth2WireMockTests {

	private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

	private static final KeyPair KEYS = Keys.rsa();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=1234567", "netsuite.rest-url=" + server.baseUrl(),
				"netsuite.restlet-url=" + server.baseUrl(), "netsuite.oauth2.client-id=client-1",
				"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=" + Keys.pem(KEYS));

	@Test
	void callsNetSuiteWithTheBearerTokenTheTokenEndpointGave() {
		stubToken("token-1");
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NetSuiteAccounts.class).primary().authentication().description())
				.isEqualTo("OAuth 2.0 client credentials");
			assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get()).containsEntry("id", "1");
		});
	}

	@Test
	void postsAClientAssertionSignedWithTheKeyForTheTokenUrl() throws Exception {
		stubToken("token-1");
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).willReturn(okJson("{}")));
		this.contextRunner.run((context) -> context.getBean(NetSuiteClient.class).record("customer", "1").get());
		LoggedRequest tokenRequest = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0);
		Map<String, String> form = form(tokenRequest.getBodyAsString());
		assertThat(form).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))).isTrue();
		assertThat(assertion.getHeader().getKeyID()).isEqualTo("cert-1");
		assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("client-1");
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(server.baseUrl() + TOKEN_PATH);
	}

	@Test
	void sharesOneTokenAmongFiftyConcurrentCalls() {
		stubToken("token-1");
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).willReturn(okJson("{}")));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=10").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			List<CompletableFuture<?>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(CompletableFuture.runAsync(() -> client.record("customer", "1").get()));
			}
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
		});
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void surfacesARefusedAssertionAsAnAuthenticationFailureWithTheChecklist() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The signature is not valid.\"}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("invalid_grant");
				assertThat(ex.getDetail()).isEqualTo("The signature is not valid.");
				assertThat(ex.getHint()).contains("netsuite.oauth2.certificate-id", "revoked",
						"Client Credentials (Machine to Machine) Grant", "sandbox refresh");
			})
			.withMessageNotContaining(Keys.pem(KEYS).substring(40, 80))
			.withMessageNotContaining("eyJ"));
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void failsFiveConcurrentCallsOnAHangingTokenEndpointTogetherAfterOneRequest() throws Exception {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{}").withFixedDelay(3000)));
		this.contextRunner.withPropertyValues("netsuite.read-timeout=2s").run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			long started = System.nanoTime();
			List<CompletableFuture<Throwable>> calls = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				calls.add(CompletableFuture.supplyAsync(() -> {
					try {
						client.record("customer", "1").get();
						return null;
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			List<Throwable> failures = calls.stream().map(CompletableFuture::join).toList();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2 + 4));
			assertThat(failures).allSatisfy((failure) -> assertThat(failure).isInstanceOf(NetSuiteConnectionException.class)
				.hasMessage(failures.get(0).getMessage())
				.hasMessageContaining("read timeout"));
		});
		// WireMock logs a request once it has answered it: past the delay of any request sent.
		Thread.sleep(4000);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
	}

	@Test
	void repeatsALostTokenAnswerWithANewAssertion() throws Exception {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("answered"));
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("answered")
			.willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}")));
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.withPropertyValues("netsuite.retry.initial-backoff=10ms")
			.run((context) -> assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.containsEntry("id", "1"));
		List<LoggedRequest> tokenRequests = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		assertThat(tokenRequests).hasSize(2);
		String first = form(tokenRequests.get(0).getBodyAsString()).get("client_assertion");
		String second = form(tokenRequests.get(1).getBodyAsString()).get("client_assertion");
		assertThat(SignedJWT.parse(second).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getJWTID());
	}

	@Test
	void repeatsATokenRequestAnswered503WithANewAssertion() throws Exception {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("answered"));
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("answered")
			.willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}")));
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.withPropertyValues("netsuite.retry.initial-backoff=10ms")
			.run((context) -> assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.containsEntry("id", "1"));
		List<LoggedRequest> tokenRequests = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		assertThat(tokenRequests).hasSize(2);
		assertThat(SignedJWT.parse(form(tokenRequests.get(1).getBodyAsString()).get("client_assertion"))
			.getJWTClaimsSet()
			.getJWTID()).isNotEqualTo(SignedJWT.parse(form(tokenRequests.get(0).getBodyAsString()).get("client_assertion"))
				.getJWTClaimsSet()
				.getJWTID());
	}

	@Test
	void surfacesATokenEndpointThatKeepsAnswering503AsAServerException() {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
		this.contextRunner.withPropertyValues("netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-attempts=2")
			.run((context) -> assertThatExceptionOfType(NetSuiteServerException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503))
				.withMessageContaining("token endpoint did not answer"));
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
	}

	@Test
	void authenticatesANamedAccountWithItsOwnOAuth2Keys() throws Exception {
		stubToken("token-eu");
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/2"))
			.withHeader("Authorization", equalTo("Bearer token-eu"))
			.willReturn(okJson("{\"id\":\"2\"}")));
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321",
					"netsuite.accounts.eu.rest-url=" + server.baseUrl(), "netsuite.accounts.eu.oauth2.client-id=client-eu",
					"netsuite.accounts.eu.oauth2.certificate-id=cert-eu",
					"netsuite.accounts.eu.oauth2.private-key=" + Keys.pem(Keys.ec()))
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				assertThat(accounts.get("eu").authentication().description()).isEqualTo("OAuth 2.0 client credentials");
				assertThat(accounts.get("eu").client().record("customer", "2").get()).containsEntry("id", "2");
			});
		SignedJWT assertion = SignedJWT.parse(form(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
			.get(0)
			.getBodyAsString()).get("client_assertion"));
		assertThat(assertion.getHeader().getKeyID()).isEqualTo("cert-eu");
	}

	@Test
	void stopsStartUpWhenBothTbaAndOAuth2AreSet() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessageContaining("netsuite.oauth2 is set beside the token-based authentication credentials"));
	}

	@Test
	void stopsStartUpNamingAMissingOAuth2Key() {
		this.contextRunner.withPropertyValues("netsuite.oauth2.certificate-id=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.oauth2.certificate-id is missing"));
	}

	@Test
	void refusesAKeyThatIsNotPemWithoutShowingIt() {
		this.contextRunner.withPropertyValues("netsuite.oauth2.private-key=classpath:no-such-key.pem")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.oauth2.private-key cannot be read"));
		this.contextRunner
			.withPropertyValues("netsuite.oauth2.private-key=-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.oauth2.private-key is a 'PRIVATE KEY' PEM block whose content does "
						+ "not decode as an RSA or EC private key")
				.hasMessageNotContaining("bm90IGEga2V5"));
	}

	@Test
	void refusesAnAlgorithmThatDoesNotFitTheKeyNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.oauth2.algorithm=ES256")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.oauth2.algorithm does not fit netsuite.oauth2.private-key: ES256 does not "
						+ "fit a 2048-bit RSA key, which takes PS256, PS384 or PS512"));
	}

	@Test
	void refusesAnAlgorithmThatDoesNotFitTheCurveNamingBothKeysOfTheNamedAccount() {
		KeyPair keys = Keys.ec("secp256r1");
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.oauth2.client-id=client-eu",
					"netsuite.accounts.eu.oauth2.certificate-id=cert-eu",
					"netsuite.accounts.eu.oauth2.private-key=" + Keys.pem(keys),
					"netsuite.accounts.eu.oauth2.algorithm=ES512")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessage("Invalid NetSuite configuration: netsuite.accounts.eu.oauth2.algorithm does not fit "
						+ "netsuite.accounts.eu.oauth2.private-key: ES512 does not fit an EC key on P-256, which takes "
						+ "ES256"));
	}

	@Test
	void signsWithEs384ForAP384KeyWhoseNewlinesArrivedAsBackslashN() throws Exception {
		KeyPair keys = Keys.ec("secp384r1");
		stubToken("token-1");
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.withPropertyValues("netsuite.oauth2.private-key=" + Keys.pem(keys).replace("\n", "\\n"))
			.run((context) -> assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.containsEntry("id", "1"));
		SignedJWT assertion = SignedJWT.parse(form(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
			.get(0)
			.getBodyAsString()).get("client_assertion"));
		assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("ES384");
		assertThat(assertion.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
	}

	@Test
	void warnsInHealthWhenTheCertificateExpiresWithinThirtyDays() throws Exception {
		stubToken("token-1");
		server.stubFor(get(urlPathEqualTo("/services/rest/system/v1/serverTime"))
			.willReturn(okJson("{\"serverTime\":\"2026-12-03T10:00:00.000Z\"}")));
		X509Certificate certificate;
		try (InputStream in = getClass().getResourceAsStream("/m2m-test-certificate.pem")) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		this.contextRunner.withConfiguration(AutoConfigurations.of(NetSuiteHealthContributorAutoConfiguration.class))
			.withPropertyValues("netsuite.oauth2.certificate=classpath:m2m-test-certificate.pem")
			.run((context) -> {
				Health health = context.getBean("netsuiteHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails())
					.containsEntry("certificateExpires", certificate.getNotAfter().toInstant().toString())
					.containsKeys("accessTokenExpiresIn", "certificateWarning");
			});
	}

	@Test
	void refusesACertificateThatIsNotPemNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.oauth2.certificate=not a certificate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.oauth2.certificate"));
	}

	private static void stubToken(String token) {
		server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
			.willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}")));
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return form;
	}

}
