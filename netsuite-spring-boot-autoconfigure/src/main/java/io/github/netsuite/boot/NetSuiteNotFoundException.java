package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * The record, RESTlet or resource does not exist ({@code NONEXISTENT_ID}, HTTP 404).
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteNotFoundException extends NetSuiteException {

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param errorCode NetSuite's error code
	 * @param detail NetSuite's detail text
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuiteNotFoundException(int statusCode, @Nullable String errorCode, @Nullable String detail, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		super(statusCode, errorCode, detail, method, path, hint);
	}

}
