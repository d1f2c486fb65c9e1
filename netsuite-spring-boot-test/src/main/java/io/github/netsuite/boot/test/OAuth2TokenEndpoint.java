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

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * NetSuite's OAuth 2.0 token endpoint for the client credentials (machine to machine) grant:
 * {@code POST /services/rest/auth/oauth2/v1/token} with a JWT client assertion signed by the
 * key of the account's M2M certificate, answered with an opaque access token.
 * <p>
 * NetSuite's error bodies for this endpoint are unconfirmed, so the double answers as
 * RFC 6749 (section 5.2) and RFC 7523 describe, with {@code Content-Type: application/json}:
 * <ul>
 * <li>400 {@code {"error":"unsupported_grant_type","error_description":…}} when
 * {@code grant_type} is not {@code client_credentials};</li>
 * <li>400 {@code {"error":"invalid_request","error_description":…}} when the body is not a
 * form, or {@code client_assertion_type} or {@code client_assertion} is wrong or missing;</li>
 * <li>400 {@code {"error":"invalid_grant","error_description":…}} for a problem of the
 * assertion itself: its form, header, signature, audience, scope, times or {@code jti}, and
 * for a disabled role;</li>
 * <li>401 {@code {"error":"invalid_client","error_description":…}} when the certificate
 * ({@code kid}) or the client ({@code iss}) is unknown, the certificate is revoked, or the
 * invalid-login fault is on.</li>
 * </ul>
 * While the endpoint is down (a fault) it answers 503 with NetSuite's problem JSON.
 * <p>
 * Every attempt that reaches the checks is recorded in the login audit trail. Reasons named
 * as NetSuite's Login Audit Trail names them: {@code Success}, {@code InvalidSignature} (the
 * assertion does not parse, {@code typ} is not {@code JWT}, {@code alg} is not PS256/384/512
 * for an RSA key or ES256 for the P-256 key, or the signature is wrong), {@code InvalidScope},
 * {@code InvalidIntegration} (unknown {@code kid} or {@code iss}, revoked certificate) and
 * {@code EntityOrRoleDisabled}. NetSuite documents no name for the rest, so the double uses
 * its own: {@code InvalidRequest} (grant type, assertion type, missing assertion),
 * {@code InvalidAudience}, {@code InvalidTimestamp} ({@code iat} or {@code exp} missing,
 * {@code iat} more than 5 minutes ahead, {@code exp - iat} over 60 minutes),
 * {@code AssertionExpired} ({@code exp} passed), {@code MissingJti}, {@code AssertionReplayed}
 * (a {@code jti} seen before) and {@code InvalidLogin} (the invalid-login fault).
 *
 * @author NetSuite Spring Boot team
 */
final class OAuth2TokenEndpoint {

	static final String PATH = "/services/rest/auth/oauth2/v1/token";

	static final Set<String> SCOPES = Set.of("restlets", "rest_webservices", "suite_analytics");

	private static final String GRANT_TYPE = "client_credentials";

	private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(60);

	private final NetSuiteDouble netSuite;

	OAuth2TokenEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		if (this.netSuite.faults().isTokenEndpointDown()) {
			return ErrorReplies.rest(503, "UNEXPECTED_ERROR",
					"The OAuth 2.0 token service is temporarily unavailable. Try again later.", Map.of());
		}
		if (!call.method.equals("POST")) {
			return ErrorReplies.methodNotAllowed(call);
		}
		Instant now = this.netSuite.now();
		Outcome outcome = check(call, now);
		this.netSuite.traffic().audit(new LoginAttempt(now, call.method, call.path, outcome.reason));
		return outcome.reply;
	}

	private Outcome check(Call call, Instant now) {
		if (this.netSuite.faults().isInvalidLogin()) {
			return invalidClient("InvalidLogin", "Invalid login attempt.");
		}
		Map<String, String> form = form(call);
		if (form == null) {
			return refused("InvalidRequest", "invalid_request", "The body must be application/x-www-form-urlencoded.");
		}
		if (!GRANT_TYPE.equals(form.get("grant_type"))) {
			return refused("InvalidRequest", "unsupported_grant_type", "The grant_type must be client_credentials.");
		}
		if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
			return refused("InvalidRequest", "invalid_request",
					"The client_assertion_type must be " + ASSERTION_TYPE + ".");
		}
		String assertion = form.get("client_assertion");
		if (assertion == null || assertion.isBlank()) {
			return refused("InvalidRequest", "invalid_request", "The client_assertion is missing.");
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return invalidGrant("InvalidSignature", "The client_assertion is not a signed JWT.");
		}
		M2mCertificate certificate = this.netSuite.m2mCertificate();
		JWSHeader header = jwt.getHeader();
		JOSEObjectType type = header.getType();
		if (type == null || !type.getType().equalsIgnoreCase(JOSEObjectType.JWT.getType())) {
			return invalidGrant("InvalidSignature", "The JWT header typ must be JWT.");
		}
		if (!certificate.fits(header.getAlgorithm())) {
			return invalidGrant("InvalidSignature",
					"The JWT header alg " + header.getAlgorithm() + " does not fit the certificate's key.");
		}
		if (!certificate.id.equals(header.getKeyID())) {
			return invalidClient("InvalidIntegration", "The JWT header kid is not the ID of a known certificate.");
		}
		if (this.netSuite.faults().isCertificateRevoked()) {
			return invalidClient("InvalidIntegration", "The certificate has been revoked.");
		}
		if (!verified(jwt, certificate)) {
			return invalidGrant("InvalidSignature", "The JWT signature is invalid.");
		}
		if (!this.netSuite.consumerKey().equals(claims.getIssuer())) {
			return invalidClient("InvalidIntegration", "The iss claim is not the client ID of a known integration.");
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(this.netSuite.oauth2TokenUrl())) {
			return invalidGrant("InvalidAudience", "The aud claim must be the token endpoint URL.");
		}
		Set<String> scopes = scopes(claims.getClaim("scope"));
		if (scopes.isEmpty()) {
			return invalidGrant("InvalidScope",
					"The scope claim must name restlets, rest_webservices or suite_analytics, separated by commas.");
		}
		Outcome times = checkTimes(claims.getIssueTime(), claims.getExpirationTime(), now);
		if (times != null) {
			return times;
		}
		String jti = claims.getJWTID();
		if (jti == null || jti.isBlank()) {
			return invalidGrant("MissingJti", "The jti claim is missing.");
		}
		if (!this.netSuite.bearerTokens().useJti(jti, claims.getExpirationTime().toInstant(), now)) {
			return invalidGrant("AssertionReplayed", "The jti claim has been used before.");
		}
		if (this.netSuite.faults().isRoleDisabled()) {
			return invalidGrant("EntityOrRoleDisabled", "The entity or role of the M2M mapping is disabled.");
		}
		Duration lifetime = this.netSuite.accessTokenLifetime();
		String token = this.netSuite.bearerTokens().issue(now.plus(lifetime), scopes);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token);
		// A string, as NetSuite sends it
		body.put("expires_in", String.valueOf(lifetime.toSeconds()));
		body.put("token_type", "bearer");
		Reply reply = new Reply(200, Reply.JSON, Json.write(body)).header("Cache-Control", "no-store")
			.header("Pragma", "no-cache");
		return new Outcome(TbaVerifier.SUCCESS, reply);
	}

	private static @Nullable Outcome checkTimes(@Nullable Date issuedAt, @Nullable Date expiresAt, Instant now) {
		if (issuedAt == null || expiresAt == null) {
			return invalidGrant("InvalidTimestamp", "The iat and exp claims are required.");
		}
		Instant iat = issuedAt.toInstant();
		Instant exp = expiresAt.toInstant();
		if (iat.isAfter(now.plus(CLOCK_SKEW))) {
			return invalidGrant("InvalidTimestamp", "The iat claim is in the future.");
		}
		if (!exp.isAfter(now)) {
			return invalidGrant("AssertionExpired", "The JWT has expired.");
		}
		if (Duration.between(iat, exp).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
			return invalidGrant("InvalidTimestamp", "The exp claim must be at most 60 minutes after iat.");
		}
		return null;
	}

	private static boolean verified(SignedJWT jwt, M2mCertificate certificate) {
		try {
			return jwt.verify(certificate.verifier());
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	/**
	 * The scopes of the {@code scope} claim: a comma-separated string as Oracle's help says,
	 * or a JSON array as Oracle's Python sample sends. Empty when any is unknown.
	 */
	static Set<String> scopes(@Nullable Object claim) {
		List<?> names;
		if (claim instanceof String text) {
			names = List.of(text.split(",", -1));
		}
		else if (claim instanceof List<?> list) {
			names = list;
		}
		else {
			return Set.of();
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (Object name : names) {
			String scope = (name instanceof String text) ? text.trim() : null;
			if (scope == null || !SCOPES.contains(scope)) {
				return Set.of();
			}
			scopes.add(scope);
		}
		return scopes;
	}

	private static @Nullable Map<String, String> form(Call call) {
		String body = call.formBody();
		if (body == null) {
			return null;
		}
		Map<String, String> form = new LinkedHashMap<>();
		try {
			for (Entry<String, String> parameter : TbaVerifier.parseParameters(body, true)) {
				form.putIfAbsent(parameter.getKey(), parameter.getValue());
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return form;
	}

	private static Outcome invalidGrant(String reason, String description) {
		return refused(reason, "invalid_grant", description);
	}

	private static Outcome invalidClient(String reason, String description) {
		return new Outcome(reason, error(401, "invalid_client", description));
	}

	private static Outcome refused(String reason, String error, String description) {
		return new Outcome(reason, error(400, error, description));
	}

	private static Reply error(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return new Reply(status, Reply.JSON, Json.write(body)).header("Cache-Control", "no-store");
	}

	private record Outcome(String reason, Reply reply) {
	}

}
