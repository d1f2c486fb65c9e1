package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite failed to answer (HTTP 5xx).
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteServerException extends NetSuiteException {

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param errorCode NetSuite's error code
	 * @param detail NetSuite's detail text
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuiteServerException(int statusCode, @Nullable String errorCode, @Nullable String detail, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		super(statusCode, errorCode, detail, method, path, hint);
	}

}
