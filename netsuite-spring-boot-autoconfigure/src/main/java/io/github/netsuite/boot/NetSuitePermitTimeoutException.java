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

/**
 * No permit to send a request came free within the acquire timeout: the application
 * already had as many requests in flight as {@code netsuite.concurrency.limit} allows for
 * the account. The request was never sent.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuitePermitTimeoutException extends NetSuiteException {

	/**
	 * Create an exception for a request that found no permit in time.
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param detail what happened
	 * @param hint how to avoid it
	 */
	public NetSuitePermitTimeoutException(String method, String path, String detail, String hint) {
		super(0, null, detail, method, path, hint);
	}

}
