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

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets every {@link NetSuiteDouble} of an {@link EnableNetSuiteDouble} test class, the
 * primary's and the named accounts', before each test method (before the test's own
 * {@code @BeforeEach} methods), as its {@link EnableNetSuiteDouble#resetBeforeEachTest()}
 * asks, and clears the cached results of the starter's NetSuite health indicators, so
 * that every test starts with a fresh health check. Registered in {@code META-INF/spring.factories}.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteDoubleTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// After dependency injection, which loads the context
		return 5000;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		EnableNetSuiteDouble annotation = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				EnableNetSuiteDouble.class);
		if (annotation == null || !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (annotation.resetBeforeEachTest()) {
			context.getBeanProvider(NetSuiteDoubles.class).ifUnique(NetSuiteDoubles::reset);
		}
		// A cached health result would tell of the previous test's faults
		if (HealthCaches.isPresent(context.getClassLoader())) {
			HealthCaches.clear(context);
		}
	}

}
