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
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The marks a NetSuite request carries in its {@linkplain HttpRequest#getAttributes()
 * attributes}: which API it addresses, whether it is safe to repeat, which attempt it is
 * and, once answered with an error, NetSuite's error read once for every interceptor; an
 * asynchronous write may also carry an idempotency key.
 * {@link NetSuiteClient} sets the first two on every call; retry, observation and health
 * read them instead of guessing from the path. A request sent through a signed
 * {@code RestClient} directly gets its client's API and a repeat-safety by HTTP method.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteRequests {

	/**
	 * The attribute that names the API: {@link #REST}, {@link #SUITEQL}, {@link #RESTLET}
	 * or {@link #TOKEN}.
	 */
	static final String API_ATTRIBUTE = "io.github.netsuite.boot.api";

	/**
	 * The attribute that says whether a request is safe to repeat when its answer may be
	 * lost ({@link Boolean}).
	 */
	static final String IDEMPOTENT_ATTRIBUTE = "io.github.netsuite.boot.idempotent";

	/**
	 * The attribute that holds the idempotency key ({@link String}) a request carries in
	 * its {@value #IDEMPOTENCY_KEY_HEADER} header: an asynchronous write that NetSuite
	 * executes at most once whatever the attempts, so that one whose answer was lost may
	 * be repeated with the same key.
	 */
	static final String IDEMPOTENCY_KEY_ATTRIBUTE = "io.github.netsuite.boot.idempotency-key";

	/**
	 * The header NetSuite reads an asynchronous request's idempotency key from.
	 */
	static final String IDEMPOTENCY_KEY_HEADER = "X-NetSuite-Idempotency-Key";

	/**
	 * The attribute that holds the attempt number, 1 for the first.
	 */
	static final String ATTEMPT_ATTRIBUTE = "io.github.netsuite.boot.attempt";

	/**
	 * The attribute that holds the {@link NetSuiteError} of the attempt's error answer.
	 */
	static final String ERROR_ATTRIBUTE = "io.github.netsuite.boot.error";

	/**
	 * The attribute that holds the call's {@link Deadline}: set by the outermost
	 * interceptor from {@code netsuite.call-timeout} unless the caller set a tighter one
	 * (health sets {@code netsuite.health.timeout}'s). The wait for a permit, every attempt
	 * and the back-off between them end by it.
	 */
	static final String DEADLINE_ATTRIBUTE = "io.github.netsuite.boot.deadline";

	/**
	 * REST web services other than SuiteQL: records, metadata, system.
	 */
	static final String REST = "rest";

	/**
	 * SuiteQL queries.
	 */
	static final String SUITEQL = "suiteql";

	/**
	 * RESTlets.
	 */
	static final String RESTLET = "restlet";

	/**
	 * OAuth 2.0 token requests.
	 */
	static final String TOKEN = "token";

	private static final Set<HttpMethod> IDEMPOTENT_REST_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

	// A RESTlet is a script: only what cannot change anything is safe to repeat.
	private static final Set<HttpMethod> IDEMPOTENT_RESTLET_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS);

	/**
	 * Marks each request with its API by its path, for a client that reaches both REST web
	 * services and RESTlets (an HTTP service interface's): SuiteQL's endpoint, a RESTlet's
	 * {@code restlet.nl}, or else REST web services.
	 */
	static final ClientHttpRequestInterceptor API_BY_PATH = (request, body, execution) -> {
		request.getAttributes().put(API_ATTRIBUTE, apiOf(request.getURI().getRawPath()));
		return execution.execute(request, body);
	};

	private NetSuiteRequests() {
	}

	/**
	 * Return the API a path addresses.
	 * @param path the request's path
	 * @return {@link #SUITEQL}, {@link #RESTLET} or {@link #REST}
	 */
	static String apiOf(@Nullable String path) {
		if (path == null) {
			return REST;
		}
		if (path.endsWith("/services/rest/query/v1/suiteql")) {
			return SUITEQL;
		}
		return path.endsWith("/restlet.nl") ? RESTLET : REST;
	}

	/**
	 * Return the API a request addresses.
	 * @param request the request
	 * @return {@link #REST}, {@link #SUITEQL} or {@link #RESTLET}; {@link #REST} when
	 * unmarked
	 */
	static String api(HttpRequest request) {
		Object api = request.getAttributes().get(API_ATTRIBUTE);
		return (api instanceof String name) ? name : REST;
	}

	/**
	 * Return whether a request is safe to repeat when its answer may be lost: as marked,
	 * or else by HTTP method ({@code PUT} and {@code DELETE} count for REST web services,
	 * not for RESTlets).
	 * @param request the request
	 * @return whether the request may be repeated
	 */
	static boolean isIdempotent(HttpRequest request) {
		Object idempotent = request.getAttributes().get(IDEMPOTENT_ATTRIBUTE);
		if (idempotent instanceof Boolean marked) {
			return marked;
		}
		Set<HttpMethod> methods = RESTLET.equals(api(request)) ? IDEMPOTENT_RESTLET_METHODS
				: IDEMPOTENT_REST_METHODS;
		return methods.contains(request.getMethod());
	}

	/**
	 * Return the idempotency key a request was marked with.
	 * @param request the request
	 * @return the key, or {@code null} when the request carries none
	 */
	static @Nullable String idempotencyKey(HttpRequest request) {
		Object key = request.getAttributes().get(IDEMPOTENCY_KEY_ATTRIBUTE);
		return (key instanceof String text && !text.isEmpty()) ? text : null;
	}

	/**
	 * Return the attempt number of a request.
	 * @param request the request
	 * @return the attempt, 1 for the first
	 */
	static int attempt(HttpRequest request) {
		Object attempt = request.getAttributes().get(ATTEMPT_ATTRIBUTE);
		return (attempt instanceof Integer number) ? number : 1;
	}

	/**
	 * Return the call's deadline.
	 * @param request the request
	 * @return the deadline, or {@code null} when the request carries none
	 */
	static @Nullable Deadline deadline(HttpRequest request) {
		Object deadline = request.getAttributes().get(DEADLINE_ATTRIBUTE);
		return (deadline instanceof Deadline value) ? value : null;
	}

	/**
	 * Return NetSuite's error answer to the request's latest attempt, as read on the wire.
	 * @param request the request
	 * @return the error, or {@code null} when the attempt was not answered with one or
	 * nothing read it
	 */
	static @Nullable NetSuiteError error(HttpRequest request) {
		Object error = request.getAttributes().get(ERROR_ATTRIBUTE);
		return (error instanceof NetSuiteError netSuiteError) ? netSuiteError : null;
	}

	/**
	 * When a call must end, and what set its time.
	 *
	 * @param nanoTime the {@link System#nanoTime()} at which the call must end
	 * @param timeout the time the call was given
	 * @param property the property that sets that time, named when it runs out
	 * @since 0.1.0
	 */
	record Deadline(long nanoTime, Duration timeout, String property) {

		/**
		 * Return a deadline the given time from now.
		 * @param timeout the time the call is given
		 * @param property the property that sets it, e.g. {@code netsuite.health.timeout}
		 * @return the deadline
		 */
		static Deadline in(Duration timeout, String property) {
			return new Deadline(System.nanoTime() + timeout.toNanos(), timeout, property);
		}

		/**
		 * Return the time left, never negative.
		 * @return the nanoseconds left until the deadline
		 */
		long remainingNanos() {
			return Math.max(this.nanoTime - System.nanoTime(), 0);
		}

		/**
		 * Return whether the deadline has passed.
		 * @return whether no time is left
		 */
		boolean hasPassed() {
			return this.nanoTime - System.nanoTime() <= 0;
		}

	}

}
