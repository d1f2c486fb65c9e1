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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The login check of every request: the account's switched-on login faults, then the
 * OAuth 1.0a signature, or, when OAuth 2.0 is enabled, the {@code Bearer} access token, and
 * the answer NetSuite gives when the login fails: the same for both.
 *
 * @author NetSuite Spring Boot team
 */
final class LoginCheck {

	static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in"
			+ " the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

	static final String ROLE_DISABLED_DETAIL = "Login access has been disabled for this role.";

	static final String MALFORMED_SYNTAX = "The request could not be understood by the server due to malformed syntax.";

	private final NetSuiteDouble netSuite;

	LoginCheck(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	/**
	 * The reason the Login Audit Trail records for the call: {@link TbaVerifier#SUCCESS} or
	 * why the login failed.
	 */
	String reason(Call call) {
		if (this.netSuite.faults().isInvalidLogin()) {
			return "InvalidLogin";
		}
		String bearer = bearerToken(call);
		if (bearer != null) {
			// The TBA feature switch does not concern OAuth 2.0; a disabled role does
			String scope = call.restlet ? "restlets" : "rest_webservices";
			String reason = this.netSuite.bearerTokens().check(bearer, this.netSuite.now(), scope);
			return (reason.equals(TbaVerifier.SUCCESS) && this.netSuite.faults().isRoleDisabled()) ? "RoleDisabled" : reason;
		}
		if (this.netSuite.faults().isTbaFeatureDisabled()) {
			return "FeatureDisabled";
		}
		String reason = this.netSuite.verifier.verify(call.method, call.baseUri, call.rawQuery, call.formBody(),
				call.header("Authorization"), this.netSuite.now());
		if (reason.equals(TbaVerifier.SUCCESS) && this.netSuite.faults().isRoleDisabled()) {
			return "RoleDisabled";
		}
		return reason;
	}

	/**
	 * The access token of an {@code Authorization: Bearer} header when OAuth 2.0 is enabled,
	 * else {@code null}: the request is then one for the OAuth 1.0a check.
	 */
	private @Nullable String bearerToken(Call call) {
		String authorization = call.header("Authorization");
		if (!this.netSuite.isOAuth2Enabled() || authorization == null
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).trim();
	}

	/**
	 * What NetSuite answers a failed login: the same generic 401 whatever the reason, but
	 * for a refused signature method and a disabled role.
	 */
	Reply failure(Call call, String reason) {
		if (reason.equals("UnsupportedSignatureMethod")) {
			return ErrorReplies.of(call, 400, "USER_ERROR", MALFORMED_SYNTAX);
		}
		if (call.restlet) {
			return ErrorReplies.restlet(401, "INVALID_LOGIN_ATTEMPT", "Invalid login attempt.");
		}
		String detail = reason.equals("RoleDisabled") ? ROLE_DISABLED_DETAIL : INVALID_LOGIN_DETAIL;
		return ErrorReplies.rest(401, "INVALID_LOGIN", detail, Map.of())
			.header("WWW-Authenticate", "OAuth realm=\"" + this.netSuite.account()
					+ "\", error=\"token_rejected\", error_description=\"Invalid login attempt.\"");
	}

}
