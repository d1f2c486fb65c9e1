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
package io.github.netsuite.boot.benchmarks;

import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.netsuite.boot.test.NetSuiteDouble;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's heap while {@code GET /customers} streams a large table, against its heap
 * at rest. The NetSuite double serves the table (250,000 customers unless told
 * otherwise) in this JVM; the sample runs as a process of its own from its jar, with a
 * small {@code -Xmx}, pointed at the double with the double's credentials; this JVM reads
 * the sample's heap over JMX: the heap after every collection (from the collectors'
 * notifications) and the heap in use, sampled every 10 ms. Target: the heap after
 * collection while streaming not above its idle value plus a few pages.
 * <p>
 * Build the sample first ({@code ./mvnw -pl samples/netsuite-sample -am package
 * -DskipTests}), then run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.netsuite.boot.benchmarks.SampleHeapBenchmark [customers] [-Xmx value]
 * [sample jar]} (defaults 250000, 64m, samples/netsuite-sample/target/netsuite-sample.jar).
 *
 * @author NetSuite Spring Boot team
 */
public final class SampleHeapBenchmark {

	private static final long MB = 1024 * 1024;

	private SampleHeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int customers = (args.length > 0) ? Integer.parseInt(args[0]) : 250_000;
		String maxHeap = (args.length > 1) ? args[1] : "64m";
		File jar = new File((args.length > 2) ? args[2] : "samples/netsuite-sample/target/netsuite-sample.jar");
		if (!jar.isFile()) {
			throw new IllegalStateException("No sample jar at " + jar + ": build it with "
					+ "./mvnw -pl samples/netsuite-sample -am package -DskipTests");
		}
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			netSuite.table("customer", customers, SampleHeapBenchmark::customer);
			int port = freePort();
			int jmxPort = freePort();
			Process sample = startSample(jar, maxHeap, port, jmxPort, netSuite);
			try {
				run(customers, maxHeap, port, jmxPort);
			}
			finally {
				sample.destroy();
				sample.waitFor();
			}
		}
	}

	private static void run(int customers, String maxHeap, int port, int jmxPort) throws Exception {
		String base = "http://127.0.0.1:" + port;
		awaitUp(base + "/actuator/health", Duration.ofSeconds(120));
		JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
		try (JMXConnector jmx = JMXConnectorFactory.connect(url)) {
			MBeanServerConnection server = jmx.getMBeanServerConnection();
			MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
					MemoryMXBean.class);
			AfterGc afterGc = new AfterGc();
			for (ObjectName collector : server.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
				server.addNotificationListener(collector, afterGc, null, null);
			}
			// Warm up: classes loaded, pools filled, code compiled a little
			for (int i = 0; i < 3; i++) {
				read(base + "/customers?max=5000");
			}
			memory.gc();
			Thread.sleep(500);
			long idle = memory.getHeapMemoryUsage().getUsed();
			System.out.printf(Locale.ROOT, "sample -Xmx%s; idle heap after a full collection: %.1f MB%n", maxHeap,
					idle / (double) MB);

			afterGc.reset();
			Sampler sampler = new Sampler(memory);
			sampler.start();
			long start = System.nanoTime();
			Read read = read(base + "/customers");
			double seconds = (System.nanoTime() - start) / 1e9;
			sampler.stop();
			Thread.sleep(200);
			System.out.printf(Locale.ROOT, "GET /customers: %,d customers in id order: %s, %.1f MB of JSON in %.1f s%n",
					read.count(), (read.inOrder() && read.count() == customers) ? "yes" : "NO",
					read.bytes() / (double) MB, seconds);
			System.out.printf(Locale.ROOT, "while streaming: %d collections, heap after them at most %.1f MB "
					+ "(idle + %.1f MB), heap in use at most %.1f MB (sampled every 10 ms)%n", afterGc.count(),
					afterGc.max() / (double) MB, (afterGc.max() - idle) / (double) MB, sampler.max() / (double) MB);
			memory.gc();
			Thread.sleep(500);
			System.out.printf(Locale.ROOT, "after: heap after a full collection %.1f MB%n",
					memory.getHeapMemoryUsage().getUsed() / (double) MB);
		}
		System.out.printf(Locale.ROOT, "for scale, the same customers held as a list of maps in this JVM: %.1f MB%n",
				listSize(base + "/customers") / (double) MB);
	}

	private static Process startSample(File jar, String maxHeap, int port, int jmxPort, NetSuiteDouble netSuite)
			throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap,
				"-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
				"-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
				"-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false", "-jar",
				jar.getPath(), "--server.port=" + port, "--server.address=127.0.0.1"));
		netSuite.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
		File log = File.createTempFile("netsuite-sample-", ".log");
		System.out.println("sample log: " + log);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static void awaitUp(String url, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
				if (connection.getResponseCode() == 200) {
					connection.getInputStream().readAllBytes();
					return;
				}
			}
			catch (Exception ex) {
				// Not up yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The sample did not come up within " + timeout);
	}

	// Reads the array as it streams in, a token at a time, checking the ids run 1, 2, 3, …
	private static Read read(String url) throws Exception {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		if (connection.getResponseCode() != 200) {
			throw new IllegalStateException(url + " answered " + connection.getResponseCode());
		}
		CountingInputStream in = new CountingInputStream(connection.getInputStream());
		long count = 0;
		boolean inOrder = true;
		try (JsonParser parser = JsonMapper.shared().createParser(in)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME && "id".equals(parser.currentName())) {
					parser.nextToken();
					count++;
					inOrder &= parser.getString().equals(Long.toString(count));
				}
			}
		}
		return new Read(count, inOrder, in.count);
	}

	private static long listSize(String url) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		List<?> list;
		try (InputStream in = connection.getInputStream()) {
			list = JsonMapper.shared().readValue(in, List.class);
		}
		memory.gc();
		long after = memory.getHeapMemoryUsage().getUsed();
		if (list.isEmpty()) {
			throw new IllegalStateException("No customers");
		}
		return after - before;
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Map<String, Object> customer(int i) {
		int id = i + 1;
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("id", String.valueOf(id));
		customer.put("entityId", String.format(Locale.ROOT, "CUST%06d", id));
		customer.put("companyName", "Demo Customer " + id);
		customer.put("email", "customer" + id + "@example.com");
		return customer;
	}

	private record Read(long count, boolean inOrder, long bytes) {
	}

	/**
	 * The heap after each collection, summed over the heap's pools, from the collectors'
	 * notifications.
	 */
	private static final class AfterGc implements NotificationListener {

		private final AtomicLong max = new AtomicLong();

		private final AtomicLong count = new AtomicLong();

		@Override
		public void handleNotification(Notification notification, Object handback) {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			long used = 0;
			for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
				if (isHeap(pool.getKey())) {
					used += pool.getValue().getUsed();
				}
			}
			this.count.incrementAndGet();
			this.max.accumulateAndGet(used, Math::max);
		}

		// Non-heap pools (Metaspace, code cache, compressed class space) are not the heap.
		private static boolean isHeap(String pool) {
			return !(pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Class Space")
					|| pool.contains("CodeHeap"));
		}

		void reset() {
			this.max.set(0);
			this.count.set(0);
		}

		long max() {
			return this.max.get();
		}

		long count() {
			return this.count.get();
		}

	}

	/**
	 * Samples the heap in use every 10 ms.
	 */
	private static final class Sampler {

		private final MemoryMXBean memory;

		private final AtomicLong max = new AtomicLong();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		Sampler(MemoryMXBean memory) {
			this.memory = memory;
			this.thread = new Thread(this::sample, "heap-sampler");
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

		long max() {
			return this.max.get();
		}

		private void sample() {
			while (this.running.get()) {
				this.max.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

	private static final class CountingInputStream extends java.io.FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws java.io.IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
