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
package io.github.netsuite.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the {@code netsuite.*} properties are partly set or malformed. Its message
 * names the keys, never their values.
 *
 * @author NetSuite Spring Boot team
 */
class InvalidNetSuitePropertiesException extends IllegalStateException {

	private final List<Problem> problems;

	InvalidNetSuitePropertiesException(List<Problem> problems) {
		super("Invalid NetSuite configuration: "
				+ problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return what is wrong, a problem per property.
	 * @return the problems
	 */
	List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One property and what is wrong with it.
	 *
	 * @param key the property key, such as {@code netsuite.token-secret}
	 * @param reason what is wrong, without the value
	 * @param action how to fix it
	 */
	record Problem(String key, String reason, String action) {

		@Override
		public String toString() {
			return this.key + " " + this.reason;
		}

	}

}
