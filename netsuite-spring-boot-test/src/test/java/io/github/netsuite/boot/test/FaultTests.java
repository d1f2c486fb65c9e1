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
 * Faults switched on at run time, and the system endpoints.
 */
class FaultTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
	}

	private static HttpResponse<String> serverTime() {
		return SignedRequest.to(netSuite, "GET", SERVER_TIME).send();
	}

	@Test
	void roleDisabledAnswers401WithItsOwnDetail() {
		netSuite.roleDisabled(true);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("Login access has been disabled for this role.");
		assertThat(lastAuditReason(netSuite)).isEqualTo("RoleDisabled");
	}

	@Test
	void invalidLoginRejectsCorrectlySignedRequests() {
		netSuite.invalidLogin(true);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(errorCode(response)).isEqualTo("INVALID_LOGIN");
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidLogin");
	}

	@Test
	void tbaFeatureDisabledAnswersGeneric401() {
		netSuite.tbaFeatureDisabled(true);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).startsWith("Invalid login attempt.");
		assertThat(lastAuditReason(netSuite)).isEqualTo("FeatureDisabled");
	}

	@Test
	void failNextFailsExactlyKRequests() {
		netSuite.failNext(2, 503);
		assertThat(serverTime().statusCode()).isEqualTo(503);
		HttpResponse<String> second = serverTime();
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(json(second).get("title").asText()).isEqualTo("Service Unavailable");
		assertThat(serverTime().statusCode()).isEqualTo(200);
	}

	@Test
	void failNextWith429AnswersNetSuitesThrottlingBody() {
		netSuite.failNext(1, 429);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(errorCode(response)).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("Concurrent request limit exceeded. Request blocked.");
	}

	@Test
	void failNextWith429AnswersARestletAsNetSuiteThrottlesRestlets() {
		netSuite.failNext(1, 429);
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "GET", "/app/site/hosting/restlet.nl?script=1&deploy=1")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/error/code").asText()).isEqualTo("SSS_REQUEST_LIMIT_EXCEEDED");
		assertThat(json(response).at("/error/message").asText())
			.isEqualTo("Concurrent request limit exceeded. Request blocked.");
	}

	@Test
	void latencyDelaysResponses() {
		netSuite.latency(Duration.ofMillis(400));
		long start = System.nanoTime();
		assertThat(serverTime().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void clockSkewRejectsTimestampsFromTheMachineClock() {
		netSuite.clockSkew(Duration.ofMinutes(10));
		assertThat(serverTime().statusCode()).isEqualTo(401);
		assertThat(lastAuditReason(netSuite)).isEqualTo("InvalidTimestamp");
	}

	@Test
	void clockSkewAcceptsTimestampsFromTheSkewedClock() {
		netSuite.clockSkew(Duration.ofMinutes(10));
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", SERVER_TIME)
			.timestamp(Instant.now().plus(Duration.ofMinutes(10)))
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		Instant serverTime = Instant.parse(json(response).get("serverTime").asText());
		assertThat(Duration.between(Instant.now(), serverTime)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
	}

	@Test
	void resetSwitchesEveryFaultOff() {
		netSuite.roleDisabled(true).invalidLogin(true).tbaFeatureDisabled(true).failNext(5, 500)
			.clockSkew(Duration.ofHours(1)).concurrencyLimit(1);
		netSuite.reset();
		assertThat(serverTime().statusCode()).isEqualTo(200);
		assertThat(netSuite.loginAuditTrail()).hasSize(1);
	}

	@Test
	void countsRequestsReceived() {
		netSuite.failNext(1, 500);
		serverTime();
		serverTime();
		assertThat(netSuite.requestCount()).isEqualTo(2);
	}

	@Test
	void serverTimeIsAnIsoInstant() {
		HttpResponse<String> response = serverTime();
		assertThat(json(response).get("serverTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
	}

	@Test
	void governanceLimitsReportTheConfiguredLimit() {
		netSuite.concurrencyLimit(7);
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/governanceLimits")
			.send();
		assertThat(json(response).get("accountConcurrencyLimit").asInt()).isEqualTo(7);
		assertThat(json(response).get("integrationConcurrencyLimit").asInt()).isEqualTo(7);
		assertThat(json(response).get("integrationLimitType").asText()).isEqualTo("integrationSpecific");
	}

	@Test
	void governanceLimitsReportFiveWithoutALimit() {
		HttpResponse<String> response = SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/governanceLimits")
			.send();
		assertThat(json(response).get("accountConcurrencyLimit").asInt()).isEqualTo(5);
	}

	@Test
	void optionsAnswers204WhenSigned() {
		assertThat(SignedRequest.to(netSuite, "OPTIONS", "/services/rest/record/v1/customer").send().statusCode())
			.isEqualTo(204);
	}

	@Test
	void optionsAnswers401WhenNotSigned() {
		assertThat(SignedRequest.to(netSuite, "OPTIONS", "/services/rest/*").consumerSecret("x").send().statusCode())
			.isEqualTo(401);
	}

}
