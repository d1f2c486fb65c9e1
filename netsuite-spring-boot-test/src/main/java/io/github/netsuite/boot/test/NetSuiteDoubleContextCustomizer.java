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
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts the {@link NetSuiteDoubles} of one application context, registers them as beans,
 * gives the starter the primary double's {@code NetSuiteConnectionDetails} (or, without the
 * starter, the {@code netsuite.*} properties) and points the
 * {@code netsuite.accounts.<name>.*} properties at the named ones.
 * Equal for equal accounts and account names, so that Spring's context cache shares a context
 * (and its doubles) between such test classes.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteDoubleContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "netSuiteDouble";

	static final String DOUBLES_BEAN_NAME = "netSuiteDoubles";

	static final String PROPERTY_SOURCE_NAME = "netSuiteDouble";

	static final String CONNECTION_DETAILS_BEAN_NAME = "netSuiteDoubleConnectionDetails";

	private static final String CONNECTION_DETAILS = "io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails";

	private final String account;

	private final List<String> accounts;

	private final boolean oauth2;

	NetSuiteDoubleContextCustomizer(String account, List<String> accounts) {
		this(account, accounts, false);
	}

	NetSuiteDoubleContextCustomizer(String account, List<String> accounts, boolean oauth2) {
		this.account = account;
		this.accounts = List.copyOf(accounts);
		this.oauth2 = oauth2;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		NetSuiteDoubles doubles = NetSuiteDoubles.start(this.account, this.accounts, this.oauth2);
		try {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			// Only the primary is a NetSuiteDouble bean, so that injection by type stays unambiguous
			beanFactory.registerSingleton(BEAN_NAME, doubles.primary());
			beanFactory.registerSingleton(DOUBLES_BEAN_NAME, doubles);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				// Also stops the doubles when the context fails to refresh
				registry.registerDisposableBean(DOUBLES_BEAN_NAME, doubles::stop);
			}
			else {
				context.addApplicationListener(new StopOnClose(context, doubles));
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			if (ClassUtils.isPresent(CONNECTION_DETAILS, context.getClassLoader())) {
				// The starter's own way in: ahead of the application's netsuite.* keys, which stay as they are
				beanFactory.registerSingleton(CONNECTION_DETAILS_BEAN_NAME,
						new NetSuiteDoubleConnectionDetails(doubles.primary(), this.oauth2));
			}
			else {
				properties.putAll(this.oauth2 ? doubles.primary().oauth2Properties() : doubles.primary().properties());
			}
			for (String name : doubles.names()) {
				properties.putAll(doubles.get(name).accountProperties(name));
			}
			if (!properties.isEmpty()) {
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
			}
		}
		catch (RuntimeException ex) {
			doubles.stop();
			throw ex;
		}
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NetSuiteDoubleContextCustomizer customizer
				&& this.account.equals(customizer.account) && this.accounts.equals(customizer.accounts)
				&& this.oauth2 == customizer.oauth2);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.account.hashCode() + this.accounts.hashCode()) + Boolean.hashCode(this.oauth2);
	}

	/**
	 * Stops the doubles when their own context closes.
	 */
	private record StopOnClose(ConfigurableApplicationContext context,
			NetSuiteDoubles doubles) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				this.doubles.stop();
			}
		}

	}

}
