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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite had not completed an asynchronous request's job within the time the caller
 * waited. The request may still complete: {@link #getJob()} can be awaited again, and a
 * write submitted with an idempotency key can be submitted again with the same key
 * without being executed twice.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteJobTimeoutException extends NetSuiteException {

	private final transient NetSuiteJob job;

	/**
	 * Create an exception for a job that did not complete in time.
	 * @param job the job
	 * @param timeout how long the caller waited
	 * @param cause why the last poll failed, if it did
	 */
	public NetSuiteJobTimeoutException(NetSuiteJob job, Duration timeout, @Nullable Throwable cause) {
		super(0, null, "NetSuite had not completed job " + job.id() + " after " + timeout
				+ "; it may still complete", job.method(), job.path(),
				"Await the job again, or raise netsuite.async.timeout");
		this.job = job;
		if (cause != null) {
			initCause(cause);
		}
	}

	/**
	 * Return the job, to await it again.
	 * @return the job
	 */
	public NetSuiteJob getJob() {
		return this.job;
	}

}
