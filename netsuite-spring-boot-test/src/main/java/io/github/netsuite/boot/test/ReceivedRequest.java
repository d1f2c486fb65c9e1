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

/**
 * A request as the double received it, before any check: its method and path, and whether it
 * carried credentials of any kind. The credentials themselves are never kept. A test that
 * redirects one double to a second one reads the second one's
 * {@link NetSuiteDouble#receivedRequests()} to prove nothing secret reached it.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param authorizationHeader whether it had an {@code Authorization} header (OAuth 1.0a
 * signature, {@code Bearer} access token or any other)
 * @param clientAssertion whether it had a {@code client_assertion} parameter, in a form body
 * or the query
 * @param credentialParameters whether it had an OAuth parameter that belongs in the
 * {@code Authorization} header ({@code oauth_consumer_key}, {@code oauth_token},
 * {@code oauth_signature}) or an {@code access_token}, in a form body or the query
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record ReceivedRequest(String method, String path, boolean authorizationHeader, boolean clientAssertion,
		boolean credentialParameters) {

	/**
	 * Whether the request carried credentials in any of the forms above.
	 * @return whether it had an {@code Authorization} header, a client assertion or a
	 * credential parameter
	 */
	public boolean hasCredentials() {
		return this.authorizationHeader || this.clientAssertion || this.credentialParameters;
	}

}
