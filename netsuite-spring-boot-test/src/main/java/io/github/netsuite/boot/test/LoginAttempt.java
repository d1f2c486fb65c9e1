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

import java.time.Instant;

/**
 * One entry of the double's login audit trail: the real reason a request was accepted or
 * rejected, which NetSuite shows only in its UI (Setup &gt; Users/Roles &gt; User Management &gt;
 * View Login Audit Trail) while the response itself stays generic.
 * <p>
 * Reasons: {@code Success}, {@code InvalidSignature}, {@code NonceUsed}, {@code InvalidNonce},
 * {@code InvalidTimestamp}, {@code UnknownConsumerKey}, {@code UnknownToken}, {@code InvalidRealm},
 * {@code InvalidVersion}, {@code MissingAuthorization}, {@code UnsupportedSignatureMethod},
 * {@code RoleDisabled}, {@code FeatureDisabled} and {@code InvalidLogin} (the invalid-login fault).
 * With OAuth 2.0 enabled, requests with a {@code Bearer} token add {@code InvalidToken} (not
 * issued by the double), {@code AccessTokenExpired} and {@code ScopeMismatched} (the token's
 * scopes lack {@code restlets} for a RESTlet or {@code rest_webservices} for REST). The token
 * endpoint records {@code Success} or, named as NetSuite names them, {@code InvalidSignature}
 * (unparsable assertion, wrong {@code typ}, {@code alg} not fitting the key, bad signature),
 * {@code InvalidScope}, {@code InvalidIntegration} (unknown {@code kid} or {@code iss}, revoked
 * certificate) and {@code EntityOrRoleDisabled}; where NetSuite documents no name, the
 * double's own: {@code InvalidRequest} (grant or assertion type, missing assertion),
 * {@code InvalidAudience}, {@code InvalidTimestamp} ({@code iat} ahead by more than 5 minutes,
 * {@code exp - iat} over 60 minutes, either missing), {@code AssertionExpired},
 * {@code MissingJti}, {@code AssertionReplayed} and {@code InvalidLogin}.
 *
 * @param time when the double handled the attempt, by its own (possibly skewed) clock
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param reason why the attempt was accepted or rejected
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record LoginAttempt(Instant time, String method, String path, String reason) {

	/**
	 * Whether the attempt was accepted.
	 * @return {@code true} if the reason is {@code Success}
	 */
	public boolean successful() {
		return TbaVerifier.SUCCESS.equals(this.reason);
	}

}
