package io.github.netsuite.boot.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuitePermissionException;
import io.github.netsuite.boot.NetSuiteServerException;
import io.github.netsuite.boot.NetSuiteValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns NetSuite's error answers into typed {@link NetSuiteException}s: REST web services'
 * {@code o:errorDetails} and RESTlets' {@code {"error":{"code":…,"message":…}}}.
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteErrorDecoder implements ResponseErrorHandler {

	/**
	 * NetSuite's detail when the token's role may not log in with tokens.
	 */
	public static final String ROLE_DISABLED_DETAIL = "Login access has been disabled for this role.";

	static final String INVALID_LOGIN_HINT = "NetSuite gives the same answer for every token fault. Check, in order: "
			+ "the account ID (sandboxes end in _SB1); the integration record is enabled with Token-based "
			+ "Authentication; the feature is on (Setup > Company > Enable Features > SuiteCloud > Manage "
			+ "Authentication > Token-Based Authentication); the token's role has the User Access Tokens, "
			+ "Access Token Management and REST Web Services permissions; the token is not revoked or lost in a "
			+ "sandbox refresh; the server clock is right. The real reason is in Setup > Users/Roles > "
			+ "User Management > View Login Audit Trail";

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

	private static final String PERMISSION_HINT = "Give the token's role the permission for this record type or "
			+ "operation (Setup > Users/Roles > Manage Roles)";

	private static final String CONCURRENCY_HINT = "The account had more requests in flight than its concurrency "
			+ "limit allows; lower netsuite.concurrency.limit or spread the load";

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private static final int MAX_DETAIL = 1000;

	private final ObjectMapper mapper;

	/**
	 * Create a decoder.
	 * @param mapper the mapper that reads error bodies
	 */
	public NetSuiteErrorDecoder(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		byte[] body = response.getBody().readNBytes(MAX_ERROR_BODY);
		throw decode(method.name(), url.getRawPath(), response.getStatusCode().value(), body);
	}

	/**
	 * Decode an error answer.
	 * @param method the request's HTTP method
	 * @param path the request's path, without query
	 * @param statusCode the HTTP status code
	 * @param body the response body, possibly empty
	 * @return the exception that describes the error
	 */
	public NetSuiteException decode(String method, @Nullable String path, int statusCode, byte[] body) {
		String errorCode = null;
		String detail = null;
		JsonNode json = readJson(body);
		if (json != null) {
			JsonNode restError = json.path("o:errorDetails").path(0);
			JsonNode restletError = json.path("error");
			if (restError.isObject()) {
				errorCode = text(restError.path("o:errorCode"));
				detail = text(restError.path("detail"));
			}
			else if (restletError.isObject()) {
				errorCode = text(restletError.path("code"));
				detail = text(restletError.path("message"));
			}
			if (detail == null) {
				detail = text(json.path("title"));
			}
		}
		else if (body.length > 0) {
			detail = abbreviate(new String(body, StandardCharsets.UTF_8).strip());
		}
		return create(statusCode, errorCode, detail, method, path);
	}

	private static NetSuiteException create(int status, @Nullable String errorCode, @Nullable String detail,
			String method, @Nullable String path) {
		String code = (errorCode != null) ? errorCode.toUpperCase(Locale.ROOT) : "";
		if (status == 429 || code.equals("CONCURRENCY_LIMIT_EXCEEDED") || code.equals("SSS_REQUEST_LIMIT_EXCEEDED")) {
			return new NetSuiteConcurrencyLimitException(status, errorCode, detail, method, path, CONCURRENCY_HINT);
		}
		if (status == 401 || code.startsWith("INVALID_LOGIN")) {
			boolean roleDisabled = detail != null && detail.contains(ROLE_DISABLED_DETAIL);
			return new NetSuiteAuthenticationException(status, errorCode, detail, method, path,
					roleDisabled ? ROLE_DISABLED_HINT : INVALID_LOGIN_HINT);
		}
		if (status == 403 || code.equals("INSUFFICIENT_PERMISSION")) {
			return new NetSuitePermissionException(status, errorCode, detail, method, path, PERMISSION_HINT);
		}
		if (status == 404 || code.equals("NONEXISTENT_ID")) {
			return new NetSuiteNotFoundException(status, errorCode, detail, method, path, null);
		}
		if (status >= 500) {
			return new NetSuiteServerException(status, errorCode, detail, method, path, null);
		}
		return new NetSuiteValidationException(status, errorCode, detail, method, path, null);
	}

	private @Nullable JsonNode readJson(byte[] body) {
		if (body.length == 0 || (body[0] != '{' && !new String(body, StandardCharsets.UTF_8).strip().startsWith("{"))) {
			return null;
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isValueNode() && !node.isNull()) ? abbreviate(node.asString()) : null;
	}

	private static String abbreviate(String text) {
		return (text.length() <= MAX_DETAIL) ? text : text.substring(0, MAX_DETAIL) + "…";
	}

}
