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

import io.github.netsuite.boot.NetSuiteException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that answers the
 * {@link NetSuiteException}s a Spring MVC controller lets through as RFC 9457 problem
 * details, with a status that makes sense to the application's caller
 * ({@code netsuite.web.problem-details.enabled}, off by default). Backs off when the
 * application defines its own {@link NetSuiteProblemDetailsExceptionHandler} bean.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 * @see NetSuiteProblemDetailsExceptionHandler
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ProblemDetail.class })
@ConditionalOnBooleanProperty("netsuite.web.problem-details.enabled")
@EnableConfigurationProperties(NetSuiteProblemDetailsProperties.class)
public final class NetSuiteProblemDetailsAutoConfiguration {

	// Last among the controller advices: the application's own @ExceptionHandler for a
	// NetSuiteException, in a controller or an advice, comes first.
	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.LOWEST_PRECEDENCE)
	NetSuiteProblemDetailsExceptionHandler netSuiteProblemDetailsExceptionHandler(
			NetSuiteProblemDetailsProperties properties) {
		return new NetSuiteProblemDetailsExceptionHandler(properties.getRetryAfter());
	}

}
