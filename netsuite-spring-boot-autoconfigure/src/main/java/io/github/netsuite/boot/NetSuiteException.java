package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * An error NetSuite answered with, or a limit of NetSuite's that the client met. Carries
 * the HTTP status, NetSuite's error code and detail, the request's method and path (never
 * its query, body or credentials) and, where one is known, a hint on how to fix it.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteException extends RuntimeException {

	private final int statusCode;

	private final @Nullable String errorCode;

	private final @Nullable String detail;

	private final @Nullable String method;

	private final @Nullable String path;

	private final @Nullable String hint;

	/**
	 * Create an exception for an error response.
	 * @param statusCode the HTTP status code, or 0 when NetSuite did not answer with one
	 * @param errorCode NetSuite's error code, such as {@code NONEXISTENT_ID}
	 * @param detail NetSuite's detail text
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 */
	public NetSuiteException(int statusCode, @Nullable String errorCode, @Nullable String detail,
			@Nullable String method, @Nullable String path, @Nullable String hint) {
		super(message(statusCode, errorCode, detail, method, path, hint));
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.detail = detail;
		this.method = method;
		this.path = path;
		this.hint = hint;
	}

	/**
	 * Create an exception for a request that got no answer from NetSuite (status 0).
	 * @param message the message
	 * @param detail what went wrong, in a few words
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 * @param cause the cause
	 */
	protected NetSuiteException(String message, @Nullable String detail, @Nullable String method,
			@Nullable String path, @Nullable String hint, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = 0;
		this.errorCode = null;
		this.detail = detail;
		this.method = method;
		this.path = path;
		this.hint = hint;
	}

	private static String message(int statusCode, @Nullable String errorCode, @Nullable String detail,
			@Nullable String method, @Nullable String path, @Nullable String hint) {
		StringBuilder message = new StringBuilder("NetSuite");
		if (statusCode > 0) {
			message.append(" answered ").append(statusCode);
			if (errorCode != null) {
				message.append(' ').append(errorCode);
			}
			if (method != null && path != null) {
				message.append(" to ").append(method).append(' ').append(path);
			}
		}
		if (detail != null) {
			message.append(": ").append(detail);
		}
		if (hint != null) {
			message.append(" (").append(hint).append(')');
		}
		return message.toString();
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code, or 0 when there was no response
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return NetSuite's error code ({@code o:errorCode} of REST web services, {@code code}
	 * of RESTlets).
	 * @return the error code, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return NetSuite's detail text.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

	/**
	 * Return the HTTP method of the request.
	 * @return the method, or {@code null}
	 */
	public @Nullable String getMethod() {
		return this.method;
	}

	/**
	 * Return the path of the request, without its query.
	 * @return the path, or {@code null}
	 */
	public @Nullable String getPath() {
		return this.path;
	}

	/**
	 * Return a short hint on how to fix the error.
	 * @return the hint, or {@code null}
	 */
	public @Nullable String getHint() {
		return this.hint;
	}

}
