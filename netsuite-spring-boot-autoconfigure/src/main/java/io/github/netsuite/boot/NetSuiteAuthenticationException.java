package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite refused the credentials ({@code INVALID_LOGIN}, {@code INVALID_LOGIN_ATTEMPT}). NetSuite gives
 * the same answer for every token-based authentication fault; the real reason is in its
 * Login Audit Trail.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteAuthenticationException extends NetSuiteException {

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param errorCode NetSuite's error code
	 * @param detail NetSuite's detail text
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuiteAuthenticationException(int statusCode, @Nullable String errorCode, @Nullable String detail, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		super(statusCode, errorCode, detail, method, path, hint);
	}

}
