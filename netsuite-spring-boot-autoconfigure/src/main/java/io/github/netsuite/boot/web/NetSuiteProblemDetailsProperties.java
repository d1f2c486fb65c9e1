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
package io.github.netsuite.boot.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for answering NetSuite's errors as problem details in a
 * Spring MVC application.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("netsuite.web.problem-details")
public class NetSuiteProblemDetailsProperties {

	/**
	 * Whether to answer NetSuite errors that reach a Spring MVC controller as RFC 9457
	 * problem details with a status for the application's caller.
	 */
	private boolean enabled;

	/**
	 * Time the Retry-After header of a 503 asks the caller to wait, when NetSuite or the
	 * application's own concurrency limit refused a request. Rounded up to whole seconds.
	 */
	private Duration retryAfter = Duration.ofSeconds(5);

	/**
	 * Return whether NetSuite errors are answered as problem details.
	 * @return whether it is enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether NetSuite errors are answered as problem details.
	 * @param enabled whether it is enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the time the Retry-After header of a 503 asks the caller to wait.
	 * @return the time
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Set the time the Retry-After header of a 503 asks the caller to wait.
	 * @param retryAfter the time, at least one second once rounded up
	 */
	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

}
