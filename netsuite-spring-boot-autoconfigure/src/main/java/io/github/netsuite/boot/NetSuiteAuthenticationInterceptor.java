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
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;


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

	// scheme://host:port of the configured NetSuite URLs; empty: any host (a user's own client)
	private final Set<String> origins;

	/**
	 * Create an interceptor that authenticates whatever host a request goes to.
	 * @param authentication the account's authentication
	 */
	NetSuiteAuthenticationInterceptor(NetSuiteAuthentication authentication) {
		this(authentication, List.of());
	}

	/**
	 * Create an interceptor that authenticates only requests to the given base URLs' hosts:
	 * a URI a caller or an answer named (an absolute URI on the signed client, a job's
	 * {@code Location}) never takes the account's credentials elsewhere.
	 * @param authentication the account's authentication
	 * @param baseUrls the account's configured base URLs
	 */
	NetSuiteAuthenticationInterceptor(NetSuiteAuthentication authentication, List<URI> baseUrls) {
		this.authentication = Objects.requireNonNull(authentication, "authentication");
		this.origins = baseUrls.stream().map(NetSuiteAuthenticationInterceptor::origin).collect(
				java.util.stream.Collectors.toUnmodifiableSet());
	}

	static String origin(URI uri) {
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
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
		if (!this.origins.isEmpty() && !this.origins.contains(origin(request.getURI()))) {
			// Before signing: nothing of the account's credentials is computed for that host.
			throw new IllegalStateException("Refused to send NetSuite credentials to " + origin(request.getURI())
					+ ", which is neither of the account's configured URLs " + this.origins
					+ " (rest-url, restlet-url): address NetSuite by path below them");
		}
		this.authentication.authenticate(request, body);
		return execution.execute(request, body);
	}

}
