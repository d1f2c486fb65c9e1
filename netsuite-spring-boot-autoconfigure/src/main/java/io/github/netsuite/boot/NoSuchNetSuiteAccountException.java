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

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thrown when an application asks for a NetSuite account that is not configured.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NoSuchNetSuiteAccountException extends IllegalArgumentException {

	private final String name;

	private final Set<String> knownNames;

	/**
	 * Create an exception.
	 * @param name the name asked for
	 * @param knownNames the names of the configured accounts
	 */
	public NoSuchNetSuiteAccountException(String name, Set<String> knownNames) {
		super("No NetSuite account named '" + name + "'; the configured accounts are " + String.join(", ", knownNames)
				+ " (a named account is configured under netsuite.accounts.<name>.*)");
		this.name = name;
		this.knownNames = Collections.unmodifiableSet(new LinkedHashSet<>(knownNames));
	}

	/**
	 * Return the name asked for.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the names of the configured accounts.
	 * @return the known names
	 */
	public Set<String> getKnownNames() {
		return this.knownNames;
	}

}
