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

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The double's lifecycle: the WireMock server it runs on, on 127.0.0.1, started and stopped
 * (and started again, on a new random port unless a port was given), and its port while it
 * runs. One stub takes every request; {@link NetSuiteDoubleHandler} decides each answer.
 *
 * @author NetSuite Spring Boot team
 */
final class DoubleServer {

	// Enough Jetty threads that a burst of concurrent callers, each held by added latency, is truly concurrent
	private static final int CONTAINER_THREADS = 200;

	private final int requestedPort;

	private final Object monitor = new Object();

	private @Nullable WireMockServer server;

	// On the given port, or on a free one for 0, at each start
	DoubleServer(int requestedPort) {
		this.requestedPort = requestedPort;
	}

	/**
	 * Start serving, unless already running.
	 * @param handler makes the handler of a new server's requests
	 */
	void start(Supplier<NetSuiteDoubleHandler> handler) {
		synchronized (this.monitor) {
			if (this.server != null) {
				return;
			}
			WireMockConfiguration options = WireMockConfiguration.options()
				.bindAddress("127.0.0.1")
				.containerThreads(CONTAINER_THREADS)
				.jettyAcceptors(1)
				.http2PlainDisabled(true)
				// Page bodies are large and the double keeps its own observations
				.disableRequestJournal()
				// WireMock would otherwise read every body again for its serve event, a huge one whole
				.maxLoggedResponseSize(0)
				.stubRequestLoggingDisabled(true)
				.notifier(new Slf4jNotifier(false))
				.extensions(handler.get(), new HostileBodies());
			if (this.requestedPort > 0) {
				options.port(this.requestedPort);
			}
			else {
				options.dynamicPort();
			}
			WireMockServer server = new WireMockServer(options);
			server.start();
			server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
			this.server = server;
		}
	}

	/**
	 * Stop serving, unless not running.
	 * @param beforeStop what to do first, while still serving, e.g. let held requests go,
	 * which would otherwise hold Jetty's stop
	 */
	void stop(Runnable beforeStop) {
		synchronized (this.monitor) {
			if (this.server != null) {
				beforeStop.run();
				this.server.stop();
				this.server = null;
			}
		}
	}

	boolean isRunning() {
		synchronized (this.monitor) {
			return this.server != null && this.server.isRunning();
		}
	}

	/**
	 * The port.
	 * @throws IllegalStateException if not running
	 */
	int port() {
		synchronized (this.monitor) {
			if (this.server == null) {
				throw new IllegalStateException("The NetSuite double is not running");
			}
			return this.server.port();
		}
	}

	@Override
	public String toString() {
		synchronized (this.monitor) {
			return (this.server != null) ? "http://127.0.0.1:" + this.server.port() : "stopped";
		}
	}

}
