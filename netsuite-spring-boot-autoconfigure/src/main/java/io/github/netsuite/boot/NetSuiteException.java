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

import org.jspecify.annotations.Nullable;

/**
 * An error NetSuite answered with, or a limit of NetSuite's that the client met. Carries
 * the HTTP status, NetSuite's error code and detail, the request's method and path (never
 * its query, body or credentials) and, where one is known, a hint on how to fix it.
 * <p>
 * Thrown by a {@link NetSuiteClient} of a configured account, its message starts with
 * the account (its name in the configuration and its realm) and, for a RESTlet, the
 * script and deployment called, such as {@code RESTlet customscript_x/customdeploy_x on
 * account 'primary' (TSTDRV123): NetSuite answered 400 …}; {@link #getAccount()} names
 * the account.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteException extends RuntimeException {

	private final int statusCode;

	private final @Nullable String errorCode;

	private final @Nullable String detail;

	private final @Nullable String method;

	private final @Nullable String path;

	private final @Nullable String hint;

	// Set once, where the exception leaves its account's exchange: many are made below it
	// (interceptors, the body stream) where the account is not known.
	private volatile @Nullable String account;

	private volatile @Nullable String realm;

	private volatile @Nullable String subject;

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
		if (statusCode > 0 || errorCode != null) {
			message.append(" answered");
			if (statusCode > 0) {
				message.append(' ').append(statusCode);
			}
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
	 * Name the account the exception's request went to and what it called, unless already
	 * named: the message then starts with them.
	 * @param account the account's name in the configuration, or {@code null}
	 * @param realm the account's realm, or {@code null}
	 * @param subject what was called when the path does not say it (a RESTlet's script
	 * and deployment), or {@code null}
	 * @return this exception
	 */
	NetSuiteException named(@Nullable String account, @Nullable String realm, @Nullable String subject) {
		if (this.account == null && this.realm == null && this.subject == null) {
			this.subject = subject;
			this.realm = realm;
			this.account = account;
		}
		return this;
	}

	@Override
	public @Nullable String getMessage() {
		String message = super.getMessage();
		String account = this.account;
		String realm = this.realm;
		String subject = this.subject;
		if (account == null && realm == null && subject == null) {
			return message;
		}
		StringBuilder prefix = new StringBuilder();
		if (subject != null) {
			prefix.append(subject);
		}
		if (account != null || realm != null) {
			prefix.append((subject != null) ? " on account" : "Account");
			if (account != null) {
				prefix.append(" '").append(account).append('\'');
			}
			if (realm != null) {
				prefix.append((account != null) ? " (" + realm + ")" : " " + realm);
			}
		}
		return prefix + ": " + message;
	}

	/**
	 * Return the message without the account the request went to: what went wrong and,
	 * for a RESTlet, what was called, but neither the account's name nor its ID (its
	 * realm), which {@link #getMessage()} starts with. For those who should not learn the
	 * account, such as the callers of a web application that answers the error.
	 * @return the message without the account
	 * @since 0.1.0
	 */
	public @Nullable String getMessageWithoutAccount() {
		String message = super.getMessage();
		String subject = this.subject;
		return (subject != null) ? subject + ": " + message : message;
	}

	/**
	 * Return the account the request went to: its name in the configuration
	 * ({@code primary}, or the {@code <name>} of {@code netsuite.accounts.<name>.*}), or
	 * its realm when the client was built without a name.
	 * @return the account, or {@code null} when not known
	 */
	public @Nullable String getAccount() {
		String account = this.account;
		return (account != null) ? account : this.realm;
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
