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

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A deadline passed before NetSuite's answer was complete: an attempt's (its headers and
 * its whole body, {@code netsuite.attempt-timeout}), a call's (its attempts, their
 * back-off and the wait for a permit, {@code netsuite.call-timeout}) or the health
 * check's ({@code netsuite.health.timeout}). {@link #getStatusCode()} is 0, or the status
 * of an answer whose body did not arrive in time.
 * <p>
 * When {@link #mayHaveExecuted()} is {@code true}, the request had been sent: NetSuite may
 * have executed it (a create may have happened).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteTimeoutException extends NetSuiteException {

	private final Duration timeout;

	private final String property;

	private final boolean mayHaveExecuted;

	/**
	 * Create an exception for a deadline that passed.
	 * @param timeout the time that ran out
	 * @param property the property that sets it, e.g. {@code netsuite.attempt-timeout}
	 * @param mayHaveExecuted whether the request had been sent, so that NetSuite may have
	 * executed it
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint how to avoid it, if known
	 * @param cause the failure the deadline caused, if any
	 */
	public NetSuiteTimeoutException(Duration timeout, String property, boolean mayHaveExecuted,
			@Nullable String method, @Nullable String path, @Nullable String hint, @Nullable Throwable cause) {
		super(message(timeout, property, mayHaveExecuted, method, path, hint), "no complete answer within " + timeout,
				method, path, hint, cause);
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		this.property = Objects.requireNonNull(property, "property");
		this.mayHaveExecuted = mayHaveExecuted;
	}

	private static String message(Duration timeout, String property, boolean mayHaveExecuted,
			@Nullable String method, @Nullable String path, @Nullable String hint) {
		StringBuilder message = new StringBuilder("No complete answer from NetSuite");
		if (method != null && path != null) {
			message.append(" to ").append(method).append(' ').append(path);
		}
		message.append(" within ").append(property).append(" (").append(timeout).append(')');
		if (mayHaveExecuted) {
			message.append("; the request was sent, so NetSuite may have executed it");
		}
		if (hint != null) {
			message.append(" (").append(hint).append(')');
		}
		return message.toString();
	}

	/**
	 * Return the time that ran out.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return the property that sets the time that ran out.
	 * @return the property's key, e.g. {@code netsuite.attempt-timeout}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return whether the request had been sent when the deadline passed, so that NetSuite
	 * may have executed it.
	 * @return whether the outcome is unknown
	 */
	public boolean mayHaveExecuted() {
		return this.mayHaveExecuted;
	}

}
