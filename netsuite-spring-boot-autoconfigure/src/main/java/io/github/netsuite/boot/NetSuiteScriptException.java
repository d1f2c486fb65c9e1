package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * A RESTlet's script failed: it threw an error it did not catch, and NetSuite answered
 * 400 with the error's name as {@link #getErrorCode() code} (for example
 * {@code JS_EXCEPTION}, or the name a script gave {@code error.create}) and its message as
 * {@link #getDetail() detail}. NetSuite did run the script, so it may have changed data
 * before it failed.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteScriptException extends NetSuiteException {

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code
	 * @param errorCode the script error's name
	 * @param detail the script error's message
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuiteScriptException(int statusCode, @Nullable String errorCode, @Nullable String detail,
			@Nullable String method, @Nullable String path, @Nullable String hint) {
		super(statusCode, errorCode, detail, method, path, hint);
	}

}
