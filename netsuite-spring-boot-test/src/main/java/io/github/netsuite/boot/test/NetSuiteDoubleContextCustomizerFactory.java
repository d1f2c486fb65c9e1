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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives test classes annotated with {@link EnableNetSuiteDouble} a
 * {@link NetSuiteDoubleContextCustomizer}. Registered in {@code META-INF/spring.factories}.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteDoubleContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EnableNetSuiteDouble annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EnableNetSuiteDouble.class);
		if (annotation == null) {
			return null;
		}
		String account = NetSuiteDouble.toRealm(annotation.account());
		return new NetSuiteDoubleContextCustomizer(account, NetSuiteDoubles.checkNames(account, annotation.accounts()),
				annotation.configuredAccounts(), annotation.authentication() == EnableNetSuiteDouble.Authentication.OAUTH2);
	}

}
