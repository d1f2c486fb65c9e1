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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that fetch a client's pages ahead when the application provides no executor
 * for them. Their own, not the common {@code ForkJoinPool}: a fetch blocks on a permit and
 * on the wire. None exist until a page is fetched ahead; each ends after a short idle time
 * and is a daemon, so a client needs no closing and never holds the JVM open. The pool is
 * bounded and queues nothing: past its size a page is refused, and {@link Pages} fetches it
 * on the consumer's thread when the consumer reaches it, which is slower but keeps every
 * guarantee.
 *
 * @author NetSuite Spring Boot team
 */
final class SuiteQlExecutor {

	// Beyond this many fetches at once, more threads would only wait for permits.
	static final int MAX_THREADS = 64;

	private static final long KEEP_ALIVE_SECONDS = 30;

	private SuiteQlExecutor() {
	}

	static ExecutorService create(String name) {
		AtomicInteger count = new AtomicInteger();
		return new ThreadPoolExecutor(0, MAX_THREADS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "netsuite-suiteql-" + name + "-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

}
