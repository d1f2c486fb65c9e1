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

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The certificate of the double's OAuth 2.0 client credentials (M2M) mapping: a key pair
 * made at build time and the certificate ID NetSuite would give its uploaded public key.
 *
 * @author NetSuite Spring Boot team
 */
final class M2mCertificate {

	static final String RSA = "RSA";

	static final String EC = "EC";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	// NetSuite accepts RSA-PSS and ECDSA only: no RS256
	private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.PS384,
			JWSAlgorithm.PS512);

	// The key is on P-256, which only ES256 fits (ES384 and ES512 need P-384 and P-521)
	private static final Set<JWSAlgorithm> EC_ALGORITHMS = Set.of(JWSAlgorithm.ES256);

	final String id;

	private final JWK key;

	private final JWSVerifier verifier;

	private M2mCertificate(String id, JWK key, JWSVerifier verifier) {
		this.id = id;
		this.key = key;
		this.verifier = verifier;
	}

	/**
	 * Make a key pair of the given type: {@code RSA} (2048 bits) or {@code EC} (P-256).
	 */
	static M2mCertificate generate(String keyType) {
		String id = randomId();
		try {
			if (keyType.equals(RSA)) {
				RSAKey key = new RSAKeyGenerator(2048).keyID(id).generate();
				return new M2mCertificate(id, key, new RSASSAVerifier(key.toRSAPublicKey()));
			}
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID(id).generate();
			return new M2mCertificate(id, key, new ECDSAVerifier(key.toECPublicKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot make the M2M key pair", ex);
		}
	}

	static String requireKeyType(String keyType) {
		String type = (keyType != null) ? keyType.trim().toUpperCase(Locale.ROOT) : "";
		if (!type.equals(RSA) && !type.equals(EC)) {
			throw new IllegalArgumentException("The OAuth 2.0 key type must be RSA or EC, not '" + keyType + "'");
		}
		return type;
	}

	/**
	 * Whether the algorithm of a client assertion fits this certificate's key.
	 */
	boolean fits(JWSAlgorithm algorithm) {
		return (this.key instanceof RSAKey) ? RSA_ALGORITHMS.contains(algorithm) : EC_ALGORITHMS.contains(algorithm);
	}

	JWSVerifier verifier() {
		return this.verifier;
	}

	/**
	 * The private key as PKCS#8 PEM, what a client is configured with.
	 */
	String privateKeyPem() {
		try {
			PrivateKey privateKey = ((AsymmetricJWK) this.key).toPrivateKey();
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(privateKey.getEncoded());
			return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot export the M2M private key", ex);
		}
	}

	private static String randomId() {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 43; i++) {
			id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	@Override
	public String toString() {
		// Never the key
		return "M2mCertificate[" + this.id + "]";
	}

}
