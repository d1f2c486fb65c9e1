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
package io.github.netsuite.boot.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;

/**
 * Context of one NetSuite request attempt on the wire: the request, the account realm, the
 * API it addresses and, once answered, NetSuite's status and error code.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteRequestContext extends Observation.Context {

	/**
	 * API value for REST web services other than SuiteQL (records, metadata, system).
	 */
	public static final String API_REST = "rest";

	/**
	 * API value for SuiteQL queries.
	 */
	public static final String API_SUITEQL = "suiteql";

	/**
	 * API value for RESTlets.
	 */
	public static final String API_RESTLET = "restlet";

	/**
	 * API value for OAuth 2.0 token requests.
	 */
	public static final String API_TOKEN = "token";

	private final HttpRequest request;

	private final String realm;

	private final String api;

	private final int attempt;

	private @Nullable Integer statusCode;

	private @Nullable String errorCode;

	private boolean throttled;

	private long startTime;

	/**
	 * Create a context.
	 * @param request the request as it goes on the wire
	 * @param realm the account realm, such as {@code 1234567_SB1}
	 * @param api the API the request addresses, such as {@link #API_REST}
	 * @param attempt the attempt number, 1 for the first
	 */
	public NetSuiteRequestContext(HttpRequest request, String realm, String api, int attempt) {
		this.request = Objects.requireNonNull(request, "request");
		this.realm = Objects.requireNonNull(realm, "realm");
		this.api = Objects.requireNonNull(api, "api");
		this.attempt = attempt;
	}

	/**
	 * Return the request.
	 * @return the request
	 */
	public HttpRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the account realm.
	 * @return the realm
	 */
	public String getRealm() {
		return this.realm;
	}

	/**
	 * Return the API the request addresses: {@code rest}, {@code suiteql} or
	 * {@code restlet}.
	 * @return the API
	 */
	public String getApi() {
		return this.api;
	}

	/**
	 * Return the attempt number, 1 for the first and more for retries.
	 * @return the attempt number
	 */
	public int getAttempt() {
		return this.attempt;
	}

	/**
	 * Return the HTTP status NetSuite answered with.
	 * @return the status code, or {@code null} without an answer
	 */
	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Set the HTTP status NetSuite answered with.
	 * @param statusCode the status code
	 */
	public void setStatusCode(int statusCode) {
		this.statusCode = statusCode;
	}

	/**
	 * Return NetSuite's error code of an error answer.
	 * @return the error code, or {@code null} when there was none
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Set NetSuite's error code of an error answer.
	 * @param errorCode the error code, or {@code null} when there was none
	 */
	public void setErrorCode(@Nullable String errorCode) {
		this.errorCode = errorCode;
	}

	/**
	 * Return whether NetSuite refused the request for its concurrency limit (REST 429 or
	 * {@code CONCURRENCY_LIMIT_EXCEEDED}, RESTlet {@code SSS_REQUEST_LIMIT_EXCEEDED}).
	 * @return whether the request was throttled
	 */
	public boolean isThrottled() {
		return this.throttled;
	}

	/**
	 * Set whether NetSuite refused the request for its concurrency limit.
	 * @param throttled whether the request was throttled
	 */
	public void setThrottled(boolean throttled) {
		this.throttled = throttled;
	}

	long getStartTime() {
		return this.startTime;
	}

	void setStartTime(long startTime) {
		this.startTime = startTime;
	}

}
