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

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * What the accounts hold that must be closed at shutdown, in the order it was created:
 * each account's concurrency governor (so that requests still waiting for a permit fail
 * as never sent instead of running on a closing client), then its request factory.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAccountResources implements DisposableBean {

	private static final Log logger = LogFactory.getLog(NetSuiteAccountResources.class);

	private final List<AutoCloseable> resources = new ArrayList<>();

	synchronized void add(AutoCloseable resource) {
		this.resources.add(resource);
	}

	@Override
	public synchronized void destroy() {
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				logger.debug("Could not close a NetSuite account's " + resource.getClass().getSimpleName(), ex);
			}
		}
		this.resources.clear();
	}

}
