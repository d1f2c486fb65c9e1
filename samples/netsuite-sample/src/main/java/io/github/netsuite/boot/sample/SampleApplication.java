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

import jakarta.servlet.DispatcherType;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A web application that uses the NetSuite starter as an application would. With the five
 * {@code netsuite.*} credentials it talks to that NetSuite account; with none it runs on
 * the embedded NetSuite double (see {@link NetSuiteDoubleInitializer}).
 *
 * @author NetSuite Spring Boot team
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	// On the error page's include into an answer already begun (Tomcat's include of the
	// error page is an INCLUDE dispatch)
	@Bean
	FilterRegistrationBean<BegunAnswerFilter> begunAnswerFilter() {
		FilterRegistrationBean<BegunAnswerFilter> registration = new FilterRegistrationBean<>(new BegunAnswerFilter());
		registration.setDispatcherTypes(DispatcherType.INCLUDE, DispatcherType.ERROR);
		return registration;
	}

}
