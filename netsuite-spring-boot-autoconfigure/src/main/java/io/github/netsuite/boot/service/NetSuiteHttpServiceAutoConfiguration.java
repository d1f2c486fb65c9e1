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
package io.github.netsuite.boot.service;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of HTTP service interfaces on
 * NetSuite accounts: an interface registered with
 * {@code @ImportHttpServices(group = "netsuite", types = …)} calls the primary account
 * through its signed client (authentication, permits, retry, observation and NetSuite's
 * errors as {@code NetSuiteException}s), a group named for a named account calls that
 * account, and {@code netsuite.http-services.groups.<group>=<account>} maps any other
 * group. The application's other groups are left as they are.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class)
@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
@ConditionalOnBean(NetSuiteAccounts.class)
@EnableConfigurationProperties(NetSuiteHttpServiceProperties.class)
public final class NetSuiteHttpServiceAutoConfiguration {

	@Bean
	NetSuiteHttpServiceGroupConfigurer netSuiteHttpServiceGroupConfigurer(NetSuiteAccounts accounts,
			NetSuiteHttpServiceProperties properties) {
		return new NetSuiteHttpServiceGroupConfigurer(accounts, properties.getGroups());
	}

}
