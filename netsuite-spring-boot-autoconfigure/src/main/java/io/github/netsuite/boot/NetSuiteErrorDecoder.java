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

import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Turns NetSuite's error answers into typed {@link NetSuiteException}s that carry
 * NetSuite's code and detail and, for a refused login, what the account's authentication
 * says to fix: the one place an error is classified. It classifies the
 * {@link NetSuiteError} the error interceptor read on the wire (its one parser); the
 * account's {@code NetSuiteExchange} asks it for every error answer of the request
 * objects, and the signed clients of the auto-configuration have it as their default
 * status handler, so a call site never repeats
 * {@code .onStatus(NetSuiteErrorDecoder.IS_ERROR, decoder)}.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteErrorDecoder implements RestClient.ResponseSpec.ErrorHandler {

	/**
	 * The statuses this decoder handles: every 4xx and 5xx.
	 */
	static final Predicate<HttpStatusCode> IS_ERROR = HttpStatusCode::isError;

	private static final String LOGIN_HINT = "NetSuite refused the credentials; the real reason is in Setup > "
			+ "Users/Roles > User Management > View Login Audit Trail";

	private static final String PERMISSION_HINT = "Give the token's role the permission for this record type or "
			+ "operation (Setup > Users/Roles > Manage Roles)";

	private static final String CONCURRENCY_HINT = "The account had more requests in flight than its concurrency "
			+ "limit allows; lower netsuite.concurrency.limit or spread the load";

	private static final String SCRIPT_HINT = "The RESTlet's script threw an error it did not catch; the "
			+ "deployment's execution log has it (Customization > Scripting > Script Deployments > View > Execution Log)";

	private final @Nullable NetSuiteAuthentication authentication;

	/**
	 * Create a decoder whose login failures carry the given authentication's hint.
	 * @param authentication the account's authentication, or {@code null} for a generic
	 * hint
	 */
	NetSuiteErrorDecoder(@Nullable NetSuiteAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public void handle(HttpRequest request, ClientHttpResponse response) throws IOException {
		// Read on the wire, or here for a client built without the starter's interceptors.
		throw exception(Answers.error(request, response), request.getMethod().name(), request.getURI().getRawPath());
	}

	/**
	 * Return the exception that describes an error answer.
	 * @param error the error
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @return the exception
	 */
	NetSuiteException exception(NetSuiteError error, String method, @Nullable String path) {
		int status = error.status();
		String errorCode = error.errorCode();
		String detail = error.detail();
		String code = (errorCode != null) ? errorCode.toUpperCase(Locale.ROOT) : "";
		if (error.isThrottled()) {
			return new NetSuiteConcurrencyLimitException(status, errorCode, detail, method, path, CONCURRENCY_HINT);
		}
		if (error.isAuthenticationFailure()) {
			String hint = (this.authentication != null) ? this.authentication.failureHint(error) : LOGIN_HINT;
			return new NetSuiteAuthenticationException(status, errorCode, detail, method, path, hint);
		}
		if (status == 403 || code.equals("INSUFFICIENT_PERMISSION")) {
			return new NetSuitePermissionException(status, errorCode, detail, method, path, PERMISSION_HINT);
		}
		if (status == 404 || code.equals("NONEXISTENT_ID")) {
			return new NetSuiteNotFoundException(status, errorCode, detail, method, path, null);
		}
		if (status == 400 && path != null && path.endsWith(RestletRequest.PATH)) {
			// A RESTlet answers 400 with the error its script threw and did not catch
			return new NetSuiteScriptException(status, errorCode, detail, method, path, SCRIPT_HINT);
		}
		if (status >= 500) {
			return new NetSuiteServerException(status, errorCode, detail, method, path, null);
		}
		return new NetSuiteValidationException(status, errorCode, detail, method, path, null);
	}

}
