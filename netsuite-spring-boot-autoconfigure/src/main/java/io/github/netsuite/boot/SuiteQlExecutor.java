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
