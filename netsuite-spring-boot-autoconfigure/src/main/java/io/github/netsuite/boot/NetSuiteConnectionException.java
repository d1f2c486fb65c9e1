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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite did not answer: the host name did not resolve, the connection was refused or
 * timed out, or NetSuite did not answer in time. Names the host and port the client tried
 * (never the query, body or credentials); {@link #getStatusCode()} is 0.
 * <p>
 * After a {@linkplain Reason#READ_TIMEOUT read timeout} NetSuite may still have run the
 * request: a create may have happened.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteConnectionException extends NetSuiteException {

	private final Reason reason;

	private final String host;

	private final boolean mayHaveExecuted;

	/**
	 * Create an exception for a request that got no answer.
	 * @param reason why there was no answer
	 * @param host the host and, when not the scheme's default, the port tried, e.g.
	 * {@code 1234567.suitetalk.api.netsuite.com}
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 * @param cause the I/O error
	 */
	public NetSuiteConnectionException(Reason reason, String host, @Nullable String method, @Nullable String path,
			@Nullable String hint, @Nullable Throwable cause) {
		this(reason, host, false, method, path, hint, cause);
	}

	/**
	 * Create an exception for a request that got no answer, saying whether NetSuite may
	 * have executed it.
	 * @param reason why there was no answer
	 * @param host the host and, when not the scheme's default, the port tried
	 * @param mayHaveExecuted whether the request was sent before the connection failed, so
	 * that NetSuite may have executed it (a write whose answer was lost)
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to fix it, if known
	 * @param cause the I/O error
	 * @since 0.1.0
	 */
	public NetSuiteConnectionException(Reason reason, String host, boolean mayHaveExecuted, @Nullable String method,
			@Nullable String path, @Nullable String hint, @Nullable Throwable cause) {
		super(message(reason, host, mayHaveExecuted, method, path, hint), reason.description, method, path, hint,
				cause);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.host = Objects.requireNonNull(host, "host");
		this.mayHaveExecuted = mayHaveExecuted;
	}

	private static String message(Reason reason, String host, boolean mayHaveExecuted, @Nullable String method,
			@Nullable String path, @Nullable String hint) {
		// A write that went out is not "unreachable": its outcome is unknown.
		StringBuilder message = new StringBuilder(
				mayHaveExecuted ? "Lost NetSuite's answer at " : "Could not reach NetSuite at ")
			.append(host);
		if (method != null && path != null) {
			message.append(" for ").append(method).append(' ').append(path);
		}
		message.append(": ").append(reason.description);
		if (mayHaveExecuted) {
			message.append("; NetSuite may have executed it");
		}
		if (hint != null) {
			message.append(" (").append(hint).append(')');
		}
		return message.toString();
	}

	/**
	 * Return whether the request was sent before the connection failed, so that NetSuite
	 * may have executed it: for a write, its outcome is unknown.
	 * @return whether NetSuite may have executed the request
	 * @since 0.1.0
	 */
	public boolean mayHaveExecuted() {
		return this.mayHaveExecuted;
	}

	/**
	 * Return why NetSuite did not answer.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the host, and the port when not the scheme's default, that the client tried.
	 * @return the host
	 */
	public String getHost() {
		return this.host;
	}

	/**
	 * Why NetSuite did not answer.
	 */
	public enum Reason {

		/**
		 * The host name did not resolve.
		 */
		UNKNOWN_HOST("unknown host"),

		/**
		 * Nothing accepted a connection at the host and port.
		 */
		CONNECTION_REFUSED("connection refused"),

		/**
		 * No connection was made within the connect timeout.
		 */
		CONNECT_TIMEOUT("connect timeout"),

		/**
		 * The connection was made but no answer came within the read timeout; the request
		 * may have reached NetSuite and run.
		 */
		READ_TIMEOUT("read timeout"),

		/**
		 * The connection failed otherwise, e.g. it was reset or its TLS handshake failed.
		 */
		CONNECTION_FAILED("connection failed");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * Return the reason in a few words, e.g. {@code connection refused}.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

}
