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
package io.github.netsuite.boot.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for HTTP service interfaces on NetSuite accounts.
 *
 * @author NetSuite Spring Boot team
 */
@ConfigurationProperties("netsuite.http-services")
class NetSuiteHttpServiceProperties {

	/**
	 * HTTP service groups to sign for a NetSuite account, by group name: the account's
	 * name ('primary' or the name of a netsuite.accounts entry). Beside these, a group
	 * named 'netsuite' is the primary account's and a group named as a named account is
	 * that account's.
	 */
	private Map<String, String> groups = new LinkedHashMap<>();

	public Map<String, String> getGroups() {
		return this.groups;
	}

	public void setGroups(Map<String, String> groups) {
		this.groups = groups;
	}

}
