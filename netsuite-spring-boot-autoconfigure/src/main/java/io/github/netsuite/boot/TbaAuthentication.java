package io.github.netsuite.boot;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
public final class TbaAuthentication implements NetSuiteAuthentication {

	/**
	 * NetSuite's detail when the token's role may not log in with tokens.
	 */
	public static final String ROLE_DISABLED_DETAIL = "Login access has been disabled for this role.";

	/**
	 * How to fix a token role that may not log in with access tokens, in the words of
	 * NetSuite's setup screens.
	 */
	public static final String ROLE_DISABLED_HINT = "The token's role may not log in with access tokens. Create a "
			+ "role (Setup > Users/Roles > Manage Roles > New) with the permissions User Access Tokens (or Log in "
			+ "using Access Tokens), Access Token Management and REST Web Services (Web Services too for SOAP) on "
			+ "its Permissions > Setup subtab; add it to the employee's record (Lists > Employees > Employee > "
			+ "Access > Roles); create the access token for that user, integration record and role (Setup > "
			+ "Users/Roles > Access Tokens > New); configure the new token ID and token secret (netsuite.token-id, "
			+ "netsuite.token-secret).";

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
	public TbaAuthentication(TbaSigner signer) {
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
