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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Asynchronous requests: a REST request with {@code Prefer: respond-async} is executed at
 * once and answered {@code 202} with the {@code Location} of its job; the job
 * ({@code /services/rest/async/v1/job/<id>}), its one task and the task's {@code result}
 * (the answer the synchronous request would have had) show as completed once the double's
 * async delay has passed. A batch request ({@link BatchEndpoint}) makes a job with a task per
 * item, each shown as completed at its end on the async processors' schedule
 * ({@link AsyncProcessors}). An {@code X-NetSuite-Idempotency-Key} already seen answers
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

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final NetSuiteDouble netSuite;

	private final AtomicLong ids = new AtomicLong();

	// Oldest first, so that a long-running demo forgets its oldest jobs (and their keys) first
	private final ConcurrentSkipListMap<Long, Job> jobs = new ConcurrentSkipListMap<>();

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	private final AsyncProcessors processors = new AsyncProcessors();

	AsyncEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	static boolean isAsync(Call call) {
		String prefer = call.header("Prefer");
		return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
	}

	/**
	 * Accept an asynchronous request: remember its key, run it, keep its answer as its one
	 * task's result, shown once the async delay has passed.
	 */
	Reply submit(Call call, Supplier<Reply> execution) {
		return accept(call, (submitted) -> List.of(
				new Task(submitted, submitted.plus(this.netSuite.faults().asyncDelay()), execution.get())));
	}

	/**
	 * Accept an asynchronous request whose job has the given tasks: remember its key, then
	 * make the tasks (which executes them) from the time the job was submitted.
	 */
	Reply accept(Call call, Function<Instant, List<Task>> execution) {
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
		Job job = new Job(id, key);
		this.jobs.put(number, job);
		while (this.jobs.size() > CAPACITY) {
			Map.Entry<Long, Job> oldest = this.jobs.pollFirstEntry();
			if (oldest != null && oldest.getValue().key != null) {
				this.keys.remove(oldest.getValue().key, oldest.getValue().id);
			}
		}
		job.tasks = List.copyOf(execution.apply(submitted));
		return new Reply(202, null, null).header("Location", jobUrl(id)).header("Preference-Applied", "respond-async");
	}

	/**
	 * The processors that batch tasks queue for.
	 */
	AsyncProcessors processors() {
		return this.processors;
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
		// Task IDs are 1 to n, in the order of the request's items
		List<Task> tasks = job.tasks;
		int number = segments[2].matches("[1-9][0-9]{0,5}") ? Integer.parseInt(segments[2]) : 0;
		if (number < 1 || number > tasks.size()) {
			return ErrorReplies.notFound(call);
		}
		Task task = tasks.get(number - 1);
		if (segments.length == 3) {
			return json(task(job, number, task));
		}
		if (segments.length == 4 && segments[3].equals("result")) {
			Reply result = task.resultIfReady(this.netSuite.now());
			return (result != null) ? result.copy()
					: ErrorReplies.rest(404, "NONEXISTENT_ID", "The task has not completed yet; it has no result.",
							Map.of("o:urlPath", call.path));
		}
		return ErrorReplies.notFound(call);
	}

	void clear() {
		this.jobs.clear();
		this.keys.clear();
		this.processors.clear();
	}

	private Map<String, Object> job(Job job) {
		Instant now = this.netSuite.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", jobUrl(job.id)));
		body.put("completed", job.isCompleted(now));
		body.put("id", job.id);
		body.put("progress", job.progress(now));
		body.put("task", Map.of("links", links("related", jobUrl(job.id) + "/task")));
		return body;
	}

	private Map<String, Object> tasks(Job job) {
		int count = job.tasks.size();
		List<Map<String, Object>> items = new ArrayList<>(count);
		for (int number = 1; number <= count; number++) {
			items.add(Map.of("links", links("self", taskUrl(job, number))));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", jobUrl(job.id) + "/task"));
		body.put("count", items.size());
		body.put("hasMore", false);
		body.put("items", items);
		body.put("offset", 0);
		body.put("totalResults", items.size());
		return body;
	}

	private Map<String, Object> task(Job job, int number, Task task) {
		Instant now = this.netSuite.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("links", links("self", taskUrl(job, number)));
		body.put("id", String.valueOf(number));
		body.put("progress", task.progress(now));
		if (!now.isBefore(task.start)) {
			body.put("startTime", TIME.format(task.start));
		}
		if (task.resultIfReady(now) != null) {
			body.put("endTime", TIME.format(task.end));
			body.put("result", Map.of("links", links("related", taskUrl(job, number) + "/result")));
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

	private String taskUrl(Job job, int number) {
		return jobUrl(job.id) + "/task/" + number;
	}

	/**
	 * One item's work: started and ended at the given times of the double's clock, its answer
	 * shown from its end on.
	 */
	static final class Task {

		final Instant start;

		final Instant end;

		final Reply result;

		Task(Instant start, Instant end, Reply result) {
			this.start = start;
			this.end = end;
			this.result = result;
		}

		@Nullable Reply resultIfReady(Instant now) {
			return now.isBefore(this.end) ? null : this.result;
		}

		boolean succeeded() {
			return this.result.status < 400;
		}

		String progress(Instant now) {
			if (now.isBefore(this.end)) {
				return "pending";
			}
			return succeeded() ? "succeeded" : "failed";
		}

	}

	/**
	 * One accepted request and its tasks (none until it has been executed).
	 */
	private static final class Job {

		final String id;

		final @Nullable String key;

		volatile List<Task> tasks = List.of();

		Job(String id, @Nullable String key) {
			this.id = id;
			this.key = key;
		}

		boolean isCompleted(Instant now) {
			List<Task> tasks = this.tasks;
			return !tasks.isEmpty() && tasks.stream().allMatch((task) -> task.resultIfReady(now) != null);
		}

		// Unconfirmed: a batch with both outcomes is assumed to read "partiallySucceeded"
		String progress(Instant now) {
			if (!isCompleted(now)) {
				return "pending";
			}
			long succeeded = this.tasks.stream().filter(Task::succeeded).count();
			if (succeeded == this.tasks.size()) {
				return "succeeded";
			}
			return (succeeded == 0) ? "failed" : "partiallySucceeded";
		}

	}

}
