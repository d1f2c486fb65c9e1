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
package io.github.netsuite.boot.web;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteJobTimeoutException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuitePermissionException;
import io.github.netsuite.boot.NetSuitePermitTimeoutException;
import io.github.netsuite.boot.NetSuiteQueryLimitException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteScriptException;
import io.github.netsuite.boot.NetSuiteServerException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteValidationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a {@link NetSuiteException} that a Spring MVC controller lets through as an RFC
 * 9457 {@link ProblemDetail}, with a status for the application's caller rather than
 * NetSuite's own:
 * <table>
 * <caption>Statuses</caption>
 * <tr><th>exception</th><th>status</th></tr>
 * <tr><td>{@link NetSuiteNotFoundException}</td><td>404 Not Found</td></tr>
 * <tr><td>{@link NetSuiteValidationException} (NetSuite's other 4xx)</td><td>422
 * Unprocessable Content</td></tr>
 * <tr><td>{@link NetSuiteConcurrencyLimitException},
 * {@link NetSuitePermitTimeoutException}, NetSuite's 503</td><td>503 Service Unavailable
 * with {@code Retry-After}</td></tr>
 * <tr><td>{@link NetSuiteAuthenticationException},
 * {@link NetSuitePermissionException} (the application's credentials)</td><td>502 Bad
 * Gateway</td></tr>
 * <tr><td>{@link NetSuiteTimeoutException}, {@link NetSuiteJobTimeoutException}, a
 * connect or read timeout, NetSuite's 504</td><td>504 Gateway Timeout</td></tr>
 * <tr><td>a refused connection</td><td>503 Service Unavailable</td></tr>
 * <tr><td>an unknown host or another failed connection, {@link NetSuiteRedirectException},
 * {@link NetSuiteUnreadableAnswerException}, {@link NetSuiteScriptException},
 * {@link NetSuiteServerException} and any other</td><td>502 Bad Gateway</td></tr>
 * <tr><td>{@link NetSuiteQueryLimitException} (the application's query)</td><td>500
 * Internal Server Error</td></tr>
 * </table>
 * The problem's {@code detail} is the exception's message without the account
 * ({@link NetSuiteException#getMessageWithoutAccount()}: the request's method and path,
 * never the account's name or ID, the query, body or credentials), while the log line
 * keeps the full message, account included; its properties are NetSuite's
 * {@code netsuiteStatus}, {@code errorCode}, {@code netsuiteDetail} and the starter's
 * {@code hint}, each when known, and {@code mayHaveExecuted} when the request had been sent
 * and its outcome is unknown (a deadline, a read timeout, an answer cut short).
 * <p>
 * Registered by {@link NetSuiteProblemDetailsAutoConfiguration}; define a bean of this
 * type, for example a subclass that overrides {@link #status(NetSuiteException)}, to
 * replace it.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@ControllerAdvice
public class NetSuiteProblemDetailsExceptionHandler {

	private static final Log logger = LogFactory.getLog(NetSuiteProblemDetailsExceptionHandler.class);

	// A query in a URL a message quotes (a redirect's Location): everything from '?' in a
	// word that has a '/' before it.
	private static final Pattern QUERY = Pattern.compile("(?<=/[^\\s?]{0,2000})\\?(?:[^\\s,;)]*[^\\s,;):.])?");

	private final long retryAfterSeconds;

	/**
	 * Create a handler.
	 * @param retryAfter the time the {@code Retry-After} header of a 503 asks the caller to
	 * wait, rounded up to whole seconds
	 */
	public NetSuiteProblemDetailsExceptionHandler(Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter");
		if (retryAfter.isNegative() || retryAfter.isZero()) {
			throw new IllegalArgumentException(
					"netsuite.web.problem-details.retry-after must be positive, but is " + retryAfter);
		}
		long seconds = retryAfter.getSeconds();
		this.retryAfterSeconds = (retryAfter.getNano() > 0) ? seconds + 1 : seconds;
	}

	/**
	 * Answer a NetSuite error as a problem detail.
	 * @param ex the error
	 * @return the answer
	 */
	@ExceptionHandler(NetSuiteException.class)
	public ResponseEntity<ProblemDetail> handleNetSuiteException(NetSuiteException ex) {
		HttpStatus status = status(ex);
		if (status.is5xxServerError()) {
			logger.warn(withoutQuery(String.valueOf(ex.getMessage())));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(withoutQuery(String.valueOf(ex.getMessage())));
		}
		ProblemDetail problem = problemDetail(ex, status);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
		}
		return answer.body(problem);
	}

	/**
	 * Return the status to answer the application's caller with.
	 * @param ex the error
	 * @return the status
	 */
	protected HttpStatus status(NetSuiteException ex) {
		if (ex instanceof NetSuiteConcurrencyLimitException || ex instanceof NetSuitePermitTimeoutException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (ex instanceof NetSuiteTimeoutException || ex instanceof NetSuiteJobTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (ex instanceof NetSuiteConnectionException connection) {
			return switch (connection.getReason()) {
				case CONNECT_TIMEOUT, READ_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
				case CONNECTION_REFUSED -> HttpStatus.SERVICE_UNAVAILABLE;
				case UNKNOWN_HOST, CONNECTION_FAILED -> HttpStatus.BAD_GATEWAY;
			};
		}
		if (ex instanceof NetSuiteNotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof NetSuiteValidationException) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof NetSuiteQueryLimitException) {
			return HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (ex instanceof NetSuiteServerException) {
			if (ex.getStatusCode() == 503) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (ex.getStatusCode() == 504) {
				return HttpStatus.GATEWAY_TIMEOUT;
			}
		}
		// The application's credentials or role, a redirect, an unreadable answer, a
		// RESTlet's script error, NetSuite's 5xx: NetSuite failed the application, not the
		// caller
		return HttpStatus.BAD_GATEWAY;
	}

	/**
	 * Return the problem detail that describes the error.
	 * @param ex the error
	 * @param status the status to answer with
	 * @return the problem detail
	 */
	protected ProblemDetail problemDetail(NetSuiteException ex, HttpStatus status) {
		// The caller learns what failed, not which NetSuite account the application uses
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				withoutQuery(String.valueOf(ex.getMessageWithoutAccount())));
		if (ex.getStatusCode() > 0) {
			problem.setProperty("netsuiteStatus", ex.getStatusCode());
		}
		putIfPresent(problem, "errorCode", ex.getErrorCode());
		putIfPresent(problem, "netsuiteDetail", (ex.getDetail() != null) ? withoutQuery(ex.getDetail()) : null);
		putIfPresent(problem, "hint", ex.getHint());
		if (mayHaveExecuted(ex)) {
			// The caller must not take a failed write for one that did not happen
			problem.setProperty("mayHaveExecuted", true);
		}
		return problem;
	}

	private static boolean mayHaveExecuted(NetSuiteException ex) {
		return (ex instanceof NetSuiteTimeoutException timeout && timeout.mayHaveExecuted())
				|| (ex instanceof NetSuiteUnreadableAnswerException unreadable && unreadable.mayHaveExecuted())
				|| (ex instanceof NetSuiteConnectionException connection && (connection.mayHaveExecuted()
						|| connection.getReason() == NetSuiteConnectionException.Reason.READ_TIMEOUT));
	}

	private static void putIfPresent(ProblemDetail problem, String name, @Nullable Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	static String withoutQuery(String text) {
		return QUERY.matcher(text).replaceAll("");
	}

}
