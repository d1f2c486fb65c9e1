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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * An error answer of NetSuite's, read once: the HTTP status, NetSuite's error code and
 * detail, from REST web services' {@code o:errorDetails}, RESTlets'
 * {@code {"error":{"code":…,"message":…}}} or the OAuth 2.0 token endpoint's
 * {@code {"error":…,"error_description":…}}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteError {

	/**
	 * The detail of an error whose JSON body could not be read as one answer.
	 */
	public static final String UNREADABLE = "unreadable error body";

	private static final int MAX_DETAIL = 1000;

	private final int status;

	private final @Nullable String errorCode;

	private final @Nullable String detail;

	private final @Nullable String authenticate;

	private final String text;

	private NetSuiteError(int status, @Nullable String errorCode, @Nullable String detail,
			@Nullable String authenticate, String text) {
		this.status = status;
		this.errorCode = errorCode;
		this.detail = detail;
		this.authenticate = authenticate;
		this.text = text;
	}

	/**
	 * Read an error answer. Its JSON is read strictly: an error body with a key twice
	 * (in {@code o:errorDetails}, {@code error} or anywhere else), not valid UTF-8, or
	 * nested past Jackson's limits is refused as a whole rather than decided by
	 * last-wins: such an error has no {@link #errorCode()} and the detail
	 * {@value #UNREADABLE}, and only its status tells what it is. A body that is not JSON
	 * at all (a proxy's error page) gives its first 1,000 characters as the detail.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @return the error
	 */
	public static NetSuiteError of(int status, HttpHeaders headers, byte[] body) {
		return read(status, headers, body, false);
	}

	/**
	 * Read the error a job's task failed with, from the task's result when NetSuite gave
	 * it inside a successful answer: parsed as {@link #of} parses an error answer, with
	 * the status the error document names ({@code "status": 400}), or {@code 0}.
	 * @param headers the result's headers
	 * @param body the result's body
	 * @return the error, or {@code null} when the body is no error document of NetSuite's
	 */
	static @Nullable NetSuiteError inTaskResult(HttpHeaders headers, byte[] body) {
		NetSuiteError error = read(0, headers, body, true);
		return (error.errorCode != null) ? error : null;
	}

	// The one parser of NetSuite's error bodies: the error interceptor reads every error
	// answer through it, and a job's task result that holds an error goes through it too.
	private static NetSuiteError read(int status, HttpHeaders headers, byte[] body, boolean statusInBody) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		String errorCode = null;
		String detail = null;
		JsonNode json = text.startsWith("{") ? Answers.errorJson(body) : null;
		if (json != null) {
			JsonNode restError = json.path("o:errorDetails").path(0);
			JsonNode restletError = json.path("error");
			if (restError.isObject()) {
				errorCode = text(restError.path("o:errorCode"));
				detail = text(restError.path("detail"));
			}
			else if (restletError.isObject()) {
				errorCode = text(restletError.path("code"));
				detail = text(restletError.path("message"));
			}
			else if (restletError.isString()) {
				// OAuth 2.0's token endpoint (RFC 6749 §5.2).
				errorCode = text(restletError);
				detail = text(json.path("error_description"));
			}
			if (detail == null) {
				detail = text(json.path("title"));
			}
			if (statusInBody) {
				int named = json.path("status").asInt(0);
				status = (named >= 400 && named < 600) ? named : status;
			}
		}
		else if (text.startsWith("{")) {
			detail = UNREADABLE;
		}
		else if (!text.isEmpty()) {
			detail = abbreviate(text);
		}
		return new NetSuiteError(status, errorCode, detail, headers.getFirst(HttpHeaders.WWW_AUTHENTICATE), text);
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return NetSuite's error code, such as {@code NONEXISTENT_ID}.
	 * @return the error code, or {@code null} when the answer had none
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * Return NetSuite's detail text, at most 1,000 characters.
	 * @return the detail, or {@code null} when the answer had none
	 */
	public @Nullable String detail() {
		return this.detail;
	}

	/**
	 * Return whether NetSuite refused the request for its concurrency limit, and so did
	 * not execute it. Only its documented forms count: REST web services' {@code 429}
	 * (with or without a body) and RESTlets' {@code 400} with
	 * {@code SSS_REQUEST_LIMIT_EXCEEDED}. A {@code 400} with
	 * {@code CONCURRENCY_LIMIT_EXCEEDED}, or either code with any other status, is not
	 * throttling: whoever answered so did not say NetSuite's concurrency limit was met.
	 * @return whether the request was throttled
	 */
	public boolean isThrottled() {
		return this.status == 429 || (this.status == 400 && code().equals("SSS_REQUEST_LIMIT_EXCEEDED"));
	}

	/**
	 * Return whether NetSuite refused the request's authentication: a {@code 401}, or an
	 * {@code INVALID_LOGIN…} code, unless the answer is {@linkplain #isThrottled()
	 * throttling}.
	 * @return whether the answer is a login failure
	 */
	public boolean isAuthenticationFailure() {
		return !isThrottled() && (this.status == 401 || code().startsWith("INVALID_LOGIN"));
	}

	/**
	 * Return whether the answer, its body or its {@code WWW-Authenticate} header contain
	 * the given text.
	 * @param text the text
	 * @return whether the answer mentions it
	 */
	public boolean mentions(String text) {
		return (this.detail != null && this.detail.contains(text)) || this.text.contains(text)
				|| (this.authenticate != null && this.authenticate.contains(text));
	}

	private String code() {
		return (this.errorCode != null) ? this.errorCode.toUpperCase(Locale.ROOT) : "";
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isValueNode() && !node.isNull()) ? abbreviate(node.asString()) : null;
	}

	private static String abbreviate(String text) {
		return (text.length() <= MAX_DETAIL) ? text : text.substring(0, MAX_DETAIL) + "…";
	}

	@Override
	public String toString() {
		return "NetSuiteError[status=" + this.status + ", errorCode=" + this.errorCode + ", detail=" + this.detail
				+ "]";
	}

}
