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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;

/**
 * An asynchronous request NetSuite accepted: its job
 * ({@code /services/rest/async/v1/job/<id>}), polled with back-off until it completes, then
 * its task list and the task's result, which is the answer the synchronous request would
 * have had. Each poll is a request of its own through the account's client, so no concurrency
 * permit is held while waiting between polls.
 * <p>
 * A task that failed surfaces as the {@link NetSuiteException} the synchronous request
 * would have thrown, for the submitted method and path, whether NetSuite answered the
 * task's result with the error's status or gave the error inside a successful answer.
 * Thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 * @see AsyncRequest
 */
public final class NetSuiteJob {

	private final NetSuiteExchange exchange;

	private final @Nullable URI origin;

	private final @Nullable URI location;

	private final String method;

	private final String path;

	private final @Nullable String idempotencyKey;

	private volatile @Nullable Result result;

	NetSuiteJob(NetSuiteExchange exchange, URI submitted, URI location, String method, String path,
			@Nullable String idempotencyKey) {
		this.exchange = exchange;
		this.origin = submitted;
		this.location = location;
		this.method = method;
		this.path = path;
		this.idempotencyKey = idempotencyKey;
	}

	NetSuiteJob(NetSuiteExchange exchange, String method, String path, @Nullable String idempotencyKey, Result result) {
		this.exchange = exchange;
		this.origin = null;
		this.location = null;
		this.method = method;
		this.path = path;
		this.idempotencyKey = idempotencyKey;
		this.result = result;
	}

	/**
	 * Return the job's location, as NetSuite sent it.
	 * @return the location, or {@code null} when NetSuite answered the request at once
	 */
	public @Nullable URI location() {
		return this.location;
	}

	/**
	 * Return the job's ID, the last segment of its location.
	 * @return the ID, or {@code null} when NetSuite answered the request at once
	 */
	public @Nullable String id() {
		return (this.location != null) ? lastSegment(this.location) : null;
	}

	/**
	 * Return the idempotency key the request was submitted with.
	 * @return the key, or {@code null} if it had none
	 */
	public @Nullable String idempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * Ask NetSuite once whether the job has completed.
	 * @return whether it has
	 */
	public boolean isCompleted() {
		return this.result != null || this.location == null || get(jobUri()).path("completed").asBoolean(false);
	}

	/**
	 * Wait for the job's result, at most the client's async timeout
	 * ({@code netsuite.async.timeout}).
	 * @return the result
	 * @throws NetSuiteJobTimeoutException if the job did not complete in time
	 * @throws NetSuiteException the exception the synchronous request would have thrown,
	 * if the job's task failed
	 */
	public Result await() {
		return await(this.exchange.asyncPolling().timeout());
	}

	/**
	 * Wait for the job's result, at most the given time. Polls after the client's poll
	 * interval ({@code netsuite.async.poll-interval}), doubling up to its largest
	 * ({@code netsuite.async.max-poll-interval}).
	 * @param timeout the longest time to wait
	 * @return the result
	 * @throws NetSuiteJobTimeoutException if the job did not complete in time
	 * @throws NetSuiteException the exception the synchronous request would have thrown,
	 * if the job's task failed
	 */
	public Result await(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative(), "'timeout' must not be negative");
		try {
			return poll(timeout);
		}
		catch (NetSuiteException ex) {
			throw this.exchange.named(ex, null);
		}
	}

	private Result poll(Duration timeout) {
		Result known = this.result;
		if (known != null) {
			return known;
		}
		AsyncPolling polling = this.exchange.asyncPolling();
		long deadline = System.nanoTime() + timeout.toNanos();
		Duration wait = polling.interval();
		RuntimeException lastFailure = null;
		while (true) {
			long left = deadline - System.nanoTime();
			sleep(Duration.ofNanos(Math.max(0, Math.min(wait.toNanos(), left))));
			try {
				JsonNode job;
				try {
					job = completedState();
				}
				catch (NetSuiteUnreadableAnswerException ex) {
					// A poll only reads: one whose answer could not be read is asked again,
					// and never taken for the job's completion.
					lastFailure = ex;
					job = null;
				}
				if (job != null) {
					Result finished = result(job);
					this.result = finished;
					return finished;
				}
			}
			catch (NetSuiteConnectionException | ResourceAccessException ex) {
				// A poll only reads: one whose answer was lost is asked again.
				lastFailure = ex;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new NetSuiteJobTimeoutException(this, timeout, lastFailure);
			}
			wait = (wait.compareTo(polling.maxInterval().dividedBy(2)) > 0) ? polling.maxInterval()
					: wait.multipliedBy(2);
		}
	}

	String method() {
		return this.method;
	}

	String path() {
		return this.path;
	}

	private Result result(JsonNode job) {
		List<URI> results = taskResults(job);
		if (results.isEmpty()) {
			throw new NetSuiteException(0, null, "NetSuite completed job " + id() + " without a task", this.method,
					this.path, null);
		}
		// The job's progress says whether its task failed: one round trip fewer than the task's
		boolean failed = job.path("progress").asString("").toLowerCase(Locale.ROOT).startsWith("fail");
		Result result = taskResult(results.get(0), failed);
		if (failed) {
			throw new NetSuiteException(0, null, "NetSuite's job " + id() + " ended " + job.path("progress")
				.asString(""), this.method, this.path, null);
		}
		return result;
	}

	/**
	 * Ask NetSuite once for the job's state.
	 * @return the job's state once it has completed, or {@code null} while it has not
	 */
	@Nullable JsonNode completedState() {
		JsonNode job = get(jobUri());
		return job.path("completed").asBoolean(false) ? job : null;
	}

	/**
	 * Whether a read of the job (a poll, its tasks, a task's result) failed without an
	 * answer about the job itself: lost, unreadable, throttled, out of permits or time, or
	 * a server error. A read, so it can be asked again.
	 */
	static boolean isTransient(RuntimeException ex) {
		return ex instanceof NetSuiteUnreadableAnswerException || ex instanceof NetSuiteConnectionException
				|| ex instanceof ResourceAccessException || ex instanceof NetSuiteConcurrencyLimitException
				|| ex instanceof NetSuitePermitTimeoutException || ex instanceof NetSuiteTimeoutException
				|| ex instanceof NetSuiteServerException;
	}

	/**
	 * List a completed job's tasks (following {@code next} links, should NetSuite page
	 * the list) and return the location of each task's result, in the order NetSuite lists
	 * the tasks.
	 * @param job the completed job's state
	 * @return the tasks' result locations
	 */
	List<URI> taskResults(JsonNode job) {
		URI tasks = link(job.path("task"), jobUri().getRawPath() + "/task");
		List<URI> results = new ArrayList<>();
		JsonNode list = get(tasks);
		for (int page = 0;; page++) {
			for (JsonNode task : list.path("items")) {
				if (task.isObject()) {
					URI taskUri = link(task, trimSlash(tasks.getRawPath()) + "/" + task.path("id").asString(""));
					results.add(resolve(trimSlash(taskUri.getRawPath()) + "/result"));
				}
			}
			URI next = list.path("hasMore").asBoolean(false) ? rel(list, "next") : null;
			// Bounded: a list that never ends is not followed for ever.
			if (next == null || page >= 100) {
				return results;
			}
			list = get(next);
		}
	}

	/**
	 * Read one task's result, the answer the submitted request (or, for a batch, its
	 * item) would have had synchronously.
	 * @param resultUri the result's location
	 * @param errorInside whether to look for NetSuite's error inside a successful answer
	 * @return the result
	 * @throws NetSuiteException the error the task failed with, for the submitted method
	 * and path
	 */
	Result taskResult(URI resultUri, boolean errorInside) {
		// The task's answer is the submitted request's: its errors name that request.
		NetSuiteExchange.Call call = NetSuiteExchange.Call.write(unknownOutcomeHint()).as(this.method, this.path);
		return this.exchange.read(this.exchange.rest(HttpMethod.GET, resultUri), call, (request, response, answer) -> {
			byte[] body = Answers.bytes(answer, response.getBody());
			if (errorInside) {
				// A failed task's error inside a successful answer, read by the same parser.
				NetSuiteError error = NetSuiteError.inTaskResult(response.getHeaders(), body);
				if (error != null) {
					throw this.exchange.error(error, this.method, this.path);
				}
			}
			return Result.read(answer, response.getHeaders(), body, request.getURI(), this.exchange.mapper());
		});
	}

	private JsonNode get(URI uri) {
		// The job's outcome is not known while its answers cannot be read.
		return this.exchange.object(this.exchange.rest(HttpMethod.GET, uri),
				new NetSuiteExchange.Call(true, unknownOutcomeHint(), null, null, null));
	}

	String unknownOutcomeHint() {
		return unknownOutcomeHint(this.idempotencyKey);
	}

	static String unknownOutcomeHint(@Nullable String idempotencyKey) {
		return (idempotencyKey != null)
				? "Submit it again with the same idempotency key (AsyncRequest.idempotencyKey) to learn its outcome "
						+ "without executing it twice"
				: "Check whether it happened before repeating it, or submit it with an idempotency key "
						+ "(AsyncRequest.idempotent()) so that a repeat is executed once";
	}

	private URI jobUri() {
		Assert.state(this.location != null, "NetSuite answered the request at once: there is no job");
		return resolve(this.location.getRawPath());
	}

	// The first link's path, on the host the request was sent to: links are NetSuite's,
	// but a request never follows them to another host with the account's credentials.
	private URI link(JsonNode resource, String fallback) {
		JsonNode links = resource.path("links");
		for (JsonNode link : links) {
			String href = link.path("href").asString("");
			if (!href.isEmpty()) {
				URI uri = URI.create(href);
				return resolve(uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
			}
		}
		return resolve(fallback);
	}

	// The link of a relation, such as a list's next page, on the host the request was sent to.
	private @Nullable URI rel(JsonNode resource, String relation) {
		for (JsonNode link : resource.path("links")) {
			String href = link.path("href").asString("");
			if (relation.equals(link.path("rel").asString("")) && !href.isEmpty()) {
				URI uri = URI.create(href);
				return resolve(uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
			}
		}
		return null;
	}

	private URI resolve(String pathAndQuery) {
		Assert.state(this.origin != null, "NetSuite answered the request at once: there is no job");
		URI relative = URI.create(pathAndQuery);
		return this.origin.resolve((relative.isAbsolute()) ? relative.getRawPath() : pathAndQuery);
	}

	private void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NetSuiteException(0, null, "Interrupted while waiting for NetSuite's job " + id(), this.method,
					this.path, null);
		}
	}

	private static String trimSlash(String path) {
		return path.replaceAll("/+$", "");
	}

	private static String lastSegment(URI uri) {
		String path = (uri.getPath() != null) ? trimSlash(uri.getPath()) : "";
		return path.substring(path.lastIndexOf('/') + 1);
	}

	@Override
	public String toString() {
		return "NetSuiteJob[" + ((this.location != null) ? "id=" + id() : "answered at once") + ", " + this.method
				+ " " + this.path + "]";
	}

	/**
	 * How a client polls its jobs: the first wait, which doubles up to the largest, and
	 * the longest time to wait for a job.
	 */
	record AsyncPolling(Duration interval, Duration maxInterval, Duration timeout) {

		static final AsyncPolling DEFAULTS = new AsyncPolling(Duration.ofMillis(200), Duration.ofSeconds(5),
				Duration.ofMinutes(15));

		AsyncPolling {
			Assert.isTrue(interval != null && interval.toNanos() > 0, "'interval' must be positive");
			Assert.isTrue(maxInterval != null && maxInterval.compareTo(interval) >= 0,
					"'maxInterval' must not be shorter than 'interval'");
			Assert.isTrue(timeout != null && timeout.toNanos() > 0, "'timeout' must be positive");
		}

	}

	/**
	 * The result of a job's task: the answer the synchronous request would have had.
	 */
	public static final class Result {

		private final int status;

		private final HttpHeaders headers;

		private final byte[] body;

		private final ObjectMapper mapper;

		private final @Nullable JsonNode json;

		private final URI origin;

		private final Answers.Answer answer;

		private Result(Answers.Answer answer, HttpHeaders headers, byte[] body, @Nullable JsonNode json, URI origin,
				ObjectMapper mapper) {
			this.status = answer.status();
			this.headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(headers));
			this.body = body;
			this.json = json;
			this.origin = origin;
			this.answer = answer;
			this.mapper = mapper;
		}

		// An answer whose body is not JSON (an HTML page, bytes that are not UTF-8, …) is
		// no result: the request's outcome is unknown.
		static Result read(Answers.Answer answer, HttpHeaders headers, byte[] body, URI origin, ObjectMapper mapper) {
			JsonNode json = Answers.tree(mapper, answer, new ByteArrayInputStream(body));
			return new Result(answer, headers, body, json, origin, mapper);
		}

		/**
		 * Return the ID of the record a create made: only from a location on the host
		 * the request went to whose path is {@code …/record/v1/<type>/<id>}.
		 * @throws NetSuiteUnreadableAnswerException when the answer names no such
		 * record
		 */
		String createdId(String type) {
			String id = locatedId(type);
			if (id == null) {
				throw unexpected();
			}
			return id;
		}

		/**
		 * Return the ID in the location of the record written, as {@link #createdId}
		 * checks it, or {@code null} when the answer names no such record.
		 */
		@Nullable String locatedId(String type) {
			return Answers.createdId(locationHeader(), this.origin, type);
		}

		/**
		 * Return the exception for a result that is not the answer NetSuite gives.
		 */
		NetSuiteUnreadableAnswerException unexpected() {
			return Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, this.answer, null);
		}

		private @Nullable String locationHeader() {
			String location = this.headers.getFirst(HttpHeaders.LOCATION);
			if (location != null) {
				return location;
			}
			JsonNode json = json();
			for (JsonNode link : json.path("links")) {
				if (link.path("rel").asString("self").equals("self") && link.path("href").isString()) {
					return link.path("href").asString();
				}
			}
			return json.path("href").isString() ? json.path("href").asString() : null;
		}

		/**
		 * Return the ID of the record written, read tolerantly: from a location (the
		 * {@code Location} header, or a JSON body's self link or {@code href}) on the host
		 * the request went to whose path is {@code …/record/v1/<type>/<id>}, else from a
		 * JSON body's {@code id}.
		 * @param type the record type written
		 * @return the ID, or {@code null} when the answer names none, or a location that is
		 * not such a record's
		 */
		@Nullable String writtenId(String type) {
			String location = locationHeader();
			if (location != null) {
				return Answers.createdId(location, this.origin, type);
			}
			JsonNode id = json().path("id");
			return (id.isString() || id.isNumber()) && !id.asString().isEmpty() ? id.asString() : null;
		}

		/**
		 * Return the status of the answer, such as 204 for a create.
		 * @return the status code
		 */
		public int status() {
			return this.status;
		}

		/**
		 * Return the headers of the answer.
		 * @return the headers, read-only
		 */
		public HttpHeaders headers() {
			return this.headers;
		}

		/**
		 * Return the body of the answer.
		 * @return the body, empty when there was none
		 */
		public byte[] body() {
			return this.body.clone();
		}

		/**
		 * Read the body of the answer.
		 * @param <T> the type
		 * @param type the type, such as {@code Map.class}
		 * @return the body, or {@code null} when there was none
		 */
		public <T> @Nullable T body(Class<T> type) {
			return (this.body.length > 0) ? this.mapper.readValue(this.body, type) : null;
		}

		/**
		 * Return the location of the record written: the {@code Location} header of the
		 * answer or, in a JSON body, its first link or {@code href}.
		 * @return the location, or {@code null} when the answer names none
		 */
		public @Nullable URI location() {
			URI location = this.headers.getLocation();
			if (location != null) {
				return location;
			}
			JsonNode json = json();
			for (JsonNode link : json.path("links")) {
				if (link.path("rel").asString("self").equals("self") && link.path("href").isString()) {
					return URI.create(link.path("href").asString());
				}
			}
			return json.path("href").isString() ? URI.create(json.path("href").asString()) : null;
		}

		/**
		 * Return the internal ID of the record written: the last segment of its
		 * {@link #location()}, or the {@code id} of a JSON body.
		 * @return the ID, or {@code null} when the answer names none
		 */
		public @Nullable String recordId() {
			URI location = location();
			if (location != null && location.getPath() != null && !location.getPath().isEmpty()) {
				return lastSegment(location);
			}
			JsonNode id = json().path("id");
			return id.isValueNode() && !id.isNull() ? id.asString() : null;
		}

		private JsonNode json() {
			return (this.json != null) ? this.json : this.mapper.createObjectNode();
		}

		@Override
		public String toString() {
			return "Result[status=" + this.status + ", location=" + location() + "]";
		}

	}

}
