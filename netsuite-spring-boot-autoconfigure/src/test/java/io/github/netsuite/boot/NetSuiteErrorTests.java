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

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteError}: error bodies read strictly, throttling recognised only
 * from its documented forms, a failed task's error read by the same parser, and the
 * account the exceptions name.
 */
class NetSuiteErrorTests {

	@Test
	void readsAFailedTasksErrorFromASuccessfulAnswerWithTheStatusItNames() {
		NetSuiteError error = NetSuiteError.inTaskResult(new HttpHeaders(), ("{\"status\":404,\"o:errorDetails\":"
				+ "[{\"detail\":\"The record instance does not exist.\",\"o:errorCode\":\"NONEXISTENT_ID\"}]}")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(404);
		assertThat(error.errorCode()).isEqualTo("NONEXISTENT_ID");
		assertThat(error.detail()).isEqualTo("The record instance does not exist.");
	}

	@Test
	void takesATaskResultWithoutAnErrorCodeForNoError() {
		assertThat(NetSuiteError.inTaskResult(new HttpHeaders(),
				"{\"links\":[{\"rel\":\"self\",\"href\":\"x\"}]}".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(NetSuiteError.inTaskResult(new HttpHeaders(), new byte[0])).isNull();
	}

	@Test
	void namesTheAccountAndARestletsScriptAndDeploymentAheadOfTheMessageOnce() {
		NetSuiteException exception = new NetSuiteScriptException(400, "JS_EXCEPTION", "x is undefined", "POST",
				"/app/site/hosting/restlet.nl", null);
		assertThat(exception.getAccount()).isNull();
		assertThat(exception).hasMessage("NetSuite answered 400 JS_EXCEPTION to POST /app/site/hosting/restlet.nl: "
				+ "x is undefined");
		exception.named("primary", "TSTDRV123", "RESTlet customscript_x/customdeploy_x");
		exception.named("other", "OTHER", null);
		assertThat(exception.getAccount()).isEqualTo("primary");
		assertThat(exception).hasMessage("RESTlet customscript_x/customdeploy_x on account 'primary' (TSTDRV123): "
				+ "NetSuite answered 400 JS_EXCEPTION to POST /app/site/hosting/restlet.nl: x is undefined");
	}

	@Test
	void namesAnAccountKnownOnlyByItsRealm() {
		NetSuiteException exception = new NetSuiteNotFoundException(404, null, null, "GET", "/x", null);
		exception.named(null, "1234567_SB1", null);
		assertThat(exception.getAccount()).isEqualTo("1234567_SB1");
		assertThat(exception).hasMessage("Account 1234567_SB1: NetSuite answered 404 to GET /x");
	}

	@Test
	void refusesARestErrorWithTheCodeTwiceRatherThanTakeTheLast() {
		NetSuiteError error = error(400, "{\"o:errorDetails\":[{\"o:errorCode\":\"USER_ERROR\","
				+ "\"o:errorCode\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"detail\":\"Invalid\"}]}");
		assertThat(error.errorCode()).isNull();
		assertThat(error.detail()).isEqualTo("unreadable error body");
		assertThat(error.isThrottled()).isFalse();
	}

	@Test
	void refusesARestletErrorWithTheCodeTwiceRatherThanTakeTheLast() {
		NetSuiteError error = error(400,
				"{\"error\":{\"code\":\"SCRIPT_ERROR\",\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}}");
		assertThat(error.errorCode()).isNull();
		assertThat(error.detail()).isEqualTo(NetSuiteError.UNREADABLE);
		assertThat(error.isThrottled()).isFalse();
	}

	@Test
	void refusesAnErrorWithAnyKeyTwiceAnywhere() {
		NetSuiteError error = error(401, "{\"error\":{\"code\":\"INVALID_LOGIN\"},\"error\":\"invalid_client\"}");
		assertThat(error.errorCode()).isNull();
		// The status still tells what it is.
		assertThat(error.isAuthenticationFailure()).isTrue();
	}

	@Test
	void refusesAnErrorBodyThatIsNotUtf8OrNestedTooDeep() {
		byte[] notUtf8 = { '{', '"', 'e', 'r', 'r', 'o', 'r', '"', ':', '"', (byte) 0xC3, '(', '"', '}' };
		assertThat(NetSuiteError.of(400, new HttpHeaders(), notUtf8).detail()).isEqualTo(NetSuiteError.UNREADABLE);
		String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		assertThat(error(400, deep).detail()).isEqualTo(NetSuiteError.UNREADABLE);
	}

	@Test
	void readsAnErrorWithoutDuplicatesAsBefore() {
		NetSuiteError error = error(404, "{\"o:errorDetails\":[{\"o:errorCode\":\"NONEXISTENT_ID\","
				+ "\"detail\":\"No record\"}],\"title\":\"Not Found\"}");
		assertThat(error.errorCode()).isEqualTo("NONEXISTENT_ID");
		assertThat(error.detail()).isEqualTo("No record");
	}

	@Test
	void takesA429ForThrottlingWithOrWithoutABody() {
		assertThat(error(429, "").isThrottled()).isTrue();
		assertThat(error(429, "{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}").isThrottled())
			.isTrue();
		assertThat(error(429, "<html>Too many</html>").isThrottled()).isTrue();
	}

	@Test
	void takesARestlet400WithSssRequestLimitExceededForThrottling() {
		NetSuiteError error = error(400, "{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}}");
		assertThat(error.isThrottled()).isTrue();
		assertThat(error.isAuthenticationFailure()).isFalse();
	}

	@Test
	void takesA400WithConcurrencyLimitExceededForNoThrottling() {
		assertThat(error(400, "{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}").isThrottled())
			.isFalse();
	}

	@Test
	void takesThrottlingCodesWithAnyOtherStatusForNoThrottling() {
		for (int status : new int[] { 401, 403, 500, 503 }) {
			assertThat(error(status, "{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\"}}").isThrottled())
				.as("%d", status)
				.isFalse();
			assertThat(error(status, "{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}")
				.isThrottled()).as("%d", status).isFalse();
		}
	}

	@Test
	void takesA401WithAThrottlingCodeForAnAuthenticationFailure() {
		NetSuiteError error = error(401, "{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\"}}");
		assertThat(error.isThrottled()).isFalse();
		assertThat(error.isAuthenticationFailure()).isTrue();
	}

	private static NetSuiteError error(int status, String body) {
		return NetSuiteError.of(status, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8));
	}

}
