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

import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that connects the starter's primary
 * account to a {@link NetSuiteDouble} bean the application defines, through the double's
 * {@link NetSuiteConnectionDetails}, as {@code @ServiceConnection} does for a container:
 * the way to run an application locally against the double with
 * {@code SpringApplication.from(MyApplication::main).with(MyNetSuiteDouble.class)}, where
 * {@code MyNetSuiteDouble} is a {@code @TestConfiguration} with a started
 * {@code NetSuiteDouble} bean.
 * <p>
 * Every named account the application configures ({@code netsuite.accounts.<name>.*}) gets
 * a double of its own as well, with that account's authentication (OAuth 2.0 when it sets
 * {@code oauth2.*} credentials, token-based otherwise), pointed at by the account's
 * properties ahead of the application's (unless its {@code rest-url} is already on this
 * machine); the bean {@code netSuiteDoubles}
 * ({@link NetSuiteDoubles}) holds them, with the application's double as the primary.
 * <p>
 * Backs off when the application defines {@link NetSuiteConnectionDetails} of its own
 * (as {@link EnableNetSuiteDouble} does), and leaves the named accounts alone when there
 * already is a {@code NetSuiteDoubles} bean (as {@link EnableNetSuiteDouble} registers).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = "io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration")
@ConditionalOnClass(NetSuiteConnectionDetails.class)
@ConditionalOnSingleCandidate(NetSuiteDouble.class)
public final class NetSuiteDoubleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(NetSuiteConnectionDetails.class)
	NetSuiteDoubleConnectionDetails netSuiteDoubleConnectionDetails(NetSuiteDouble netSuite) {
		return new NetSuiteDoubleConnectionDetails(netSuite, netSuite.isOAuth2Enabled());
	}

	// Static: a bean factory post-processor, created before the other beans of this class
	@Bean
	@ConditionalOnMissingBean(NetSuiteDoubles.class)
	static ConfiguredAccountDoubles netSuiteConfiguredAccountDoubles() {
		return new ConfiguredAccountDoubles();
	}

}
