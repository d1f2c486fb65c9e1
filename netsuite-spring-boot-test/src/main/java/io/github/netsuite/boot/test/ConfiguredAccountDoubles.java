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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble.Authentication;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the named accounts of an application that runs on its own {@link NetSuiteDouble} bean
 * (a {@code TestMyApplication}) on doubles too: before any bean is created, it finds the
 * accounts its environment configures ({@code netsuite.accounts.<name>.*}), starts a double
 * for each with that account's authentication, points the account's properties at it ahead
 * of every other property source, registers the bean {@code netSuiteDoubles} (the
 * application's double as the primary) and stops the named doubles when the context closes.
 * <p>
 * A bean factory post-processor because the properties must be in place before the starter
 * binds {@code netsuite.*}, and the doubles must be running to know their ports: an
 * {@code EnvironmentPostProcessor} runs too early to own anything that must be stopped with
 * the context, and a bean of the application's runs too late.
 *
 * @author NetSuite Spring Boot team
 */
final class ConfiguredAccountDoubles implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String PROPERTY_SOURCE_NAME = "netSuiteConfiguredAccountDoubles";

	private static final String STOP_BEAN_NAME = "netSuiteConfiguredAccountDoublesStop";

	private @Nullable ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			this.environment = configurable;
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ConfigurableEnvironment environment = this.environment;
		Map<String, Authentication> accounts = (environment != null) ? ConfiguredAccounts.find(environment)
				: Map.of();
		Map<String, NetSuiteDouble> named = NetSuiteDoubles.startNamed(accounts);
		try {
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				// Also stops them when the context fails to refresh
				registry.registerDisposableBean(STOP_BEAN_NAME, () -> named.values().forEach(NetSuiteDouble::stop));
			}
			if (environment != null && !named.isEmpty()) {
				Map<String, Object> properties = new LinkedHashMap<>();
				named.forEach((name, netSuite) -> properties.putAll(NetSuiteDoubles.accountProperties(name, netSuite)));
				environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
			}
			if (beanFactory instanceof BeanDefinitionRegistry registry) {
				// The application's double is a bean like any other: created when first asked for, not here
				RootBeanDefinition definition = new RootBeanDefinition(NetSuiteDoubles.class,
						() -> new NetSuiteDoubles(beanFactory.getBean(NetSuiteDouble.class), named));
				registry.registerBeanDefinition(NetSuiteDoubleContextCustomizer.DOUBLES_BEAN_NAME, definition);
			}
		}
		catch (RuntimeException ex) {
			named.values().forEach(NetSuiteDouble::stop);
			throw ex;
		}
	}

}
