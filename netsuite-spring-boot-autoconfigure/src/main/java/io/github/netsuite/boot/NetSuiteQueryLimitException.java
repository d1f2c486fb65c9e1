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
 * A SuiteQL result is larger than NetSuite lets a query page through by offset (100,000
 * rows) and the query cannot be continued by keyset. Thrown instead of returning a
 * silently truncated result.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteQueryLimitException extends NetSuiteException {

	/**
	 * Create an exception for a query that met the offset ceiling.
	 * @param detail what happened
	 * @param hint how to read the whole result
	 */
	public NetSuiteQueryLimitException(String detail, String hint) {
		super(0, null, detail, null, null, hint);
	}

}
