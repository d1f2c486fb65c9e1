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
package io.github.netsuite.boot.test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Asynchronous requests: a REST request with {@code Prefer: respond-async} is executed at
 * once and answered {@code 202} with the {@code Location} of its job; the job
 * ({@code /services/rest/async/v1/job/<id>}), its one task and the task's {@code result}
 * (the answer the synchronous request would have had) show as completed once the double's
 * async delay has passed. An {@code X-NetSuite-Idempotency-Key} already seen answers
 * {@code 400 IDEMPOTENCY_ERROR} with the {@code Location} of the original job, and the
 * request is not executed again. Keys are remembered until the data is cleared (or, past
 * 100,000 jobs, with their job when it is the oldest).
 *
 * @author NetSuite Spring Boot team
 */
final class AsyncEndpoint {

	static final String PREFIX = "/services/rest/async/v1/";

	static final String IDEMPOTENCY_KEY = "X-NetSuite-Idempotency-Key";

	private static final String JOB_PREFIX = PREFIX + "job/";

	private static final int CAPACITY = 100_000;

	// One task per job, as a single request makes: its ID is fixed
	private static final String TASK_ID = "1";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final NetSuiteDouble netSuite;

	private final AtomicLong ids = new AtomicLong();

	// Oldest first, so that a long-running demo forgets its oldest jobs (and their keys) first
	private final ConcurrentSkipListMap<Long, Job> jobs = new ConcurrentSkipListMap<>();

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	AsyncEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	static boolean isAsync(Call call) {
		String prefer = call.header("Prefer");
		return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
	}

	/**
	 * Accept an asynchronous request: remember its key, run it, keep its answer.
	 */
	Reply submit(Call call, Supplier<Reply> execution) {
		long number = this.ids.incrementAndGet();
		String id = String.valueOf(number);
		String header = call.header(IDEMPOTENCY_KEY);
		String key = (header != null && !header.isBlank()) ? header.strip() : null;
		if (key != null) {
			String original = this.keys.putIfAbsent(key, id);
			if (original != null) {
				return ErrorReplies
					.rest(400, "IDEMPOTENCY_ERROR", "A request with the same idempotency key is already submitted. "
							+ "Use a different idempotency key or check the status of the original job.", Map.of())
					.header("Location", jobUrl(original));
			}
		}
		Instant submitted = this.netSuite.now();
		Job job = new Job(id, key, submitted, submitted.plus(this.netSuite.faults().asyncDelay()));
		this.jobs.put(number, job);
		while (this.jobs.size() > CAPACITY) {
			Map.Entry<Long, Job> oldest = this.jobs.pollFirstEntry();
			if (oldest != null && oldest.getValue().key != null) {
				this.keys.remove(oldest.getValue().key, oldest.getValue().id);
			}
		}
		job.result = execution.get();
		return new Reply(202, null, null).header("Location", jobUrl(id)).header("Preference-Applied", "respond-async");
	}

	Reply handle(Call call) {
		if (!call.path.startsWith(JOB_PREFIX)) {
			return ErrorReplies.notFound(call);
		}
		if (!call.method.equals("GET")) {
			return ErrorReplies.methodNotAllowed(call);
		}
		String[] segments = call.path.substring(JOB_PREFIX.length()).split("/", -1);
		Job job = segments[0].matches("[0-9]{1,18}") ? this.jobs.get(Long.parseLong(segments[0])) : null;
		if (job == null) {
			return ErrorReplies.notFound(call);
		}
		if (segments.length == 1) {
			return json(job(job));
		}
		if (!segments[1].equals("task")) {
			return ErrorReplies.notFound(call);
		}
		if (segments.length == 2 || (segments.length == 3 && segments[2].isEmpty())) {
			return json(tasks(job));
		}
		if (!segments[2].equals(TASK_ID)) {
			return ErrorReplies.notFound(call);
		}
		if (segments.length == 3) {
			return json(task(job));
		}
		if (segments.length == 4 && segments[3].equals("result")) {
			Reply result = job.resultIfReady(this.netSuite.now());
			return (result != null) ? result.copy()
					: ErrorReplies.rest(404, "NONEXISTENT_ID", "The task has not completed yet; it has no result.",
							Map.of("o:urlPath", call.path));
		}
		return ErrorReplies.notFound(call);
	}

	void clear() {
		this.jobs.clear();
		this.keys.clear();
	}

	private Map<String, Object> job(Job job) {
		Instant now = this.netSuite.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", jobUrl(job.id)));
		body.put("completed", job.resultIfReady(now) != null);
		body.put("id", job.id);
		body.put("progress", job.progress(now));
		body.put("task", Map.of("links", links("related", jobUrl(job.id) + "/task")));
		return body;
	}

	private Map<String, Object> tasks(Job job) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", jobUrl(job.id) + "/task"));
		body.put("count", 1);
		body.put("hasMore", false);
		body.put("items", List.of(Map.of("links", links("self", taskUrl(job)))));
		body.put("offset", 0);
		body.put("totalResults", 1);
		return body;
	}

	private Map<String, Object> task(Job job) {
		Instant now = this.netSuite.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", taskUrl(job)));
		body.put("id", TASK_ID);
		body.put("progress", job.progress(now));
		body.put("startTime", TIME.format(job.submitted));
		if (job.resultIfReady(now) != null) {
			body.put("endTime", TIME.format(job.readyAt));
			body.put("result", Map.of("links", links("related", taskUrl(job) + "/result")));
		}
		return body;
	}

	private static List<Map<String, String>> links(String rel, String href) {
		return List.of(Map.of("rel", rel, "href", href));
	}

	private static Reply json(Map<String, Object> body) {
		return new Reply(200, Reply.JSON, Json.write(body));
	}

	private String jobUrl(String id) {
		return this.netSuite.restUrl() + JOB_PREFIX + id;
	}

	private String taskUrl(Job job) {
		return jobUrl(job.id) + "/task/" + TASK_ID;
	}

	/**
	 * One accepted request, its answer shown from {@code readyAt} on.
	 */
	private static final class Job {

		final String id;

		final @Nullable String key;

		final Instant submitted;

		final Instant readyAt;

		volatile @Nullable Reply result;

		Job(String id, @Nullable String key, Instant submitted, Instant readyAt) {
			this.id = id;
			this.key = key;
			this.submitted = submitted;
			this.readyAt = readyAt;
		}

		@Nullable Reply resultIfReady(Instant now) {
			Reply result = this.result;
			return (result != null && !now.isBefore(this.readyAt)) ? result : null;
		}

		String progress(Instant now) {
			Reply result = resultIfReady(now);
			if (result == null) {
				return "pending";
			}
			return (result.status < 400) ? "succeeded" : "failed";
		}

	}

}
