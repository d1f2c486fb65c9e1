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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Asynchronous requests, idempotency keys and lost answers, on the wire.
 */
class AsyncTests {

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

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
		netSuite.clearData();
	}

	private static SignedRequest asyncCreate(String body) {
		return SignedRequest.to(netSuite, "POST", CUSTOMERS).json(body).header("Prefer", "respond-async");
	}

	private static HttpResponse<String> get(String url) {
		return SignedRequest.to(netSuite, "GET", URI.create(url).getRawPath()).send();
	}

	@Test
	void anAsyncRequestIsAcceptedWithTheLocationOfItsJob() {
		HttpResponse<String> response = asyncCreate("{\"companyname\":\"Acme\"}").send();
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.headers().firstValue("Preference-Applied")).hasValue("respond-async");
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).matches(netSuite.restUrl() + "/services/rest/async/v1/job/\\d+"));
	}

	@Test
	void aJobIsPendingUntilTheDelayHasPassedThenItsTaskResultIsTheCreatesAnswer() throws Exception {
		netSuite.asyncDelay(Duration.ofMillis(300));
		String job = asyncCreate("{\"companyname\":\"Acme\"}").send().headers().firstValue("Location").orElseThrow();
		assertThat(json(get(job)).get("completed").asBoolean()).isFalse();
		assertThat(json(get(job)).get("progress").asText()).isEqualTo("pending");
		Thread.sleep(350);
		assertThat(json(get(job)).get("completed").asBoolean()).isTrue();
		String tasks = json(get(job)).at("/task/links/0/href").asText();
		String task = json(get(tasks)).at("/items/0/links/0/href").asText();
		assertThat(json(get(task)).get("progress").asText()).isEqualTo("succeeded");
		HttpResponse<String> result = get(task + "/result");
		assertThat(result.statusCode()).isEqualTo(204);
		String record = result.headers().firstValue("Location").orElseThrow();
		String id = record.substring(record.lastIndexOf('/') + 1);
		assertThat(netSuite.records("customer").get(id)).containsEntry("companyname", "Acme");
	}

	@Test
	void aFailedTaskHasTheErrorTheSynchronousRequestWouldHaveHad() {
		String job = asyncCreate("[]").send().headers().firstValue("Location").orElseThrow();
		assertThat(json(get(job)).get("progress").asText()).isEqualTo("failed");
		HttpResponse<String> result = get(job + "/task/1/result");
		assertThat(result.statusCode()).isEqualTo(400);
		assertThat(errorCode(result)).isEqualTo("INVALID_CONTENT");
	}

	@Test
	void aRepeatedIdempotencyKeyAnswersIdempotencyErrorWithTheOriginalJobAndIsNotExecuted() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = asyncCreate("{\"companyname\":\"Once\"}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key)
			.send();
		HttpResponse<String> second = asyncCreate("{\"companyname\":\"Once\"}")
			.header(AsyncEndpoint.IDEMPOTENCY_KEY, key)
			.send();
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(errorCode(second)).isEqualTo("IDEMPOTENCY_ERROR");
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(netSuite.records("customer").size()).isOne();
	}

	@Test
	void synchronousRequestsIgnoreTheIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			assertThat(SignedRequest.to(netSuite, "POST", CUSTOMERS)
				.json("{}")
				.header(AsyncEndpoint.IDEMPOTENCY_KEY, key)
				.send()
				.statusCode()).isEqualTo(204);
		}
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
	}

	@Test
	void idempotencyKeysAreRememberedPerAccount() {
		String key = UUID.randomUUID().toString();
		try (NetSuiteDouble other = NetSuiteDouble.builder().account("7654321").build().start()) {
			asyncCreate("{}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
			HttpResponse<String> elsewhere = SignedRequest.to(other, "POST", CUSTOMERS)
				.json("{}")
				.header("Prefer", "respond-async")
				.header(AsyncEndpoint.IDEMPOTENCY_KEY, key)
				.send();
			assertThat(elsewhere.statusCode()).isEqualTo(202);
		}
	}

	@Test
	void clearingTheDataForgetsIdempotencyKeys() {
		String key = UUID.randomUUID().toString();
		asyncCreate("{}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
		netSuite.clearData();
		assertThat(asyncCreate("{}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send().statusCode()).isEqualTo(202);
	}

	@Test
	void aLostAnswerOfASynchronousCreateStillCreatesTheRecord() {
		netSuite.loseAnswers(2);
		assertThat(SignedRequest.to(netSuite, "POST", CUSTOMERS).json("{}").send().statusCode()).isEqualTo(204);
		assertThatIllegalStateException()
			.isThrownBy(() -> SignedRequest.to(netSuite, "POST", CUSTOMERS).json("{}").send())
			.withCauseInstanceOf(IOException.class);
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
		assertThat(netSuite.lostAnswerCount()).isOne();
	}

	@Test
	void aLostAnswerOfAnAsyncSubmissionStillRemembersItsKey() {
		netSuite.loseAnswers(1);
		String key = UUID.randomUUID().toString();
		assertThatIllegalStateException()
			.isThrownBy(() -> asyncCreate("{}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send());
		netSuite.loseAnswers(0);
		HttpResponse<String> repeat = asyncCreate("{}").header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
		assertThat(errorCode(repeat)).isEqualTo("IDEMPOTENCY_ERROR");
		assertThat(netSuite.records("customer").size()).isOne();
	}

	@Test
	void readsAndQueriesNeverLoseTheirAnswers() {
		netSuite.loseAnswers(1);
		assertThat(SignedRequest.to(netSuite, "GET", CUSTOMERS).send().statusCode()).isEqualTo(200);
		assertThat(SignedRequest.to(netSuite, "POST", "/services/rest/query/v1/suiteql")
			.suiteQl("SELECT id FROM customer")
			.send()
			.statusCode()).isEqualTo(200);
		assertThat(netSuite.lostAnswerCount()).isZero();
	}

	@Test
	void anUnknownJobIsNotFound() {
		assertThat(SignedRequest.to(netSuite, "GET", "/services/rest/async/v1/job/999").send().statusCode())
			.isEqualTo(404);
	}

}
