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
package io.github.netsuite.boot.test;

import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static io.github.netsuite.boot.test.DoubleTestSupport.lastAuditReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The double serves NetSuite's OAuth 2.0 client credentials (machine to machine) flow: it
 * grants an access token for a correctly signed client assertion, refuses each kind of
 * wrong one with an OAuth 2.0 error and the reason in its login audit trail, and accepts
 * the tokens it issued as {@code Bearer} on REST and RESTlets.
 */
class OAuth2Tests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	private static final String RESTLET = "/app/site/hosting/restlet.nl?script=6&deploy=1";

	private static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit"
			+ " Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.builder().oauth2(true).build().start();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
		netSuite.clearData();
	}

	private static ClientAssertion assertion() {
		return ClientAssertion.to(netSuite);
	}

	private static void assertRefused(HttpResponse<String> response, int status, String error, String reason) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(json(response).get("error").asText()).isEqualTo(error);
		assertThat(json(response).get("error_description").asText()).isNotBlank();
		assertThat(lastAuditReason(netSuite)).isEqualTo(reason);
	}

	@Test
	void validAssertionGetsTokenThatReadsARecord() {
		netSuite.records("customer").put(42, Map.of("companyname", "Acme"));
		String token = assertion().token();
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, token, "/services/rest/record/v1/customer/42");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("companyName").asText()).isEqualTo("Acme");
		assertThat(lastAuditReason(netSuite)).isEqualTo("Success");
	}

	@Test
	void tokenResponseIsNetSuiteShaped() {
		HttpResponse<String> response = assertion().requestToken();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("access_token").asText()).isNotBlank();
		assertThat(json(response).get("expires_in").isTextual()).isTrue();
		assertThat(json(response).get("expires_in").asText()).isEqualTo("3600");
		assertThat(json(response).get("token_type").asText()).isEqualTo("bearer");
		assertThat(lastAuditReason(netSuite)).isEqualTo("Success");
	}

	@Test
	void expiresInTellsConfiguredLifetime() {
		try (NetSuiteDouble shortLived = NetSuiteDouble.builder()
			.oauth2(true)
			.accessTokenLifetime(Duration.ofMinutes(5))
			.build()
			.start()) {
			HttpResponse<String> response = ClientAssertion.to(shortLived).requestToken();
			assertThat(json(response).get("expires_in").asText()).isEqualTo("300");
		}
	}

	@Test
	void tokenWorksOnRestlet() {
		String token = assertion().token();
		assertThat(ClientAssertion.bearer(netSuite, token, RESTLET).statusCode()).isEqualTo(200);
	}

	@Test
	void rsaKeyAcceptsPs512() {
		assertThat(assertion().algorithm(JWSAlgorithm.PS512).requestToken().statusCode()).isEqualTo(200);
	}

	@Test
	void ecKeyWithEs256GetsToken() {
		try (NetSuiteDouble ec = NetSuiteDouble.builder().oauth2(true).oauth2KeyType("EC").build().start()) {
			String token = ClientAssertion.to(ec).algorithm(JWSAlgorithm.ES256).token();
			assertThat(ClientAssertion.bearer(ec, token, SERVER_TIME).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void ecKeyRefusesRsaAlgorithm() {
		try (NetSuiteDouble ec = NetSuiteDouble.builder().oauth2(true).oauth2KeyType("EC").build().start()) {
			HttpResponse<String> response = ClientAssertion.to(ec)
				.signedWith(otherRsaKey(), JWSAlgorithm.PS256)
				.requestToken();
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
			assertThat(lastAuditReason(ec)).isEqualTo("InvalidSignature");
		}
	}

	@Test
	void rsaKeyRefusesRs256() {
		assertRefused(assertion().algorithm(JWSAlgorithm.RS256).requestToken(), 400, "invalid_grant",
				"InvalidSignature");
	}

	@Test
	void refusesWrongKidAsUnknownClient() {
		assertRefused(assertion().keyId("someOtherCertificate").requestToken(), 401, "invalid_client",
				"InvalidIntegration");
	}

	@Test
	void refusesWrongIssAsUnknownClient() {
		assertRefused(assertion().issuer("someone-else").requestToken(), 401, "invalid_client", "InvalidIntegration");
	}

	@Test
	void refusesWrongAud() {
		String production = "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token";
		assertRefused(assertion().audience(production).requestToken(), 400, "invalid_grant", "InvalidAudience");
	}

	@Test
	void refusesBadSignature() {
		assertRefused(assertion().signedWith(otherRsaKey(), JWSAlgorithm.PS256).requestToken(), 400, "invalid_grant",
				"InvalidSignature");
	}

	@Test
	void refusesTypOtherThanJwt() {
		assertRefused(assertion().type("JOSE").requestToken(), 400, "invalid_grant", "InvalidSignature");
	}

	@Test
	void refusesAssertionThatIsNoJwt() {
		HttpResponse<String> response = ClientAssertion.post(netSuite, "grant_type=client_credentials"
				+ "&client_assertion_type=" + ClientAssertion.encode(ClientAssertion.ASSERTION_TYPE)
				+ "&client_assertion=not.a.jwt");
		assertRefused(response, 400, "invalid_grant", "InvalidSignature");
	}

	@Test
	void refusesExpiredAssertion() {
		Instant now = Instant.now();
		assertRefused(assertion().times(now.minusSeconds(600), now.minusSeconds(60)).requestToken(), 400,
				"invalid_grant", "AssertionExpired");
	}

	@Test
	void refusesAssertionLivingLongerThanSixtyMinutes() {
		Instant now = Instant.now();
		assertRefused(assertion().times(now, now.plus(Duration.ofMinutes(61))).requestToken(), 400, "invalid_grant",
				"InvalidTimestamp");
	}

	@Test
	void acceptsAssertionLivingSixtyMinutes() {
		Instant now = Instant.now();
		assertThat(assertion().times(now, now.plus(Duration.ofMinutes(60))).requestToken().statusCode())
			.isEqualTo(200);
	}

	@Test
	void refusesIatMoreThanFiveMinutesAhead() {
		Instant iat = Instant.now().plus(Duration.ofMinutes(6));
		assertRefused(assertion().times(iat, iat.plus(Duration.ofMinutes(5))).requestToken(), 400, "invalid_grant",
				"InvalidTimestamp");
	}

	@Test
	void refusesReplayedJti() {
		String jti = "once-only";
		assertThat(assertion().jti(jti).requestToken().statusCode()).isEqualTo(200);
		assertRefused(assertion().jti(jti).requestToken(), 400, "invalid_grant", "AssertionReplayed");
	}

	@Test
	void refusesUnknownScope() {
		assertRefused(assertion().scope("restlets,crm").requestToken(), 400, "invalid_grant", "InvalidScope");
	}

	@Test
	void refusesEmptyScope() {
		assertRefused(assertion().scope("").requestToken(), 400, "invalid_grant", "InvalidScope");
	}

	@Test
	void acceptsScopeAsJsonArray() {
		String token = assertion().scope(List.of("rest_webservices", "restlets")).token();
		assertThat(ClientAssertion.bearer(netSuite, token, SERVER_TIME).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesGrantTypeOtherThanClientCredentials() {
		HttpResponse<String> response = ClientAssertion.post(netSuite, "grant_type=password&client_assertion_type="
				+ ClientAssertion.encode(ClientAssertion.ASSERTION_TYPE) + "&client_assertion="
				+ assertion().sign());
		assertRefused(response, 400, "unsupported_grant_type", "InvalidRequest");
	}

	@Test
	void refusesTokenOnRestWithoutRestWebServicesScope() {
		String token = assertion().scope("restlets").token();
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, token, SERVER_TIME);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(lastAuditReason(netSuite)).isEqualTo("ScopeMismatched");
	}

	@Test
	void expiredTokenIsRefusedOnRestWithGenericLoginError() {
		String token = assertion().token();
		netSuite.clockSkew(Duration.ofMinutes(61));
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, token, SERVER_TIME);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).isEqualTo(INVALID_LOGIN_DETAIL);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("OAuth realm=\"" + netSuite.account()
				+ "\", error=\"token_rejected\", error_description=\"Invalid login attempt.\"");
		assertThat(lastAuditReason(netSuite)).isEqualTo("AccessTokenExpired");
	}

	@Test
	void expiredTokenIsRefusedOnRestletWithRestletErrorBody() {
		String token = assertion().token();
		netSuite.clockSkew(Duration.ofMinutes(61));
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, token, RESTLET);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(
				"{\"error\" : {\"code\" : \"INVALID_LOGIN_ATTEMPT\",\"message\" : \"Invalid login attempt.\"}}");
		assertThat(lastAuditReason(netSuite)).isEqualTo("AccessTokenExpired");
	}

	@Test
	void unknownTokenIsRefusedAsInvalidToken() {
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, "never-issued", SERVER_TIME);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidToken");
	}

	@Test
	void expireTokensNowExpiresIssuedTokensOnly() {
		String before = assertion().token();
		netSuite.expireTokensNow();
		assertThat(ClientAssertion.bearer(netSuite, before, SERVER_TIME).statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("AccessTokenExpired");
		String after = assertion().token();
		assertThat(ClientAssertion.bearer(netSuite, after, SERVER_TIME).statusCode()).isEqualTo(200);
	}

	@Test
	void certificateRevokedRefusesAssertionsAsInvalidClient() {
		netSuite.certificateRevoked(true);
		assertRefused(assertion().requestToken(), 401, "invalid_client", "InvalidIntegration");
	}

	@Test
	void resetRestoresRevokedCertificate() {
		netSuite.certificateRevoked(true);
		netSuite.reset();
		assertThat(assertion().requestToken().statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointDownAnswers503ProblemJson() {
		netSuite.tokenEndpointDown(true);
		HttpResponse<String> response = assertion().requestToken();
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(json(response).get("status").asInt()).isEqualTo(503);
		assertThat(json(response).get("title").asText()).isEqualTo("Service Unavailable");
		assertThat(errorCode(response)).isNotBlank();
	}

	@Test
	void issuedTokensWorkWhileTokenEndpointIsDown() {
		String token = assertion().token();
		netSuite.tokenEndpointDown(true);
		assertThat(ClientAssertion.bearer(netSuite, token, SERVER_TIME).statusCode()).isEqualTo(200);
	}

	@Test
	void roleDisabledRefusesBearerRequestsWithItsOwnDetail() {
		String token = assertion().token();
		netSuite.roleDisabled(true);
		HttpResponse<String> response = ClientAssertion.bearer(netSuite, token, SERVER_TIME);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("Login access has been disabled for this role.");
		assertThat(lastAuditReason(netSuite)).isEqualTo("RoleDisabled");
	}

	@Test
	void roleDisabledRefusesAssertions() {
		netSuite.roleDisabled(true);
		assertRefused(assertion().requestToken(), 400, "invalid_grant", "EntityOrRoleDisabled");
	}

	@Test
	void failNextAppliesToTokenRequests() {
		netSuite.failNext(1, 503);
		assertThat(assertion().requestToken().statusCode()).isEqualTo(503);
		assertThat(assertion().requestToken().statusCode()).isEqualTo(200);
	}

	@Test
	void tokenRequestTakesAnInFlightSlot() throws Exception {
		String token = assertion().token();
		netSuite.concurrencyLimit(1).latency(Duration.ofSeconds(2));
		// The token request above counted: measure the slow request alone
		netSuite.resetMaxInFlight();
		CompletableFuture<HttpResponse<String>> slow = CompletableFuture
			.supplyAsync(() -> ClientAssertion.bearer(netSuite, token, SERVER_TIME));
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (netSuite.maxInFlight() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		HttpResponse<String> response = assertion().requestToken();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(errorCode(response)).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
		assertThat(slow.get().statusCode()).isEqualTo(200);
	}

	@Test
	void tokenRequestCountCountsTokenEndpointRequestsOnly() {
		String token = assertion().token();
		assertion().keyId("wrong").requestToken();
		ClientAssertion.bearer(netSuite, token, SERVER_TIME);
		assertThat(netSuite.tokenRequestCount()).isEqualTo(2);
		assertThat(netSuite.requestCount()).isEqualTo(3);
	}

	@Test
	void bearerIsRefusedWhenOAuth2IsNotEnabled() {
		try (NetSuiteDouble tbaOnly = NetSuiteDouble.startDefault()) {
			HttpResponse<String> response = ClientAssertion.bearer(tbaOnly, "any-token", SERVER_TIME);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(lastAuditReason(tbaOnly)).isEqualTo("MissingAuthorization");
		}
	}

	@Test
	void tbaKeepsWorkingWithOAuth2Enabled() {
		assertThat(SignedRequest.to(netSuite, "GET", SERVER_TIME).send().statusCode()).isEqualTo(200);
	}

	@Test
	void privateKeyIsPkcs8Pem() {
		assertThat(netSuite.oauth2PrivateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
			.endsWith("-----END PRIVATE KEY-----\n");
	}

	@Test
	void certificateIdIsLettersAndDigits() {
		assertThat(netSuite.oauth2CertificateId()).matches("[A-Za-z0-9]{20,}");
	}

	@Test
	void oauth2PropertiesPointTheStarterAtTheDoubleWithoutTbaKeys() {
		assertThat(netSuite.oauth2Properties()).containsOnly(Map.entry("netsuite.account", netSuite.account()),
				Map.entry("netsuite.rest-url", netSuite.restUrl()),
				Map.entry("netsuite.restlet-url", netSuite.restletUrl()),
				Map.entry("netsuite.oauth2.client-id", netSuite.consumerKey()),
				Map.entry("netsuite.oauth2.certificate-id", netSuite.oauth2CertificateId()),
				Map.entry("netsuite.oauth2.private-key", netSuite.oauth2PrivateKeyPem()));
	}

	@Test
	void tokenUrlIsUnderRestUrl() {
		assertThat(netSuite.oauth2TokenUrl()).isEqualTo(netSuite.restUrl() + "/services/rest/auth/oauth2/v1/token");
	}

	@Test
	void oauth2AccessorsNeedOAuth2Enabled() {
		NetSuiteDouble tbaOnly = NetSuiteDouble.builder().build();
		assertThatIllegalStateException().isThrownBy(tbaOnly::oauth2CertificateId);
		assertThatIllegalStateException().isThrownBy(tbaOnly::oauth2PrivateKeyPem);
	}

	@Test
	void builderRefusesKeyTypeOtherThanRsaOrEc() {
		assertThatIllegalArgumentException().isThrownBy(() -> NetSuiteDouble.builder().oauth2KeyType("DSA"));
	}

	@Test
	void builderRefusesAccessTokenLifetimeUnderASecond() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NetSuiteDouble.builder().accessTokenLifetime(Duration.ZERO));
	}

	@Test
	void toStringShowsNoPrivateKeyOrToken() {
		String token = assertion().token();
		String pemBody = netSuite.oauth2PrivateKeyPem().split("\n")[1];
		assertThat(netSuite.toString()).doesNotContain(pemBody, token, "PRIVATE KEY");
	}

	private static PrivateKey otherRsaKey() {
		try {
			return new RSAKeyGenerator(2048).generate().toPrivateKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
