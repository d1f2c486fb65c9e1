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
package io.github.netsuite.boot.autoconfigure;

import java.net.URI;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to the primary NetSuite account. Backed by the top-level
 * {@code netsuite.*} properties unless the application or a test defines a bean of its
 * own, which is then all the auto-configuration needs (the primary account's
 * {@code netsuite.*} connection keys are then not checked). Named accounts
 * ({@code netsuite.accounts.<name>.*}) always connect with their properties. Exactly one
 * of {@link #getCredentials()} and {@link #getOAuth2Credentials()} is given.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public interface NetSuiteConnectionDetails extends ConnectionDetails {

	/**
	 * Return the account ID.
	 * @return the account ID
	 */
	AccountId getAccount();

	/**
	 * Return the token-based authentication credentials.
	 * @return the credentials, or {@code null} when the account uses
	 * {@linkplain #getOAuth2Credentials() OAuth 2.0}
	 */
	default @Nullable TbaCredentials getCredentials() {
		return null;
	}

	/**
	 * Return the OAuth 2.0 client credentials, which NetSuite asks new integrations to use
	 * from 2027.1.
	 * @return the credentials, or {@code null} when the account uses
	 * {@linkplain #getCredentials() token-based authentication}
	 */
	default @Nullable OAuth2Credentials getOAuth2Credentials() {
		return null;
	}

	/**
	 * Return the OAuth 2.0 token endpoint.
	 * @return the token URL; {@code <rest-url>/services/rest/auth/oauth2/v1/token} by
	 * default
	 */
	default URI getTokenUrl() {
		return NetSuiteAccount.defaultTokenUrl(getRestUrl());
	}

	/**
	 * Return the base URL of REST web services.
	 * @return the REST base URL; NetSuite's own by default
	 */
	default URI getRestUrl() {
		return NetSuiteAccount.defaultRestUrl(getAccount());
	}

	/**
	 * Return the base URL of RESTlets.
	 * @return the RESTlet base URL; NetSuite's own by default
	 */
	default URI getRestletUrl() {
		return NetSuiteAccount.defaultRestletUrl(getAccount());
	}

}
