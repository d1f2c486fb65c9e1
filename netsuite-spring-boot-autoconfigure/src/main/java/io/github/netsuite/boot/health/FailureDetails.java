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
package io.github.netsuite.boot.health;

import java.time.Duration;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;

import org.springframework.boot.health.contributor.Health;

/**
 * What a failed check says, in words safe to show: a DOWN that names what to fix, or an
 * UP when NetSuite throttled the check, which it does only for requests it authenticated.
 *
 * @author NetSuite Spring Boot team
 */
record FailureDetails(NetSuiteAccount account, String properties, Duration timeout) {

	static final String TIMEOUT_PROPERTY = "netsuite.health.timeout";

	static final String REST_NOT_ENABLED = "NetSuite answered 404 to both health checks; is REST Web Services enabled "
			+ "(Setup > Company > Enable Features > SuiteCloud > SuiteTalk (Web Services) > REST Web Services)?";

	void add(Health.Builder down, String path, RuntimeException ex, WireTiming wire) {
		if (ex instanceof NetSuiteConnectionException unreachable) {
			boolean timedOut = unreachable.getReason() == NetSuiteConnectionException.Reason.CONNECT_TIMEOUT
					|| unreachable.getReason() == NetSuiteConnectionException.Reason.READ_TIMEOUT;
			String reason = unreachable.getReason().description();
			down.withDetail("error", timedOut ? notInTime(this.timeout) + ": " + reason + " at " + unreachable.getHost()
					: "Could not reach NetSuite at " + unreachable.getHost() + ": " + reason
							+ ((unreachable.getHint() != null) ? " (" + unreachable.getHint() + ")" : ""));
			return;
		}
		if (!(ex instanceof NetSuiteException error)) {
			down.withDetail("error", "The check failed: " + describe(ex));
			return;
		}
		if (error instanceof NetSuiteConcurrencyLimitException && isTheCheck(error, path)) {
			down.up().withDetail("latency", wire.latency())
				.withDetail("throttled", "NetSuite answered " + error.getStatusCode()
						+ ((error.getErrorCode() != null) ? " " + error.getErrorCode() : "")
						+ ": the account's concurrency limit was reached. The credentials work; requests wait for a "
						+ "free slot or fail until one frees up (see " + this.properties + ".concurrency.limit)");
			return;
		}
		if (error.getStatusCode() > 0) {
			down.withDetail("status", error.getStatusCode());
		}
		if (error.getErrorCode() != null) {
			down.withDetail("errorCode", error.getErrorCode());
		}
		if (error instanceof NetSuiteRedirectException redirect) {
			// The check's own, or the token endpoint's
			String property = this.properties + (isTheCheck(redirect, path) ? ".rest-url" : ".oauth2.token-url");
			down.withDetail("error", "NetSuite answered a redirect to "
					+ ((redirect.getLocation() != null) ? redirect.getLocation() : "no location") + ": check " + property);
		}
		else if (error instanceof NetSuiteTimeoutException deadline && TIMEOUT_PROPERTY.equals(deadline.getProperty())) {
			down.withDetail("error", notInTime(this.timeout));
		}
		else if (error instanceof NetSuiteAuthenticationException refusal) {
			// Refused on the check, or by the OAuth 2.0 token endpoint before it
			down.withDetail("error", isTheCheck(refusal, path) ? detail(refusal)
					: "NetSuite's token endpoint refused the client assertion"
							+ ((refusal.getDetail() != null) ? ": " + refusal.getDetail() : ""));
			down.withDetails(this.account.authentication()
				.refusalDetails(refusal, this.account.id(), this.properties, wire.dateSkew));
		}
		else if (isTheCheck(error, path) && error.getStatusCode() >= 400
				&& !(error instanceof NetSuiteUnreadableAnswerException)) {
			down.withDetail("error", detail(error));
			if (error.getHint() != null) {
				down.withDetail("hint", error.getHint());
			}
		}
		else {
			// A failed token request, an unreadable answer: the message names the request.
			down.withDetail("error", String.valueOf(error.getMessage()));
		}
	}

	// Else the failure is the token endpoint's, or another request's before the check.
	static boolean isTheCheck(NetSuiteException error, String path) {
		return error.getPath() != null && error.getPath().endsWith(path);
	}

	static String notInTime(Duration timeout) {
		return "NetSuite did not answer within " + WireTiming.format(timeout) + " (" + TIMEOUT_PROPERTY + ")";
	}

	// The type and the message, without a URL's user info or query, nor a stack trace.
	static String describe(Throwable ex) {
		String message = (ex.getMessage() != null)
				? ex.getMessage().replaceAll("//[^/@\\s]*@", "//").replaceAll("\\?[^\\s\"']*", "") : null;
		if (message != null && message.length() > 200) {
			message = message.substring(0, 200) + "…";
		}
		return ex.getClass().getName() + ((message != null) ? ": " + message : "");
	}

	private static String detail(NetSuiteException error) {
		return (error.getDetail() != null) ? error.getDetail() : "HTTP " + error.getStatusCode();
	}

}
