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
package io.github.netsuite.boot.sample;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.RestletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the sample on the embedded {@link NetSuiteDouble} when no NetSuite credential is
 * configured, so that it works on a machine without a NetSuite account.
 * <p>
 * Only when none of the five credentials has a value (in any property source, so the
 * {@code NETSUITE_*} environment variables count) does it start the double, load demo data
 * and point every {@code netsuite.*} property at it. A partial configuration is left alone,
 * so the starter stops start-up and names the missing keys: a typo in one credential must
 * never turn into a quiet fall-back to fake data. The double is a bean named
 * {@value #BEAN_NAME} and stops with the context.
 * <p>
 * Registered in {@code META-INF/spring.factories}, so it applies to {@code main} and to
 * {@code @SpringBootTest} alike.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteDoubleInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The name of the {@link NetSuiteDouble} bean, when the sample runs on the double.
	 */
	public static final String BEAN_NAME = "netSuiteDouble";

	/**
	 * The name of the property source that points {@code netsuite.*} at the double.
	 */
	public static final String PROPERTY_SOURCE_NAME = "netSuiteDouble";

	/**
	 * The property that turns the embedded double off, as {@code TestSampleApplication}
	 * does to run on a double of its own.
	 */
	public static final String ENABLED_PROPERTY = "sample.netsuite-double.enabled";

	/**
	 * The credential properties: the account, and the TBA or OAuth 2.0 ones with it.
	 */
	static final List<String> CREDENTIALS = List.of("netsuite.account", "netsuite.consumer-key",
			"netsuite.consumer-secret", "netsuite.token-id", "netsuite.token-secret", "netsuite.oauth2.client-id",
			"netsuite.oauth2.certificate-id", "netsuite.oauth2.private-key");

	private static final Log logger = LogFactory.getLog(NetSuiteDoubleInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// Decided at the start of refresh, once every other initializer (such as a test's
		// @EnableNetSuiteDouble) has had its say, and before the starter's conditions run
		context.addBeanFactoryPostProcessor(new StartDoubleIfNoCredentials(context));
	}

	static void startDoubleIfNoCredentials(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (anyCredentialSet(environment) || beanFactory.containsBean(BEAN_NAME)
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start();
		try {
			DemoData.load(netSuite);
			if (environment.getProperty("sample.changes", Boolean.class, false)) {
				// Changes from now on are stamped, as NetSuite does, in a time zone west of UTC
				netSuite.trackChanges(ZoneId.of("America/Los_Angeles"));
			}
			beanFactory.registerSingleton(BEAN_NAME, netSuite);
			// Stops the double when the context closes, and when it fails to start
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, netSuite::stop);
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, netSuite.properties()));
		}
		catch (RuntimeException ex) {
			netSuite.stop();
			throw ex;
		}
		logger.info(String.format(Locale.ROOT,
				"No NetSuite credentials configured: running on the embedded NetSuite double at %s "
						+ "with %,d demo customers. Set the five netsuite.* properties (or NETSUITE_* "
						+ "environment variables) to use a real NetSuite account.",
				netSuite.restUrl(), netSuite.records("customer").size()));
	}

	// Blank counts as unset, as it does for the starter
	static boolean anyCredentialSet(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		return CREDENTIALS.stream().anyMatch((key) -> !binder.bind(key, String.class).orElse("").isBlank());
	}


	/**
	 * Runs first among the bean factory post-processors, ahead of the configuration class
	 * parsing that evaluates the starter's conditions.
	 */
	private record StartDoubleIfNoCredentials(ConfigurableApplicationContext context)
			implements BeanDefinitionRegistryPostProcessor, PriorityOrdered {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			startDoubleIfNoCredentials(this.context);
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * The demo data the sample's double starts with.
	 */
	static final class DemoData {

		/**
		 * How many customers: more than two SuiteQL pages of 1,000, so paging shows.
		 */
		static final int CUSTOMERS = 2_500;

		/**
		 * How many sales orders, of the first customers, with one to three lines each.
		 */
		static final int SALES_ORDERS = 5;

		private DemoData() {
		}

		static void load(NetSuiteDouble netSuite) {
			netSuite.table("customer", CUSTOMERS, DemoData::customer);
			netSuite.table("salesOrder", SALES_ORDERS, DemoData::salesOrder);
			// A RESTlet with a handler; every other deployment echoes its call
			netSuite.restlet("customscript_hello", "customdeploy_hello", (request) -> {
				String name = request.parameters().getOrDefault("name", "world");
				return RestletResponse.json(Map.of("greeting", "Hello, " + name + "!", "method", request.method()));
			});
			// A RESTlet whose script fails, as an uncaught SuiteScript error does
			netSuite.restlet("customscript_fail", "customdeploy_fail", (request) -> {
				throw new IllegalStateException("The demo RESTlet failed on purpose");
			});
		}

		static Map<String, Object> salesOrder(int i) {
			int id = i + 1;
			List<Map<String, Object>> lines = new ArrayList<>();
			for (int line = 1; line <= 1 + i % 3; line++) {
				lines.add(Map.of("item", Map.of("id", String.valueOf(100 + line)), "quantity", line, "rate", 10 * line));
			}
			Map<String, Object> order = new LinkedHashMap<>();
			order.put("id", String.valueOf(id));
			order.put("tranId", String.format(Locale.ROOT, "SO%05d", id));
			order.put("entity", Map.of("id", String.valueOf(id)));
			order.put("item", Map.of("items", lines));
			return order;
		}

		static Map<String, Object> customer(int i) {
			int id = i + 1;
			Map<String, Object> customer = new LinkedHashMap<>();
			customer.put("id", String.valueOf(id));
			customer.put("entityId", String.format(Locale.ROOT, "CUST%05d", id));
			customer.put("companyName", "Demo Customer " + id);
			customer.put("email", "customer" + id + "@example.com");
			return customer;
		}

	}

}
