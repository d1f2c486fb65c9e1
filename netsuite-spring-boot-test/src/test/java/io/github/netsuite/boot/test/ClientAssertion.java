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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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

import static io.github.netsuite.boot.test.DoubleTestSupport.json;

/**
 * Builds an OAuth 2.0 client assertion for a {@link NetSuiteDouble} with Nimbus, signed with
 * the double's M2M private key and carrying its certificate ID, client ID and token URL
 * unless a test changes one of its parts, and posts it to the token endpoint.
 */
final class ClientAssertion {

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final NetSuiteDouble netSuite;

	private PrivateKey key;

	private JWSAlgorithm algorithm;

	private String type = "JWT";

	private String keyId;

	private String issuer;

	private String audience;

	private Object scope = "rest_webservices,restlets";

	private Instant issuedAt = Instant.now();

	private Instant expiresAt = this.issuedAt.plus(Duration.ofMinutes(5));

	private String jti = UUID.randomUUID().toString();

	private ClientAssertion(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
		this.key = privateKey(netSuite.oauth2PrivateKeyPem());
		this.algorithm = (this.key instanceof ECPrivateKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.PS256;
		this.keyId = netSuite.oauth2CertificateId();
		this.issuer = netSuite.oauth2ClientId();
		this.audience = netSuite.oauth2TokenUrl();
	}

	static ClientAssertion to(NetSuiteDouble netSuite) {
		return new ClientAssertion(netSuite);
	}

	ClientAssertion signedWith(PrivateKey key, JWSAlgorithm algorithm) {
		this.key = key;
		this.algorithm = algorithm;
		return this;
	}

	ClientAssertion algorithm(JWSAlgorithm algorithm) {
		this.algorithm = algorithm;
		return this;
	}

	ClientAssertion type(String type) {
		this.type = type;
		return this;
	}

	ClientAssertion keyId(String keyId) {
		this.keyId = keyId;
		return this;
	}

	ClientAssertion issuer(String issuer) {
		this.issuer = issuer;
		return this;
	}

	ClientAssertion audience(String audience) {
		this.audience = audience;
		return this;
	}

	ClientAssertion scope(Object scope) {
		this.scope = scope;
		return this;
	}

	ClientAssertion times(Instant issuedAt, Instant expiresAt) {
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
		return this;
	}

	ClientAssertion jti(String jti) {
		this.jti = jti;
		return this;
	}

	String sign() {
		JWSHeader header = new JWSHeader.Builder(this.algorithm).type(new JOSEObjectType(this.type))
			.keyID(this.keyId)
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.claim("scope", this.scope)
			.issueTime(Date.from(this.issuedAt))
			.expirationTime(Date.from(this.expiresAt))
			.jwtID(this.jti)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			JWSSigner signer = (this.key instanceof ECPrivateKey ec) ? new ECDSASigner(ec)
					: new RSASSASigner(this.key);
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * Post this assertion to the token endpoint.
	 */
	HttpResponse<String> requestToken() {
		return post(this.netSuite, "grant_type=client_credentials&client_assertion_type=" + encode(ASSERTION_TYPE)
				+ "&client_assertion=" + encode(sign()));
	}

	/**
	 * Post this assertion and return the access token it was granted.
	 */
	String token() {
		HttpResponse<String> response = requestToken();
		if (response.statusCode() != 200) {
			throw new AssertionError("No token: " + response.statusCode() + " " + response.body());
		}
		return json(response).get("access_token").asText();
	}

	static HttpResponse<String> post(NetSuiteDouble netSuite, String form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(netSuite.oauth2TokenUrl()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build();
		return SignedRequest.send(request);
	}

	/**
	 * A request carrying {@code Authorization: Bearer token}.
	 */
	static HttpResponse<String> bearer(NetSuiteDouble netSuite, String token, String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(netSuite.restUrl() + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return SignedRequest.send(request);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static PrivateKey privateKey(String pem) {
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(spec);
		}
		catch (GeneralSecurityException ex) {
			try {
				return KeyFactory.getInstance("EC").generatePrivate(spec);
			}
			catch (GeneralSecurityException notEc) {
				throw new IllegalArgumentException("Neither an RSA nor an EC key", notEc);
			}
		}
	}

}
