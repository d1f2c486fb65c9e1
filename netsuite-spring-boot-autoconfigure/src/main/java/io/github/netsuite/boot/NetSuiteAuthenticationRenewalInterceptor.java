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
import java.util.Objects;


import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that sits outside the concurrency permit and gets
 * the account's {@link NetSuiteAuthentication} ready before a request takes one, so that
 * fetching an access token (a request of its own, with a permit of its own) never waits
 * on the permit its caller holds. When NetSuite refuses the credentials and the
 * authentication can renew them, the request is repeated once: NetSuite did not execute
 * it.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAuthenticationRenewalInterceptor implements ClientHttpRequestInterceptor {

	private final NetSuiteAuthentication authentication;

	/**
	 * Create an interceptor.
	 * @param authentication the account's authentication
	 */
	NetSuiteAuthenticationRenewalInterceptor(NetSuiteAuthentication authentication) {
		this.authentication = Objects.requireNonNull(authentication, "authentication");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.authentication.prepare();
		ClientHttpResponse response = execution.execute(request, body);
		NetSuiteError error = NetSuiteRequests.error(request);
		if (error == null || !error.isAuthenticationFailure() || !this.authentication.renew(request, error)) {
			return response;
		}
		// The refused answer is closed first: its permit is free for the token request.
		response.close();
		this.authentication.prepare();
		return execution.execute(request, body);
	}

}
