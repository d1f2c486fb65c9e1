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

import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.web.client.RestClient;

/**
 * A REST web services request sent asynchronously ({@code Prefer: respond-async}):
 * NetSuite accepts it with {@code 202} and the location of a job, which
 * {@link NetSuiteJob} polls for the answer the synchronous request would have had.
 * Immutable: each modifier returns a copy, so a request can be shared and submitted again.
 * <p>
 * With an idempotency key ({@link #idempotent()}, {@link #idempotencyKey(String)})
 * NetSuite executes the request at most once per key: the starter's retry repeats such a
 * request when its answer was lost, and a repeat NetSuite already has answers
 * {@code IDEMPOTENCY_ERROR} with the original job, which this request then follows.
 * ("Idempotent" here is NetSuite's own word for its header; a record write done exactly
 * once is {@link RecordCollection#exactlyOnce()}, which uses it.)
 *
 * <pre class="code">
 * NetSuiteJob job = client.async(HttpMethod.POST, "/services/rest/record/v1/customer")
 *     .body(Map.of("companyName", "Acme"))
 *     .idempotent()
 *     .submit();
 * String id = job.await().recordId();
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class AsyncRequest {

	static final String PREFER = "Prefer";

	static final String PREFER_ASYNC = "respond-async";

	private final NetSuiteExchange exchange;

	private final HttpMethod method;

	private final String uriTemplate;

	private final @Nullable Object[] uriVariables;

	private final Map<String, String> headers;

	private final @Nullable Object body;

	private final @Nullable String idempotencyKey;

	// A new random key at each submission, when the caller gave none
	private final boolean freshKey;

	AsyncRequest(NetSuiteExchange exchange, HttpMethod method, String uriTemplate, @Nullable Object... uriVariables) {
		this(exchange, method, uriTemplate, uriVariables.clone(), Map.of(), null, null, false);
	}

	private AsyncRequest(NetSuiteExchange exchange, HttpMethod method, String uriTemplate,
			@Nullable Object[] uriVariables, Map<String, String> headers, @Nullable Object body,
			@Nullable String idempotencyKey, boolean freshKey) {
		this.exchange = exchange;
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.uriVariables = uriVariables;
		this.headers = headers;
		this.body = body;
		this.idempotencyKey = idempotencyKey;
		this.freshKey = freshKey;
	}

	/**
	 * Return this request with a JSON body.
	 * @param body a map or an object Jackson can write
	 * @return the request
	 */
	@CheckReturnValue
	public AsyncRequest body(Object body) {
		Assert.notNull(body, "'body' must not be null");
		return new AsyncRequest(this.exchange, this.method, this.uriTemplate, this.uriVariables, this.headers, body,
				this.idempotencyKey, this.freshKey);
	}

	/**
	 * Return this request with a header, such as {@code Prefer: transient} for SuiteQL
	 * (added to {@code respond-async}). An
	 * {@value NetSuiteRequests#IDEMPOTENCY_KEY_HEADER} header is taken as
	 * {@link #idempotencyKey(String)}.
	 * @param name the header name
	 * @param value the header value
	 * @return the request
	 */
	@CheckReturnValue
	public AsyncRequest header(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		if (name.equalsIgnoreCase(NetSuiteRequests.IDEMPOTENCY_KEY_HEADER)) {
			return idempotencyKey(value);
		}
		Map<String, String> headers = new LinkedCaseInsensitiveMap<>();
		headers.putAll(this.headers);
		headers.put(name, value);
		return new AsyncRequest(this.exchange, this.method, this.uriTemplate, this.uriVariables,
				Collections.unmodifiableMap(headers), this.body, this.idempotencyKey, this.freshKey);
	}

	/**
	 * Return this request sent with a fresh random idempotency key at each
	 * {@link #submit()}: NetSuite executes each submission at most once, however often
	 * the starter's retry repeats it.
	 * @return the request
	 */
	@CheckReturnValue
	public AsyncRequest idempotent() {
		return new AsyncRequest(this.exchange, this.method, this.uriTemplate, this.uriVariables, this.headers,
				this.body, null, true);
	}

	/**
	 * Return this request sent with the given idempotency key, for a write that must
	 * happen once even across the application's own repeats (such as the ID of the
	 * message that asked for it). How long NetSuite remembers keys is not documented.
	 * @param key the key, a UUID as NetSuite expects
	 * @return the request
	 */
	@CheckReturnValue
	public AsyncRequest idempotencyKey(String key) {
		Assert.hasText(key, "'key' must not be empty");
		return new AsyncRequest(this.exchange, this.method, this.uriTemplate, this.uriVariables, this.headers,
				this.body, key, false);
	}

	/**
	 * Submit the request.
	 * @return the job, or a job already answered when NetSuite answered at once
	 * @throws NetSuiteException if NetSuite refused the submission
	 */
	public NetSuiteJob submit() {
		RestClient.RequestBodySpec request = this.exchange.rest(this.method, this.uriTemplate, this.uriVariables)
			.accept(MediaType.APPLICATION_JSON);
		this.headers.forEach(request::header);
		String prefer = this.headers.get(PREFER);
		request.headers((headers) -> headers.set(PREFER, (prefer != null) ? prefer + ", " + PREFER_ASYNC : PREFER_ASYNC));
		String key = this.freshKey ? UUID.randomUUID().toString() : this.idempotencyKey;
		if (key != null) {
			request.header(NetSuiteRequests.IDEMPOTENCY_KEY_HEADER, key)
				.attribute(NetSuiteRequests.IDEMPOTENCY_KEY_ATTRIBUTE, key);
		}
		if (this.body != null && this.headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
			// The caller's JSON type, such as a batch's collection: the converters still write it.
			request.body(this.body);
		}
		else if (this.body != null) {
			NetSuiteExchange.jsonBody(request, this.body);
		}
		return this.exchange.submit(request, key);
	}

}
