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

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite's host answered a redirect (3xx). NetSuite's account-specific API hosts
 * answer calls directly and nothing in its documentation redirects one, so a redirect
 * comes from something else on the way (a proxy, a captive portal, a wrong
 * {@code netsuite.rest-url}). It is never followed: no credential, assertion or body is
 * sent to the host it names, and it is never taken for success nor retried.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteRedirectException extends NetSuiteException {

	private final @Nullable String location;

	/**
	 * Create an exception for a redirect answer.
	 * @param statusCode the 3xx status
	 * @param location the host (scheme, host and port, never a path or query) the answer
	 * redirected to, or {@code null} when it named none
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint what to check
	 */
	public NetSuiteRedirectException(int statusCode, @Nullable String location, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		super(statusCode, null, "a redirect to " + ((location != null) ? location : "no location")
				+ ", not followed: NetSuite's API hosts answer directly", method, path, hint);
		this.location = location;
	}

	/**
	 * Create an exception for a redirect answer from its {@code Location} header, of which
	 * only the scheme, host and port are kept.
	 * @param statusCode the 3xx status
	 * @param requestUri the request's URI, against which a relative location resolves
	 * @param locationHeader the answer's {@code Location} header, if any
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint what to check
	 */
	public NetSuiteRedirectException(int statusCode, URI requestUri, @Nullable String locationHeader,
			@Nullable String method, @Nullable String path, @Nullable String hint) {
		this(statusCode, origin(requestUri, locationHeader), method, path, hint);
	}

	// Scheme, host and port only: a redirect's path or query may carry something secret.
	static @Nullable String origin(URI requestUri, @Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		try {
			URI target = requestUri.resolve(location.strip());
			if (target.getScheme() == null || target.getHost() == null) {
				return "an unreadable location";
			}
			int port = target.getPort();
			if (port == -1) {
				port = "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
			}
			return target.getScheme() + "://" + target.getHost() + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return "an unreadable location";
		}
	}

	/**
	 * Return the host the answer redirected to: scheme, host and port, never a path or
	 * query, which might carry something secret.
	 * @return the host, or {@code null} when the answer named none
	 */
	public @Nullable String getLocation() {
		return this.location;
	}

}
