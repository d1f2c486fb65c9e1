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


import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link NetSuiteDouble} for one application context, registers it as a bean and
 * points the {@code netsuite.*} properties at it. Equal for equal accounts, so that Spring's
 * context cache shares a context (and its double) between such test classes.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteDoubleContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "netSuiteDouble";

	static final String PROPERTY_SOURCE_NAME = "netSuiteDouble";

	private final String account;

	NetSuiteDoubleContextCustomizer(String account) {
		this.account = account;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		NetSuiteDouble netSuite = NetSuiteDouble.builder().account(this.account).build().start();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, netSuite);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Also stops the double when the context fails to refresh
			registry.registerDisposableBean(BEAN_NAME, netSuite::stop);
		}
		else {
			context.addApplicationListener(new StopOnClose(context, netSuite));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, netSuite.properties()));
	}


	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NetSuiteDoubleContextCustomizer customizer
				&& this.account.equals(customizer.account));
	}

	@Override
	public int hashCode() {
		return this.account.hashCode();
	}

	/**
	 * Stops the double when its own context closes.
	 */
	private record StopOnClose(ConfigurableApplicationContext context,
			NetSuiteDouble netSuite) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				this.netSuite.stop();
			}
		}

	}

}
