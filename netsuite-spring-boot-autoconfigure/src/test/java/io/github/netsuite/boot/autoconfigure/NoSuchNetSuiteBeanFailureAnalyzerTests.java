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

import java.util.concurrent.atomic.AtomicReference;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringProperties;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NoSuchNetSuiteBeanFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSuchNetSuiteBeanFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@Test
	void startUpFailureWithoutCredentialsNamesEveryKeyAndEnvironmentVariable(CapturedOutput output) {
		SpringApplication application = new SpringApplication(NeedsClientApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(UnsatisfiedDependencyException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START",
				"A NetSuiteClient bean could not be found because no NetSuite credential is set (no netsuite.* "
						+ "credential property and no NetSuiteConnectionDetails bean), so NetSuiteAutoConfiguration "
						+ "backed off.",
				"netsuite.account (NETSUITE_ACCOUNT): the account ID from Setup > Company > Company Information",
				"netsuite.consumer-key (NETSUITE_CONSUMER_KEY)", "netsuite.consumer-secret (NETSUITE_CONSUMER_SECRET)",
				"netsuite.token-id (NETSUITE_TOKEN_ID)", "netsuite.token-secret (NETSUITE_TOKEN_SECRET)",
				"netsuite.oauth2.client-id (NETSUITE_OAUTH2_CLIENT_ID)",
				"netsuite.oauth2.certificate-id (NETSUITE_OAUTH2_CERTIFICATE_ID)",
				"netsuite.oauth2.private-key (NETSUITE_OAUTH2_PRIVATE_KEY)", "@EnableNetSuiteDouble")
			// Boot's generic analysis is not the one shown.
			.doesNotContain("Consider defining a bean of type");
	}

	@Test
	void explainsAMissingQualifiedRestClient() {
		FailureAnalysis analysis = analyzeFailure(NeedsRestClientConfiguration.class);
		assertThat(analysis.getDescription())
			.startsWith("The 'netSuiteRestClient' bean could not be found because no NetSuite credential is set");
		assertThat(analysis.getAction()).contains("netsuite.account (NETSUITE_ACCOUNT)",
				"netsuite.oauth2.client-id (NETSUITE_OAUTH2_CLIENT_ID)");
	}

	@Test
	void explainsAMissingAccountsBeanWhenNetSuiteIsDisabled() {
		FailureAnalysis analysis = analyzeFailure(NeedsAccountsConfiguration.class, "netsuite.enabled=false");
		assertThat(analysis.getDescription()).isEqualTo("A NetSuiteAccounts bean could not be found because "
				+ "NetSuiteAutoConfiguration is switched off by netsuite.enabled=false.");
		assertThat(analysis.getAction()).contains("netsuite.enabled=false");
	}

	@Test
	void saysUnderAotThatTheConditionWasEvaluatedAtBuildTime() {
		FailureAnalysis analysis;
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			// The context itself is not AOT-generated; the analyzer only asks AotDetector.
			analysis = analyzeFailure(this.contextRunner.withUserConfiguration(NeedsClientConfiguration.class));
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("A NetSuiteClient bean could not be found", "AOT-generated",
				"when the application was built (spring-boot:process-aot)");
		assertThat(analysis.getAction()).contains("without netsuite.enabled=false", "set them when it runs",
				"netsuite.token-secret (NETSUITE_TOKEN_SECRET)");
	}

	@Test
	void leavesAMissingClientToBootWhenCredentialsAreSet() {
		// As in a test slice that does not import NetSuite's auto-configuration.
		assertThat(analyzeFailure(new ApplicationContextRunner().withUserConfiguration(NeedsClientConfiguration.class)
			.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS))).isNull();
	}

	@Test
	void leavesOtherMissingBeansToBoot() {
		assertThat(analyzeFailure(this.contextRunner.withUserConfiguration(NeedsOtherRestClientConfiguration.class)))
			.isNull();
	}

	private FailureAnalysis analyzeFailure(Class<?> configuration, String... properties) {
		FailureAnalysis analysis = analyzeFailure(this.contextRunner.withUserConfiguration(configuration)
			.withPropertyValues(properties));
		assertThat(analysis).isNotNull();
		return analysis;
	}

	// As Boot does: the analyzer is made from the failed context's environment.
	private static @Nullable FailureAnalysis analyzeFailure(ApplicationContextRunner runner) {
		AtomicReference<ConfigurableApplicationContext> failed = new AtomicReference<>();
		AtomicReference<@Nullable FailureAnalysis> analysis = new AtomicReference<>();
		runner.withInitializer(failed::set).run((context) -> {
			assertThat(context).hasFailed();
			analysis.set(new NoSuchNetSuiteBeanFailureAnalyzer(failed.get().getEnvironment())
				.analyze(context.getStartupFailure()));
		});
		return analysis.get();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class })
	static class NeedsClientApplication {

		@Bean
		String customers(NetSuiteClient client) {
			return "customers";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsClientConfiguration {

		@Bean
		String customers(NetSuiteClient client) {
			return "customers";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsAccountsConfiguration {

		@Bean
		String customers(NetSuiteAccounts accounts) {
			return "customers";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsRestClientConfiguration {

		@Bean
		String customers(@Qualifier(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME) RestClient rest) {
			return "customers";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsOtherRestClientConfiguration {

		@Bean
		String customers(@Qualifier("billing") RestClient rest) {
			return "customers";
		}

	}

}
