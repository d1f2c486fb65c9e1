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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How the sample decides between a NetSuite account and the embedded double: never on the
 * double when any credential is configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleStartupTests {

	@Test
	void withoutCredentialsRunsOnTheDoubleSaysSoAndStopsItOnClose(CapturedOutput output) {
		NetSuiteDouble netSuite;
		try (ConfigurableApplicationContext context = run(Map.of())) {
			netSuite = context.getBean(NetSuiteDouble.class);
			assertThat(netSuite.isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("netsuite.rest-url")).isEqualTo(netSuite.restUrl());
			assertThat(output).contains("No NetSuite credentials configured: running on the embedded NetSuite double at "
					+ netSuite.restUrl() + " with 2,500 demo customers");
		}
		assertThat(netSuite.isRunning()).isFalse();
	}

	@Test
	void withAllFiveCredentialsTalksToTheConfiguredAccountAndStartsNoDouble(CapturedOutput output) {
		try (NetSuiteDouble elsewhere = NetSuiteDouble.builder().account("7654321").build().start()) {
			elsewhere.table("customer", List.of(Map.of("id", "1", "companyname", "Elsewhere Inc.")));
			Map<String, String> environment = new HashMap<>();
			environment.put("NETSUITE_ACCOUNT", "7654321");
			environment.put("NETSUITE_CONSUMER_KEY", elsewhere.consumerKey());
			environment.put("NETSUITE_CONSUMER_SECRET", elsewhere.consumerSecret());
			environment.put("NETSUITE_TOKEN_ID", elsewhere.tokenId());
			environment.put("NETSUITE_TOKEN_SECRET", elsewhere.tokenSecret());
			environment.put("NETSUITE_REST_URL", elsewhere.restUrl());
			environment.put("NETSUITE_RESTLET_URL", elsewhere.restletUrl());
			try (ConfigurableApplicationContext context = run(environment)) {
				assertThat(context.getBeansOfType(NetSuiteDouble.class)).isEmpty();
				assertThat(context.getBean(NetSuiteClient.class).suiteql(CustomerController.QUERY).stream().toList())
					.singleElement()
					.satisfies((customer) -> assertThat(customer).containsEntry("companyname", "Elsewhere Inc."));
			}
			assertThat(output).doesNotContain("embedded NetSuite double");
		}
	}

	@Test
	void withPartialCredentialsFailsToStartNamingWhatIsMissing(CapturedOutput output) {
		Map<String, String> environment = Map.of("NETSUITE_ACCOUNT", "1234567_SB1", "NETSUITE_TOKEN_ID", "abc123");
		assertThatException().isThrownBy(() -> run(environment).close());
		assertThat(output).contains("netsuite.consumer-key", "netsuite.consumer-secret", "netsuite.token-secret")
			.doesNotContain("embedded NetSuite double");
	}

	// The variables as the process environment, so relaxed binding applies as in production
	private static ConfigurableApplicationContext run(Map<String, String> environmentVariables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							new HashMap<>(environmentVariables)));
		SpringApplication application = new SpringApplicationBuilder(SampleApplication.class)
			.environment(environment)
			.properties("server.port=0")
			.build();
		return application.run();
	}

}
