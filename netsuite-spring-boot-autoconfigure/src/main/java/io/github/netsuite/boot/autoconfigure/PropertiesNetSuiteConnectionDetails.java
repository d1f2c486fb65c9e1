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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.Assert;

/**
 * Adapts one account's {@link NetSuiteAccountProperties} ({@code netsuite.*} or
 * {@code netsuite.accounts.<name>.*}) to {@link NetSuiteConnectionDetails}. It reads
 * what {@link NetSuitePropertiesValidation} has checked, trimmed; NetSuite's own URLs
 * when none is set.
 * <p>
 * The OAuth 2.0 private key and certificate are read once, when first asked for (by the
 * validation, which reports what is wrong with them), and kept.
 *
 * @author NetSuite Spring Boot team
 */
final class PropertiesNetSuiteConnectionDetails implements NetSuiteConnectionDetails {

	private final String prefix;

	private final NetSuiteAccountProperties properties;

	private volatile @Nullable OAuth2Credentials oauth2Credentials;

	/**
	 * Create the connection details of an account.
	 * @param prefix the account's key prefix, {@code netsuite.} or
	 * {@code netsuite.accounts.<name>.}, to name the keys in a problem
	 * @param properties the account's properties
	 */
	PropertiesNetSuiteConnectionDetails(String prefix, NetSuiteAccountProperties properties) {
		this.prefix = prefix;
		this.properties = properties;
	}

	String prefix() {
		return this.prefix;
	}

	NetSuiteAccountProperties properties() {
		return this.properties;
	}

	@Override
	public AccountId getAccount() {
		return AccountId.of(value(CredentialProperty.ACCOUNT));
	}

	@Override
	public @Nullable TbaCredentials getCredentials() {
		return isOAuth2() ? null
				: new TbaCredentials(value(CredentialProperty.CONSUMER_KEY), value(CredentialProperty.CONSUMER_SECRET),
						value(CredentialProperty.TOKEN_ID), value(CredentialProperty.TOKEN_SECRET));
	}

	/**
	 * Return the OAuth 2.0 credentials, when any {@code oauth2.*} credential is set.
	 * @throws InvalidNetSuitePropertiesException naming the key that is wrong, if the
	 * private key, the certificate, the algorithm or the scopes do not make credentials
	 */
	@Override
	public @Nullable OAuth2Credentials getOAuth2Credentials() {
		if (!isOAuth2()) {
			return null;
		}
		OAuth2Credentials credentials = this.oauth2Credentials;
		if (credentials == null) {
			credentials = oauth2Credentials();
			this.oauth2Credentials = credentials;
		}
		return credentials;
	}

	@Override
	public URI getTokenUrl() {
		URI url = url(this.properties.getOauth2().getTokenUrl());
		return (url != null) ? url : NetSuiteConnectionDetails.super.getTokenUrl();
	}

	@Override
	public URI getRestUrl() {
		URI url = url(this.properties.getRestUrl());
		return (url != null) ? url : NetSuiteConnectionDetails.super.getRestUrl();
	}

	@Override
	public URI getRestletUrl() {
		URI url = url(this.properties.getRestletUrl());
		return (url != null) ? url : NetSuiteConnectionDetails.super.getRestletUrl();
	}

	private boolean isOAuth2() {
		return CredentialProperty.OAUTH2.stream().anyMatch((property) -> property.isSet(this.properties));
	}

	// Pasted values often bring surrounding whitespace.
	private String value(CredentialProperty property) {
		String value = property.get(this.properties);
		Assert.state(value != null && !value.isBlank(), () -> property.key(this.prefix) + " is missing");
		return value.strip();
	}

	private static @Nullable URI url(@Nullable String value) {
		return (value != null && !value.isBlank()) ? URI.create(value.strip()) : null;
	}

	// The key alone, then with the algorithm, then with the scopes: each refusal names its own keys.
	private OAuth2Credentials oauth2Credentials() {
		String clientId = value(CredentialProperty.OAUTH2_CLIENT_ID);
		String certificateId = value(CredentialProperty.OAUTH2_CERTIFICATE_ID);
		PrivateKey privateKey = privateKey();
		Instant certificateExpiry = certificateExpiry();
		NetSuiteAccountProperties.OAuth2 oauth2 = this.properties.getOauth2();
		String keyProperty = CredentialProperty.OAUTH2_PRIVATE_KEY.key(this.prefix);
		String algorithmProperty = this.prefix + "oauth2.algorithm";
		try {
			new OAuth2Credentials(clientId, certificateId, privateKey, null, List.of());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(keyProperty, "cannot sign for NetSuite: " + message(ex),
					privateKeyAction("give an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521"));
		}
		try {
			new OAuth2Credentials(clientId, certificateId, privateKey, oauth2.getAlgorithm(), List.of());
		}
		catch (IllegalArgumentException ex) {
			// The message names the algorithm and what the key is, never the key.
			throw invalid(algorithmProperty, "does not fit " + keyProperty + ": " + message(ex),
					algorithmProperty + ": leave it unset to sign with the key's own algorithm, or set one that fits ("
							+ message(ex) + "); if the algorithm is the intended one, " + keyProperty
							+ " is not the key whose certificate was uploaded to the M2M setup");
		}
		try {
			return new OAuth2Credentials(clientId, certificateId, privateKey, oauth2.getAlgorithm(),
					oauth2.getScopes(), certificateExpiry);
		}
		catch (IllegalArgumentException ex) {
			String key = this.prefix + "oauth2.scopes";
			throw invalid(key, "is not valid: " + message(ex), key + ": " + message(ex));
		}
	}

	/**
	 * Read the private key; never quoted, it is a secret.
	 * @throws InvalidNetSuitePropertiesException saying why it is not a usable key
	 */
	PrivateKey privateKey() {
		try {
			return PemPrivateKeys.load(value(CredentialProperty.OAUTH2_PRIVATE_KEY), this.prefix);
		}
		catch (PemPrivateKeys.UnreadableKeyException ex) {
			throw invalid(CredentialProperty.OAUTH2_PRIVATE_KEY.key(this.prefix), ex.reason(),
					privateKeyAction(ex.advice()));
		}
	}

	private String privateKeyAction(String advice) {
		CredentialProperty property = CredentialProperty.OAUTH2_PRIVATE_KEY;
		return property.key(this.prefix) + " (" + property.environmentVariable(this.prefix) + "): " + advice
				+ "; it is " + PemPrivateKeys.KEY_SOURCE;
	}

	// Read for its expiry only: PEM text (newlines may have arrived as \n), or where to read it.
	private @Nullable Instant certificateExpiry() {
		String value = this.properties.getOauth2().getCertificate();
		if (value == null || value.isBlank()) {
			return null;
		}
		String key = this.prefix + "oauth2.certificate";
		String action = key + ": the PEM certificate uploaded to the M2M setup (or a file: or classpath: location "
				+ "of it), or leave it unset";
		List<X509Certificate> certificates;
		try {
			certificates = certificates(value.strip());
		}
		catch (IOException | RuntimeException ex) {
			throw invalid(key, "is not a readable PEM certificate (" + ex.getClass().getSimpleName() + ")", action);
		}
		if (certificates.isEmpty()) {
			throw invalid(key, "holds no certificate", action);
		}
		return certificates.get(0).getNotAfter().toInstant();
	}

	private static List<X509Certificate> certificates(String value) throws IOException {
		PemContent pem;
		if (PemPrivateKeys.isPem(value)) {
			pem = PemContent.of(PemPrivateKeys.normalize(value));
		}
		else {
			try (InputStream in = new DefaultResourceLoader().getResource(value).getInputStream()) {
				pem = PemContent.load(in);
			}
		}
		return (pem != null) ? pem.getCertificates() : List.of();
	}

	private static String message(IllegalArgumentException ex) {
		return Objects.requireNonNullElse(ex.getMessage(), "does not fit the private key");
	}

	private static InvalidNetSuitePropertiesException invalid(String key, String reason, String action) {
		return new InvalidNetSuitePropertiesException(List.of(new Problem(key, reason, action)));
	}

	@Override
	public String toString() {
		return "PropertiesNetSuiteConnectionDetails[" + this.prefix + "account=" + this.properties.getAccount() + "]";
	}

}
