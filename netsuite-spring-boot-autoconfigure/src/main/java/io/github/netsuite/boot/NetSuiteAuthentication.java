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
import java.time.Duration;
import java.util.Map;

import io.github.netsuite.boot.auth.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;

/**
 * How requests to one NetSuite account authenticate: token-based authentication (OAuth
 * 1.0a) or OAuth 2.0 client credentials. The interceptor chain asks it to get ready
 * before a request takes a permit, to authenticate every attempt afresh, to renew what a
 * refused one carried, and to explain a refusal; the {@code netsuite} health indicator
 * asks it to describe itself and a refusal.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public interface NetSuiteAuthentication {

	/**
	 * Authenticate one attempt of a request, setting (never appending) its headers.
	 * @param request the request as it goes on the wire
	 * @param body the request body
	 * @throws IOException if the credentials cannot be had
	 */
	void authenticate(HttpRequest request, byte[] body) throws IOException;

	/**
	 * Get ready to authenticate a request, before it takes a concurrency permit: fetch
	 * what may need a request of its own (an OAuth 2.0 access token). Nothing by default.
	 * @throws IOException if the credentials cannot be had
	 */
	default void prepare() throws IOException {
	}

	/**
	 * Drop the credentials NetSuite refused for a request, if new ones can help (an access
	 * token that expired early); {@link #prepare()} then gets new ones and the request is
	 * repeated once. Called while the request holds no permit; does no I/O of its own.
	 * Never by default: a refused signature stays refused.
	 * @param request the refused request, with the credentials it carried
	 * @param error NetSuite's answer, a login failure
	 * @return whether to repeat the request with renewed credentials
	 */
	default boolean renew(HttpRequest request, NetSuiteError error) {
		return false;
	}

	/**
	 * Say what to fix when NetSuite refused the authentication.
	 * @param error NetSuite's answer, a login failure
	 * @return what to check or fix, never a secret
	 */
	String failureHint(NetSuiteError error);

	/**
	 * Describe this authentication while it works, for the {@code netsuite} health
	 * indicator: what is worth knowing before it stops working, such as when an access
	 * token or a certificate expires. Never a secret. None by default.
	 * @param properties the prefix of the account's configuration properties
	 * ({@code netsuite}, or {@code netsuite.accounts.<name>} for a named account), for a
	 * detail that names one
	 * @return the details, in the order to show them
	 * @since 0.1.0
	 */
	default Map<String, Object> details(String properties) {
		return Map.of();
	}

	/**
	 * Explain why NetSuite refused this authentication, for the {@code netsuite} health
	 * indicator: details to show with its DOWN, such as a {@code checklist} (what to
	 * check, most likely first) or a {@code fix}, and an {@code error} that says better
	 * than NetSuite's detail what happened. Never a secret. By default the refusal's hint
	 * (this authentication's {@link #failureHint}) as the {@code checklist}.
	 * @param refusal the refused login
	 * @param account the account ID
	 * @param properties the prefix of the account's configuration properties
	 * ({@code netsuite}, or {@code netsuite.accounts.<name>} for a named account), for
	 * advice that names one
	 * @param clockSkew how far this server's clock is ahead of NetSuite's (negative:
	 * behind), measured with the answer's {@code Date} header, or {@code null} when not
	 * known
	 * @return the details, in the order to show them
	 * @since 0.1.0
	 */
	default Map<String, Object> refusalDetails(NetSuiteAuthenticationException refusal, AccountId account,
			String properties, @Nullable Duration clockSkew) {
		String hint = refusal.getHint();
		return (hint != null) ? Map.of("checklist", hint) : Map.of();
	}

	/**
	 * Describe the authentication for a log line, never with a secret, such as
	 * {@code token-based authentication (TBA)}.
	 * @return the description; by default, the application's authentication by its type
	 */
	default String description() {
		return "authentication by the application's " + getClass().getSimpleName();
	}

	/**
	 * Return whether the authentication fetches access tokens with requests of its own
	 * through the account's chain (observed with the API {@code token}).
	 * @return whether it requests tokens; by default {@code false}
	 */
	default boolean requestsTokens() {
		return false;
	}

}
