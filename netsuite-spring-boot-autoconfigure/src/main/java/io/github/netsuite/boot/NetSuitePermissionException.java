package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * The token's role may not do what was asked ({@code INSUFFICIENT_PERMISSION}).
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuitePermissionException extends NetSuiteException {

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param errorCode NetSuite's error code
	 * @param detail NetSuite's detail text
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuitePermissionException(int statusCode, @Nullable String errorCode, @Nullable String detail, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		super(statusCode, errorCode, detail, method, path, hint);
	}

}
