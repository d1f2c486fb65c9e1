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
import java.util.Objects;

import io.github.netsuite.boot.test.EnableNetSuiteDouble.Authentication;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts the {@link NetSuiteDoubles} of one application context, registers them as beans,
 * gives the starter the primary double's {@code NetSuiteConnectionDetails} (or, without the
 * starter, the {@code netsuite.*} properties) and points the
 * {@code netsuite.accounts.<name>.*} properties at the named ones: those listed, or else
 * (unless switched off) those the context's environment configures, found when the context
 * is customized, each with the authentication the environment gives it.
 * <p>
 * Equal for equal attributes, so that Spring's context cache shares a context (and its
 * doubles) between such test classes. The named accounts found in the environment need not
 * be part of that: the environment follows from the rest of the cache key (the context's
 * classes, profiles, test property sources and customizers) and the class path, so two test
 * classes with the same key find the same accounts, and two with different configuration
 * have different keys already.
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

	private final boolean configuredAccounts;

	private final boolean oauth2;

	NetSuiteDoubleContextCustomizer(String account, List<String> accounts) {
		this(account, accounts, true, false);
	}

	NetSuiteDoubleContextCustomizer(String account, List<String> accounts, boolean configuredAccounts,
			boolean oauth2) {
		this.account = account;
		this.accounts = List.copyOf(accounts);
		this.configuredAccounts = configuredAccounts;
		this.oauth2 = oauth2;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		// The environment is prepared by now: Boot's loader runs this after application.yml and profiles
		Map<String, Authentication> named = namedAccounts(context.getEnvironment(), context.getClassLoader());
		NetSuiteDoubles doubles = NetSuiteDoubles.start(this.account, named, this.oauth2);
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
				properties.putAll(NetSuiteDoubles.accountProperties(name, doubles.get(name)));
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

	/**
	 * The named accounts to put on doubles, with their authentication: those listed, else
	 * those the environment configures, else none.
	 */
	private Map<String, Authentication> namedAccounts(ConfigurableEnvironment environment,
			@Nullable ClassLoader classLoader) {
		// Without Spring Boot there is no starter to bind netsuite.accounts, nor relaxed names to read them
		boolean boot = ConfiguredAccounts.isSupported(classLoader);
		Map<String, Authentication> named = new LinkedHashMap<>();
		if (!this.accounts.isEmpty()) {
			this.accounts.forEach((name) -> named.put(name,
					boot ? ConfiguredAccounts.authentication(environment, name) : Authentication.TBA));
		}
		else if (this.configuredAccounts && boot) {
			named.putAll(ConfiguredAccounts.find(environment));
			NetSuiteDoubles.checkNames(this.account, named.keySet().toArray(String[]::new));
		}
		return named;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NetSuiteDoubleContextCustomizer customizer
				&& this.account.equals(customizer.account) && this.accounts.equals(customizer.accounts)
				&& this.configuredAccounts == customizer.configuredAccounts && this.oauth2 == customizer.oauth2);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.account, this.accounts, this.configuredAccounts, this.oauth2);
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
