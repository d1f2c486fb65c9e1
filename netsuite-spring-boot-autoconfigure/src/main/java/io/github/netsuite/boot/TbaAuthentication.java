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
package io.github.netsuite.boot;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;

/**
 * Token-based authentication: every attempt signed afresh (a new nonce and timestamp) by
 * a {@link TbaSigner}, the {@code Authorization} header set, never appended.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
final class TbaAuthentication implements NetSuiteAuthentication {

	/**
	 * NetSuite's detail when the token's role may not log in with tokens.
	 */
	static final String ROLE_DISABLED_DETAIL = "Login access has been disabled for this role.";

	/**
	 * How to fix a token role that may not log in with access tokens, in the words of
	 * NetSuite's setup screens.
	 */
	static final String ROLE_DISABLED_HINT = roleDisabledHint("netsuite");

	// NetSuite refuses OAuth timestamps further than this from its clock.
	private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

	static final String INVALID_LOGIN_HINT = "NetSuite gives the same answer for every token fault. Check, in order: "
			+ "the account ID (sandboxes end in _SB1); the integration record is enabled with Token-based "
			+ "Authentication; the feature is on (Setup > Company > Enable Features > SuiteCloud > Manage "
			+ "Authentication > Token-Based Authentication); the token's role has the User Access Tokens, "
			+ "Access Token Management and REST Web Services permissions; the token is not revoked or lost in a "
			+ "sandbox refresh; the server clock is right. The real reason is in Setup > Users/Roles > "
			+ "User Management > View Login Audit Trail";

	private final TbaSigner signer;

	/**
	 * Create an authentication that signs with the given signer.
	 * @param signer the signer
	 */
	TbaAuthentication(TbaSigner signer) {
		this.signer = Objects.requireNonNull(signer, "signer");
	}

	@Override
	public void authenticate(HttpRequest request, byte[] body) {
		HttpHeaders headers = request.getHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, this.signer.authorizationHeader(request.getMethod().name(),
				request.getURI(), formBody(headers.getContentType(), body)));
	}

	@Override
	public String description() {
		return "token-based authentication (TBA)";
	}

	@Override
	public String failureHint(NetSuiteError error) {
		return error.mentions(ROLE_DISABLED_DETAIL) ? ROLE_DISABLED_HINT : INVALID_LOGIN_HINT;
	}

	/**
	 * Explain a refused token: for a role that may not log in with tokens, NetSuite's
	 * words as the {@code error} and the {@code fix}; for NetSuite's generic invalid login,
	 * which it answers for every token fault, a {@code checklist} in order of likelihood,
	 * the clock first when it is measured more than 5 minutes off NetSuite's.
	 */
	@Override
	public Map<String, Object> refusalDetails(NetSuiteAuthenticationException refusal, AccountId account,
			String properties, @Nullable Duration clockSkew) {
		String detail = refusal.getDetail();
		boolean detailSaysSo = detail != null && detail.contains(ROLE_DISABLED_DETAIL);
		// The hint says so when only the WWW-Authenticate header did.
		if (detailSaysSo || ROLE_DISABLED_HINT.equals(refusal.getHint())) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("error", detailSaysSo ? detail : ROLE_DISABLED_DETAIL);
			details.put("fix", roleDisabledHint(properties));
			return details;
		}
		return Map.of("checklist", invalidLoginChecklist(account, properties, clockSkew));
	}

	private static String roleDisabledHint(String properties) {
		return "The token's role may not log in with access tokens. Create a role (Setup > Users/Roles > Manage "
				+ "Roles > New) with the permissions User Access Tokens (or Log in using Access Tokens), Access Token "
				+ "Management and REST Web Services (Web Services too for SOAP) on its Permissions > Setup subtab; add "
				+ "it to the employee's record (Lists > Employees > Employee > Access > Roles); create the access "
				+ "token for that user, integration record and role (Setup > Users/Roles > Access Tokens > New); "
				+ "configure the new token ID and token secret (" + properties + ".token-id, " + properties
				+ ".token-secret).";
	}

	private static List<String> invalidLoginChecklist(AccountId account, String properties,
			@Nullable Duration skew) {
		List<String> checklist = new ArrayList<>();
		checklist.add("Account ID: " + properties + ".account is " + account.realm() + "; it must be the account's "
				+ "ID as on Setup > Company > Company Information, sandboxes with their suffix (1234567_SB1, not "
				+ "1234567)");
		checklist.add("Integration record (Setup > Integration > Manage Integrations): State Enabled, Token-based "
				+ "Authentication checked, and " + properties + ".consumer-key and " + properties
				+ ".consumer-secret are from this record");
		checklist.add("Feature: Setup > Company > Enable Features > SuiteCloud > Manage Authentication > "
				+ "Token-based Authentication is checked");
		checklist.add("Token role: the access token's role has the permissions User Access Tokens, Access Token "
				+ "Management and REST Web Services (Setup > Users/Roles > Manage Roles)");
		checklist.add("Token: " + properties + ".token-id and " + properties + ".token-secret belong to an access "
				+ "token of this account that is not revoked (Setup > Users/Roles > Access Tokens); a sandbox "
				+ "refresh replaces the sandbox's tokens, so create a new one there after each refresh");
		// A measured skew beyond NetSuite's tolerance is the cause, not a candidate.
		boolean beyondTolerance = skew != null && skew.abs().compareTo(TIMESTAMP_TOLERANCE) > 0;
		checklist.add(beyondTolerance ? 0 : checklist.size(), clockItem(skew, beyondTolerance));
		checklist.add("The real reason: Setup > Users/Roles > User Management > View Login Audit Trail, the entry "
				+ "of the token's user at the time of this check (its Detail column)");
		return checklist;
	}

	private static String clockItem(@Nullable Duration skew, boolean beyondTolerance) {
		if (skew == null) {
			return "Clock: this server's clock must be within about 5 minutes of NetSuite's (NTP); NetSuite's "
					+ "answer carried no Date header to measure it";
		}
		String measured = "Clock: this server's clock is " + aheadOrBehind(skew)
				+ " NetSuite's (measured with NetSuite's Date header)";
		return measured + (beyondTolerance ? "; NetSuite refuses timestamps more than about 5 minutes off: "
				+ "synchronize the clock (NTP)" : ", within the 5 minutes NetSuite allows");
	}

	// 2s ahead of, 7m 3s behind, within a second of
	private static String aheadOrBehind(Duration skew) {
		Duration abs = skew.abs();
		if (abs.compareTo(Duration.ofSeconds(1)) < 0) {
			return "within a second of";
		}
		String amount = (abs.compareTo(Duration.ofMinutes(1)) < 0)
				? java.math.BigDecimal.valueOf(abs.toMillis(), 3).stripTrailingZeros().toPlainString() + "s"
				: ((abs.toHours() > 0) ? abs.toHours() + "h " : "") + abs.toMinutesPart() + "m "
						+ abs.toSecondsPart() + "s";
		return amount + (skew.isNegative() ? " behind" : " ahead of");
	}

	// OAuth 1.0a signs form parameters; JSON and every other body stay out of the signature.
	private static @Nullable String formBody(@Nullable MediaType contentType, byte[] body) {
		if (contentType == null || body.length == 0
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
			return null;
		}
		Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
		return new String(body, charset);
	}

}
