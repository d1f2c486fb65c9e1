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
 * {@link ClientHttpRequestInterceptor} that authenticates every execution of a request
 * with the account's {@link NetSuiteAuthentication}. A retry further out in the chain
 * passes through here again and so is authenticated afresh.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAuthenticationInterceptor implements ClientHttpRequestInterceptor {

	private final NetSuiteAuthentication authentication;

	/**
	 * Create an interceptor.
	 * @param authentication the account's authentication
	 */
	NetSuiteAuthenticationInterceptor(NetSuiteAuthentication authentication) {
		this.authentication = Objects.requireNonNull(authentication, "authentication");
	}

	/**
	 * Return the authentication this interceptor applies.
	 * @return the authentication
	 */
	NetSuiteAuthentication authentication() {
		return this.authentication;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.authentication.authenticate(request, body);
		return execution.execute(request, body);
	}

}
