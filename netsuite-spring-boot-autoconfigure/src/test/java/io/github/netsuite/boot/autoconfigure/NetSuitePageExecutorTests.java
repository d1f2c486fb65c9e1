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

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the executor of pages fetched ahead ({@code netsuite.page-executor}).
 *
 * @author NetSuite Spring Boot team
 */
class NetSuitePageExecutorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS);

	@Test
	void fetchesPagesOnTheExecutorBeanThePropertyNames() {
		ExecutorService pages = Executors.newSingleThreadExecutor();
		try {
			this.contextRunner.withBean("pages", Executor.class, () -> pages)
				.withPropertyValues("netsuite.page-executor=pages")
				.run((context) -> assertThat(pageExecutor(context)).isSameAs(pages));
		}
		finally {
			pages.shutdownNow();
		}
	}

	@Test
	void fetchesPagesOnBootsApplicationTaskExecutorByDefault() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> assertThat(pageExecutor(context)).isSameAs(context.getBean("applicationTaskExecutor")));
	}

	@Test
	void fetchesPagesOnBootsApplicationTaskExecutorAlsoWhenTheApplicationEnablesVirtualThreads() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(pageExecutor(context)).isSameAs(context.getBean("applicationTaskExecutor")));
	}

	@Test
	void fetchesPagesOnOneBoundedPoolOfItsOwnForEveryAccountWithoutAnExecutorAndStopsItAtShutdown() {
		Executor[] own = new Executor[1];
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets")
			.run((context) -> {
				own[0] = pageExecutor(context);
				assertThat(own[0]).isInstanceOfSatisfying(ThreadPoolExecutor.class,
						(pool) -> assertThat(pool.getMaximumPoolSize()).isEqualTo(64));
				assertThat(context.getBean(NetSuiteAccounts.class).get("eu").client()).extracting("exchange.pageExecutor")
					.isSameAs(own[0]);
			});
		assertThat(((ThreadPoolExecutor) own[0]).isShutdown()).isTrue();
	}

	@Test
	void stopsStartUpNamingThePropertyWhenItNamesNoBean() {
		this.contextRunner.withPropertyValues("netsuite.page-executor=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessageContaining("netsuite.page-executor")
				.hasMessageContaining("'missing'"));
	}

	@Test
	void stopsStartUpNamingThePropertyWhenTheBeanIsNoExecutor() {
		this.contextRunner.withBean("pages", String.class, () -> "not an executor")
			.withPropertyValues("netsuite.page-executor=pages")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessageContaining("netsuite.page-executor")
				.hasMessageContaining("not an Executor"));
	}

	private static Executor pageExecutor(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		// The client's own: what its pages are fetched ahead on.
		Object exchange = ReflectionTestUtils.getField(context.getBean(NetSuiteClient.class), "exchange");
		assertThat(exchange).isNotNull();
		Object executor = ReflectionTestUtils.getField(exchange, "pageExecutor");
		assertThat(executor).isInstanceOf(Executor.class);
		return (Executor) executor;
	}

}
