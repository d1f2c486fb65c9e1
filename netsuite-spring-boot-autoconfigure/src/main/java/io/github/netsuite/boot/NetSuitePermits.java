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

import java.util.Map;

/**
 * The concurrency permits of one NetSuite account: how many of the application's requests
 * may be on the wire at once, are, and wait for a permit; the {@code netsuite} health
 * indicator asks them to describe themselves.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public interface NetSuitePermits {

	/**
	 * Return the most requests in flight at once.
	 * @return the limit
	 */
	int limit();

	/**
	 * Return how many requests are on the wire now.
	 * @return the requests in flight
	 */
	int inFlight();

	/**
	 * Return how many requests wait for a permit now.
	 * @return the waiting requests
	 */
	int waiting();

	/**
	 * Describe the permits as they are now, for the {@code netsuite} health indicator,
	 * which shows these details on every probe, never cached: where the permits live, say,
	 * and since when and why they fall back. Never a secret. None by default.
	 * @return the details, in the order to show them
	 * @since 0.1.0
	 */
	default Map<String, Object> details() {
		return Map.of();
	}

	/**
	 * Change the limit, for instance to what NetSuite grants the integration
	 * ({@code netsuite.concurrency.use-governance-limits}): it becomes the ceiling, which
	 * an adaptive limit starts over from. Requests in flight keep their permits.
	 * @param limit the new limit
	 */
	void resize(int limit);

	/**
	 * Describe the permits for a log line, such as {@code concurrency limit 5 (adaptive),
	 * permits local}: the ceiling, whether it adapts, where the permits live.
	 * @return the description
	 */
	String description();

}
