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
package io.github.netsuite.boot.auth;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.jwk.Curve;
import org.jspecify.annotations.Nullable;

/**
 * The values of NetSuite's OAuth 2.0 client credentials (machine to machine) flow: the
 * integration record's client ID, the certificate ID of the M2M setup, the private key
 * whose certificate was uploaded there, the signing algorithm and the scopes. The key
 * never appears in {@link #toString()}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class OAuth2Credentials {

	/**
	 * The scopes asked for unless others are given.
	 */
	public static final List<String> DEFAULT_SCOPES = List.of("rest_webservices", "restlets");

	private static final Set<String> RSA_ALGORITHMS = Set.of("PS256", "PS384", "PS512");

	private static final Set<String> EC_ALGORITHMS = Set.of("ES256", "ES384", "ES512");

	private static final int MIN_RSA_BITS = 2048;

	private static final Set<String> SCOPES = Set.of("rest_webservices", "restlets", "suite_analytics");

	private final String clientId;

	private final String certificateId;

	private final PrivateKey privateKey;

	private final String algorithm;

	private final List<String> scopes;

	private final @Nullable Instant certificateExpiry;

	/**
	 * Create credentials.
	 * @param clientId the integration record's client ID (its consumer key)
	 * @param certificateId the certificate ID of the M2M setup, the assertion's
	 * {@code kid}
	 * @param privateKey the RSA or EC private key whose certificate was uploaded
	 * @param algorithm {@code PS256}, {@code PS384} or {@code PS512} for an RSA key,
	 * {@code ES256}, {@code ES384} or {@code ES512} for an EC key on P-256, P-384 or P-521,
	 * or {@code null} for PS256 with an RSA key and the curve's algorithm with an EC key
	 * @param scopes {@code rest_webservices}, {@code restlets}, {@code suite_analytics}, or
	 * empty for the {@linkplain #DEFAULT_SCOPES default ones}
	 * @throws IllegalArgumentException if NetSuite takes no such key (an RSA key under 2048
	 * bits, an EC key on another curve), the algorithm does not fit the key, or a scope is
	 * not one of NetSuite's; the message never shows the key
	 */
	public OAuth2Credentials(String clientId, String certificateId, PrivateKey privateKey, @Nullable String algorithm,
			List<String> scopes) {
		this(clientId, certificateId, privateKey, algorithm, scopes, null);
	}

	/**
	 * Create credentials that know when the mapping's certificate expires.
	 * @param clientId the integration record's client ID (its consumer key)
	 * @param certificateId the certificate ID of the M2M setup, the assertion's
	 * {@code kid}
	 * @param privateKey the RSA or EC private key whose certificate was uploaded
	 * @param algorithm the JWS algorithm, or {@code null} for the key's default (PS256 for
	 * RSA, ES256, ES384 or ES512 after the EC key's curve)
	 * @param scopes the scopes, or empty for the {@linkplain #DEFAULT_SCOPES default ones}
	 * @param certificateExpiry when the uploaded certificate expires, if known
	 * @throws IllegalArgumentException if the algorithm does not fit the key, or a scope is
	 * not one of NetSuite's
	 */
	public OAuth2Credentials(String clientId, String certificateId, PrivateKey privateKey, @Nullable String algorithm,
			List<String> scopes, @Nullable Instant certificateExpiry) {
		this.certificateExpiry = certificateExpiry;
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.certificateId = Objects.requireNonNull(certificateId, "certificateId");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		this.algorithm = algorithm(privateKey, algorithm);
		this.scopes = scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
		for (String scope : this.scopes) {
			if (!SCOPES.contains(scope)) {
				throw new IllegalArgumentException(
						"'" + scope + "' is not a NetSuite scope: use rest_webservices, restlets or suite_analytics");
			}
		}
	}

	private static String algorithm(PrivateKey key, @Nullable String algorithm) {
		List<String> fitting = fittingAlgorithms(key);
		if (algorithm == null || algorithm.isBlank()) {
			return fitting.get(0);
		}
		String name = algorithm.strip().toUpperCase(Locale.ROOT);
		if (!fitting.contains(name)) {
			String known = (RSA_ALGORITHMS.contains(name) || EC_ALGORITHMS.contains(name)) ? name
					: "'" + algorithm.strip() + "'";
			throw new IllegalArgumentException(known + " does not fit " + describe(key) + ", which takes "
					+ String.join(", ", fitting.subList(0, fitting.size() - 1))
					+ ((fitting.size() > 1) ? " or " : "") + fitting.get(fitting.size() - 1));
		}
		return name;
	}

	// The key's default algorithm first. An EC key signs with its curve's algorithm only.
	private static List<String> fittingAlgorithms(PrivateKey key) {
		if (key instanceof RSAPrivateKey rsa) {
			// Nimbus signs with nothing shorter, and NetSuite asks for more.
			if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
				throw new IllegalArgumentException("The private key is " + describe(key)
						+ ": NetSuite's RSA keys have at least " + MIN_RSA_BITS + " bits (3072 or 4096 recommended)");
			}
			return List.of("PS256", "PS384", "PS512");
		}
		if (key instanceof ECPrivateKey ec) {
			String algorithm = ecAlgorithm(ec);
			if (algorithm == null) {
				throw new IllegalArgumentException("The private key is " + describe(key)
						+ ": NetSuite takes EC keys on P-256, P-384 or P-521 (ES256, ES384, ES512)");
			}
			return List.of(algorithm);
		}
		throw new IllegalArgumentException("The private key is " + describe(key)
				+ ": NetSuite takes RSA (PS256/384/512) or EC keys on P-256, P-384 or P-521 (ES256/384/512)");
	}

	private static @Nullable String ecAlgorithm(ECPrivateKey key) {
		Curve curve = Curve.forECParameterSpec(key.getParams());
		if (Curve.P_256.equals(curve)) {
			return "ES256";
		}
		if (Curve.P_384.equals(curve)) {
			return "ES384";
		}
		return Curve.P_521.equals(curve) ? "ES512" : null;
	}

	// What the key is, never what it holds.
	private static String describe(PrivateKey key) {
		if (key instanceof RSAPrivateKey rsa) {
			return "a " + rsa.getModulus().bitLength() + "-bit RSA key";
		}
		if (key instanceof ECPrivateKey ec) {
			Curve curve = Curve.forECParameterSpec(ec.getParams());
			return "an EC key on " + ((curve != null) ? curve.getName()
					: "a " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve");
		}
		return "neither an RSA nor an EC key (it is " + key.getAlgorithm() + ")";
	}

	/**
	 * Return the client ID.
	 * @return the client ID
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Return the certificate ID.
	 * @return the certificate ID
	 */
	public String certificateId() {
		return this.certificateId;
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Return the signing algorithm.
	 * @return the JWS algorithm name, such as {@code PS256}
	 */
	public String algorithm() {
		return this.algorithm;
	}

	/**
	 * Return the scopes.
	 * @return the scopes
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/**
	 * Return when the certificate uploaded to the M2M setup expires.
	 * @return the expiry, or {@code null} when it was not given
	 */
	public @Nullable Instant certificateExpiry() {
		return this.certificateExpiry;
	}

	@Override
	public String toString() {
		return "OAuth2Credentials[clientId=" + abbreviate(this.clientId) + ", certificateId=" + this.certificateId
				+ ", algorithm=" + this.algorithm + ", scopes=" + this.scopes + ", privateKey=******]";
	}

	// Enough to tell two integrations apart in a log, not enough to use.
	private static String abbreviate(String value) {
		return (value.length() <= 6) ? "******" : value.substring(0, 6) + "…";
	}

}
