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

import java.util.Objects;

/**
 * Helpers for writing SuiteQL. NetSuite's REST SuiteQL endpoint has no bind variables, so
 * every value that comes from outside must go into the query text as a quoted literal.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class SuiteQl {

	private SuiteQl() {
	}

	/**
	 * Quote a string as a SuiteQL string literal, so that user input never becomes query
	 * text: {@code O'Brien} becomes {@code 'O''Brien'}.
	 * @param value the value
	 * @return the quoted literal
	 * @throws IllegalArgumentException if the value contains a NUL character
	 */
	public static String literal(String value) {
		Objects.requireNonNull(value, "value");
		if (value.indexOf('\0') != -1) {
			throw new IllegalArgumentException("A SuiteQL literal cannot contain a NUL character");
		}
		return "'" + value.replace("'", "''") + "'";
	}

}
