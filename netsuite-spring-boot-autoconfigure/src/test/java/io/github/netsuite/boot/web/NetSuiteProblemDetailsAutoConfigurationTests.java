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
package io.github.netsuite.boot.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of {@link NetSuiteProblemDetailsAutoConfiguration}.
 */
class NetSuiteProblemDetailsAutoConfigurationTests {

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NetSuiteProblemDetailsAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.webRunner
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteProblemDetailsExceptionHandler.class));
	}

	@Test
	void registersTheHandlerInAServletWebApplicationWhenEnabled() {
		this.webRunner.withPropertyValues("netsuite.web.problem-details.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(NetSuiteProblemDetailsExceptionHandler.class));
	}

	@Test
	void staysOffWhenDisabledExplicitly() {
		this.webRunner.withPropertyValues("netsuite.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteProblemDetailsExceptionHandler.class));
	}

	@Test
	void staysOffOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NetSuiteProblemDetailsAutoConfiguration.class))
			.withPropertyValues("netsuite.web.problem-details.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteProblemDetailsExceptionHandler.class));
	}

	@Test
	void staysOffWithoutSpringMvc() {
		this.webRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues("netsuite.web.problem-details.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteProblemDetailsExceptionHandler.class));
	}

	@Test
	void backsOffForTheApplicationsOwnHandler() {
		this.webRunner.withPropertyValues("netsuite.web.problem-details.enabled=true")
			.withUserConfiguration(OwnHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(NetSuiteProblemDetailsExceptionHandler.class);
				assertThat(context.getBean(NetSuiteProblemDetailsExceptionHandler.class))
					.isSameAs(context.getBean("ownHandler"));
			});
	}

	@Test
	void refusesARetryAfterOfZeroNamingTheProperty() {
		this.webRunner
			.withPropertyValues("netsuite.web.problem-details.enabled=true",
					"netsuite.web.problem-details.retry-after=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.web.problem-details.retry-after must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlerConfiguration {

		@Bean
		NetSuiteProblemDetailsExceptionHandler ownHandler() {
			return new NetSuiteProblemDetailsExceptionHandler(Duration.ofSeconds(1));
		}

	}

}
