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

import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Makes the client assertions of NetSuite's OAuth 2.0 client credentials flow: JWTs
 * signed with Nimbus JOSE + JWT, header {@code typ} JWT, {@code alg} and {@code kid} (the
 * certificate ID), claims {@code iss} (the client ID), {@code scope} (a comma-separated
 * string), {@code aud} (the token URL), {@code iat}, {@code exp} five minutes later and a
 * unique {@code jti}. Thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class ClientAssertions {

	// Short-lived: an assertion is used once, right away.
	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final OAuth2Credentials credentials;

	private final URI tokenUrl;

	private final Clock clock;

	private final JWSSigner signer;

	/**
	 * Create assertions for the given credentials and token URL.
	 * @param credentials the credentials
	 * @param tokenUrl the token endpoint, the assertion's audience
	 * @param clock the clock that gives {@code iat}
	 */
	public ClientAssertions(OAuth2Credentials credentials, URI tokenUrl, Clock clock) {
		this.credentials = Objects.requireNonNull(credentials, "credentials");
		this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
		this.clock = Objects.requireNonNull(clock, "clock");
		try {
			this.signer = (credentials.privateKey() instanceof ECPrivateKey ec) ? new ECDSASigner(ec)
					: new RSASSASigner(credentials.privateKey());
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The private key cannot sign " + credentials.algorithm() + ": "
					+ ex.getClass().getSimpleName());
		}
	}

	/**
	 * Return the token URL the assertions are for.
	 * @return the token URL
	 */
	public URI tokenUrl() {
		return this.tokenUrl;
	}

	/**
	 * Return the credentials the assertions are made of.
	 * @return the credentials
	 */
	public OAuth2Credentials credentials() {
		return this.credentials;
	}

	/**
	 * Return a new assertion, in compact serialization.
	 * @return the signed JWT
	 */
	public String next() {
		Instant now = this.clock.instant();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(this.credentials.algorithm()))
			.type(JOSEObjectType.JWT)
			.keyID(this.credentials.certificateId())
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.credentials.clientId())
			.claim("scope", String.join(",", this.credentials.scopes()))
			.audience(this.tokenUrl.toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the client assertion with " + this.credentials.algorithm()
					+ ": " + ex.getClass().getSimpleName());
		}
		return jwt.serialize();
	}

}
