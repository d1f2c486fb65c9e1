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
package io.github.netsuite.boot.test;

import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Clears the cached results of the starter's {@link NetSuiteHealthIndicator}s, whether
 * the {@code netsuite} contributor is one indicator or a composite of one per account.
 * Kept apart so that its classes load only when the starter's health support is there.
 *
 * @author NetSuite Spring Boot team
 */
final class HealthCaches {

	private static final String INDICATOR = "io.github.netsuite.boot.health.NetSuiteHealthIndicator";

	private static final String CONTRIBUTOR = "org.springframework.boot.health.contributor.HealthContributor";

	private HealthCaches() {
	}

	static boolean isPresent(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(INDICATOR, classLoader)
				&& ClassUtils.isPresent(CONTRIBUTOR, classLoader);
	}

	static void clear(ApplicationContext context) {
		context.getBeanProvider(HealthContributor.class).stream().forEach(HealthCaches::clear);
	}

	private static void clear(HealthContributor contributor) {
		if (contributor instanceof NetSuiteHealthIndicator indicator) {
			indicator.clearCache();
		}
		else if (contributor instanceof CompositeHealthContributor composite) {
			composite.stream().forEach((entry) -> clear(entry.contributor()));
		}
	}

}
