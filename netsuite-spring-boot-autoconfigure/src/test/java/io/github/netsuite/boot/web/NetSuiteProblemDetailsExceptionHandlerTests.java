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
package io.github.netsuite.boot.web;

import java.time.Duration;

import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteScriptException;
import io.github.netsuite.boot.NetSuiteServerException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NetSuiteProblemDetailsExceptionHandler} on its own.
 */
class NetSuiteProblemDetailsExceptionHandlerTests {

	private final NetSuiteProblemDetailsExceptionHandler handler = new NetSuiteProblemDetailsExceptionHandler(
			Duration.ofSeconds(5));

	@Test
	void removesTheQueryOfAUrlAndKeepsTheSentenceAroundIt() {
		assertThat(NetSuiteProblemDetailsExceptionHandler
			.withoutQuery("a redirect to https://login.example.test/sso?ticket=s3cr3t&b=2, not followed"))
			.isEqualTo("a redirect to https://login.example.test/sso, not followed");
		assertThat(NetSuiteProblemDetailsExceptionHandler.withoutQuery("GET /x/y?fields=email: gone (fix it)"))
			.isEqualTo("GET /x/y: gone (fix it)");
	}

	@Test
	void keepsAQuestionMarkInProse() {
		assertThat(NetSuiteProblemDetailsExceptionHandler.withoutQuery("Is the field required? Yes."))
			.isEqualTo("Is the field required? Yes.");
	}

	@Test
	void roundsRetryAfterUpToWholeSeconds() {
		NetSuiteProblemDetailsExceptionHandler handler = new NetSuiteProblemDetailsExceptionHandler(
				Duration.ofMillis(1500));
		assertThat(handler
			.handleNetSuiteException(new NetSuiteConcurrencyLimitException(429, "CONCURRENCY_LIMIT_EXCEEDED", null,
					"GET", "/services/rest/record/v1/customer/1", null))
			.getHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
	}

	@Test
	void refusesANegativeRetryAfterNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NetSuiteProblemDetailsExceptionHandler(Duration.ofSeconds(-1)))
			.withMessageContaining("netsuite.web.problem-details.retry-after");
	}

	@Test
	void answersNetSuitesGatewayTimeoutAs504AndOtherServerErrorsAs502() {
		assertThat(this.handler.status(new NetSuiteServerException(504, null, null, "GET", "/p", null)))
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(this.handler.status(new NetSuiteServerException(500, null, null, "GET", "/p", null)))
			.isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void answersARestletScriptErrorAs502() {
		assertThat(this.handler.status(new NetSuiteScriptException(400, "SSS_MISSING_REQD_ARGUMENT", "id is required",
				"GET", "/app/site/hosting/restlet.nl", null)))
			.isEqualTo(HttpStatus.BAD_GATEWAY);
	}

}
