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

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens the double issued from its OAuth 2.0 token endpoint, and the
 * {@code jti} of every client assertion it accepted, so that none is accepted twice.
 *
 * @author NetSuite Spring Boot team
 */
final class BearerTokens {

	static final String INVALID_TOKEN = "InvalidToken";

	static final String ACCESS_TOKEN_EXPIRED = "AccessTokenExpired";

	static final String SCOPE_MISMATCHED = "ScopeMismatched";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

	// jti -> the assertion's exp: an expired assertion is refused anyway, so its jti can go
	private final Map<String, Instant> usedJtis = new ConcurrentHashMap<>();

	/**
	 * Issue an opaque token valid until {@code expiry} for the given scopes.
	 */
	String issue(Instant expiry, Set<String> scopes) {
		byte[] bytes = new byte[48];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.put(token, new Issued(expiry, Set.copyOf(scopes)));
		return token;
	}

	/**
	 * Check a presented token: {@link TbaVerifier#SUCCESS}, {@link #INVALID_TOKEN} for one
	 * the double never issued, {@link #ACCESS_TOKEN_EXPIRED}, or {@link #SCOPE_MISMATCHED}
	 * when it was not issued for the {@code scope} the endpoint needs.
	 */
	String check(@Nullable String token, Instant now, String scope) {
		Issued issued = (token != null) ? this.tokens.get(token) : null;
		if (issued == null) {
			return INVALID_TOKEN;
		}
		if (!now.isBefore(issued.expiry)) {
			return ACCESS_TOKEN_EXPIRED;
		}
		return issued.scopes.contains(scope) ? TbaVerifier.SUCCESS : SCOPE_MISMATCHED;
	}

	/**
	 * Expire every token issued so far.
	 */
	void expireAll() {
		this.tokens.replaceAll((token, issued) -> new Issued(Instant.EPOCH, issued.scopes));
	}

	/**
	 * Remember a {@code jti}, unless it was used before.
	 * @return whether the {@code jti} is new
	 */
	boolean useJti(String jti, Instant expiry, Instant now) {
		this.usedJtis.values().removeIf(now::isAfter);
		return this.usedJtis.putIfAbsent(jti, expiry) == null;
	}

	private record Issued(Instant expiry, Set<String> scopes) {
	}

}
