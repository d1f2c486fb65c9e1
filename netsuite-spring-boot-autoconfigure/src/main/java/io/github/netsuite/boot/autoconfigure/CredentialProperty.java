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

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The properties that make up a NetSuite connection, with where each value comes from in
 * NetSuite: the account and either the four token-based authentication credentials or
 * the three OAuth 2.0 ones. The same for every account, under its own prefix.
 *
 * @author NetSuite Spring Boot team
 */
enum CredentialProperty {

	ACCOUNT("account", NetSuiteAccountProperties::getAccount,
			"the account ID from Setup > Company > Company Information (sandboxes end in _SB1)"),

	CONSUMER_KEY("consumer-key", NetSuiteAccountProperties::getConsumerKey,
			"the consumer key of the integration record (Setup > Integration > Manage Integrations); "
					+ "it is shown only once, so use 'Reset Credentials' on the record if it is lost"),

	CONSUMER_SECRET("consumer-secret", NetSuiteAccountProperties::getConsumerSecret,
			"the consumer secret of the integration record (Setup > Integration > Manage Integrations); "
					+ "it is shown only once, so use 'Reset Credentials' on the record if it is lost"),

	TOKEN_ID("token-id", NetSuiteAccountProperties::getTokenId,
			"the token ID of the access token (Setup > Users/Roles > Access Tokens > New); "
					+ "it is shown only once, so create a new token if it is lost"),

	TOKEN_SECRET("token-secret", NetSuiteAccountProperties::getTokenSecret,
			"the token secret of the access token (Setup > Users/Roles > Access Tokens > New); "
					+ "it is shown only once, so create a new token if it is lost"),

	OAUTH2_CLIENT_ID("oauth2.client-id", (properties) -> properties.getOauth2().getClientId(),
			"the client ID of the integration record (Setup > Integration > Manage Integrations), with "
					+ "'Client Credentials (Machine to Machine) Grant' checked"),

	OAUTH2_CERTIFICATE_ID("oauth2.certificate-id", (properties) -> properties.getOauth2().getCertificateId(),
			"the certificate ID of the mapping in Setup > Integration > Manage Authentication > OAuth 2.0 "
					+ "Client Credentials (M2M) Setup"),

	OAUTH2_PRIVATE_KEY("oauth2.private-key", (properties) -> properties.getOauth2().getPrivateKey(),
			"the PEM private key (or a file: or classpath: location of it) whose certificate was uploaded to "
					+ "that mapping; create both with openssl");

	static final List<CredentialProperty> TBA = List.of(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET);

	static final List<CredentialProperty> OAUTH2 = List.of(OAUTH2_CLIENT_ID, OAUTH2_CERTIFICATE_ID,
			OAUTH2_PRIVATE_KEY);

	private final String name;

	private final Function<NetSuiteAccountProperties, @Nullable String> getter;

	private final String source;

	CredentialProperty(String name, Function<NetSuiteAccountProperties, @Nullable String> getter, String source) {
		this.name = name;
		this.getter = getter;
		this.source = source;
	}

	/**
	 * Return the property's key for an account's properties.
	 * @param prefix {@code netsuite.} for the primary account,
	 * {@code netsuite.accounts.<name>.} for a named one
	 */
	String key(String prefix) {
		return prefix + this.name;
	}

	String environmentVariable(String prefix) {
		return key(prefix).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	String source() {
		return this.source;
	}

	@Nullable String get(NetSuiteAccountProperties properties) {
		return this.getter.apply(properties);
	}

	boolean isSet(NetSuiteAccountProperties properties) {
		String value = get(properties);
		return value != null && !value.isBlank();
	}

}
