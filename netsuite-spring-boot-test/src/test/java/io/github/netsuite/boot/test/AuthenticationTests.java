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

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static io.github.netsuite.boot.test.DoubleTestSupport.lastAuditReason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double accepts what NetSuite accepts and rejects each kind of tampered request with
 * NetSuite's generic answer, keeping the real reason in its login audit trail.
 */
class AuthenticationTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	private static final String RESTLET = "/app/site/hosting/restlet.nl?script=6&deploy=1";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.builder().account("1234567-sb1").build().start();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
	}

	@Test
	void acceptsCorrectlySignedRequest() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(lastAuditReason(netSuite)).isEqualTo("Success");
	}

	@Test
	void acceptsSignedQueryParametersWithReservedAndUnicodeCharacters() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "GET", RESTLET + "&name=M%C3%BCller%20%26%20S%C3%B6hne&expr=a%2Bb%3Dc%2A%21&tilde=~x")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).at("/parameters/name").asText()).isEqualTo("Müller & Söhne");
	}

	@Test
	void acceptsSignedFormBody() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", RESTLET).form("a=1&b=x%20y").send();
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsFormBodyChangedAfterSigning() {
		HttpRequest signed = SignedRequest.to(netSuite, "POST", RESTLET).form("a=1").build();
		HttpRequest tampered = HttpRequest.newBuilder(signed, (name, value) -> true)
			.POST(HttpRequest.BodyPublishers.ofString("a=2"))
			.build();
		assertThat(SignedRequest.send(tampered).statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidSignature");
	}

	@Test
	void acceptsAccountGivenInHostSpelling() {
		assertThat(netSuite.account()).isEqualTo("1234567_SB1");
	}

	@Test
	void rejectsWrongConsumerSecretWithGenericLoginError() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.consumerSecret("not-the-secret")
			.send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).isEqualTo(
				"Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.");
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(json(response).get("status").asInt()).isEqualTo(401);
		assertThat(json(response).get("title").asText()).isEqualTo("Unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
				"OAuth realm=\"1234567_SB1\", error=\"token_rejected\", error_description=\"Invalid login attempt.\"");
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidSignature");
	}

	@Test
	void rejectsWrongTokenSecret() {
		HttpRequest request = SignedRequest.to(netSuite, "GET", SERVER_TIME).tokenSecret("wrong").build();
		assertThat(SignedRequest.send(request).statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidSignature");
	}

	@Test
	void rejectsRealmInLowerCase() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).realm("1234567_sb1").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidRealm");
	}

	@Test
	void rejectsRealmInHostSpelling() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).realm("1234567-sb1").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidRealm");
	}

	@Test
	void rejectsUnknownConsumerKey() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).consumerKey("someone-else").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("UnknownConsumerKey");
	}

	@Test
	void rejectsUnknownToken() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).tokenId("revoked").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("UnknownToken");
	}

	@Test
	void rejectsReplayedNonce() {
		HttpRequest request = SignedRequest.to(netSuite, "GET", SERVER_TIME).build();
		assertThat(SignedRequest.send(request).statusCode()).isEqualTo(200);
		HttpResponse<String> replay = SignedRequest.send(request);
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(errorCode(replay)).isEqualTo("INVALID_LOGIN");
		assertThat(lastAuditReason(netSuite)).isEqualTo("NonceUsed");
	}

	@Test
	void acceptsSameNonceWithAnotherTimestamp() {
		String nonce = SignedRequest.nonce();
		Instant now = Instant.now();
		assertThat(SignedRequest.to(netSuite, "GET", SERVER_TIME).nonce(nonce).timestamp(now).send().statusCode())
			.isEqualTo(200);
		assertThat(SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.nonce(nonce)
			.timestamp(now.minusSeconds(1))
			.send()
			.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsNonceShorterThanSixCharacters() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME).nonce("abc12").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidNonce");
	}

	@Test
	void rejectsTimestampOlderThanFiveMinutes() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.timestamp(Instant.now().minus(Duration.ofSeconds(310)))
			.send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidTimestamp");
	}

	@Test
	void acceptsTimestampFourMinutesOld() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.timestamp(Instant.now().minus(Duration.ofSeconds(240)))
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsTimestampFromTheFuture() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.timestamp(Instant.now().plus(Duration.ofSeconds(310)))
			.send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidTimestamp");
	}

	@Test
	void rejectsHmacSha1WithMalformedSyntax400() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.signatureMethod("HMAC-SHA1")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("The request could not be understood by the server due to malformed syntax.");
		assertThat(lastAuditReason(netSuite)).isEqualTo("UnsupportedSignatureMethod");
	}

	@Test
	void rejectsQueryParameterAddedAfterSigning() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", "/services/rest/query/v1/suiteql?limit=5")
			.suiteQl("SELECT id FROM customer")
			.queryAddedAfterSigning("offset=5")
			.send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidSignature");
	}

	@Test
	void rejectsRequestWithoutAuthorization() {
		HttpRequest unsigned = HttpRequest.newBuilder(java.net.URI.create(netSuite.restUrl() + SERVER_TIME)).build();
		HttpResponse<String> response = SignedRequest.send(unsigned);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("MissingAuthorization");
	}

	@Test
	void rejectsRestletWithRestletErrorBody() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", RESTLET).consumerSecret("wrong").send();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(
				"{\"error\" : {\"code\" : \"INVALID_LOGIN_ATTEMPT\",\"message\" : \"Invalid login attempt.\"}}");
	}

	@Test
	void auditTrailRecordsMethodPathAndTime() {
		Instant before = Instant.now().minusSeconds(1);
		SignedRequest.to(netSuite, "GET", SERVER_TIME + "?x=1").send();
		LoginAttempt attempt = netSuite.loginAuditTrail().get(0);
		assertThat(attempt.method()).isEqualTo("GET");
		assertThat(attempt.path()).isEqualTo(SERVER_TIME);
		assertThat(attempt.time()).isAfter(before);
		assertThat(attempt.successful()).isTrue();
	}

	@Test
	void toStringShowsNoSecret() {
		assertThat(netSuite.toString()).doesNotContain(netSuite.consumerSecret(), netSuite.tokenSecret(),
				netSuite.consumerKey(), netSuite.tokenId());
	}

}
