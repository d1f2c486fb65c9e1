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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NetSuiteDoubleAutoConfiguration}: a {@link NetSuiteDouble} bean is all an
 * application needs to run on the double.
 */
class NetSuiteDoubleAutoConfigurationTests {

	// As an application.yml has them: credentials from environment variables that are not set
	private static final String[] TWO_NAMED_ACCOUNTS = { "netsuite.accounts.eu.account=${NETSUITE_EU_ACCOUNT}",
			"netsuite.accounts.eu.consumer-key=${NETSUITE_EU_CONSUMER_KEY}",
			"netsuite.accounts.eu.consumer-secret=${NETSUITE_EU_CONSUMER_SECRET}",
			"netsuite.accounts.eu.token-id=${NETSUITE_EU_TOKEN_ID}",
			"netsuite.accounts.eu.token-secret=${NETSUITE_EU_TOKEN_SECRET}",
			"netsuite.accounts.sandbox.account=${NETSUITE_SANDBOX_ACCOUNT}",
			"netsuite.accounts.sandbox.oauth2.client-id=${NETSUITE_SANDBOX_CLIENT_ID}",
			"netsuite.accounts.sandbox.oauth2.certificate-id=${NETSUITE_SANDBOX_CERTIFICATE_ID}",
			"netsuite.accounts.sandbox.oauth2.private-key=${NETSUITE_SANDBOX_PRIVATE_KEY}" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteDoubleAutoConfiguration.class));

	@Test
	void connectsThePrimaryAccountToTheApplicationsDoubleAheadOfItsProperties() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			netSuite.records("customer").put(1, Map.of("companyName", "Double"));
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withPropertyValues("netsuite.account=9999999", "netsuite.consumer-key=real-key",
						"netsuite.consumer-secret=real-secret", "netsuite.token-id=real-token",
						"netsuite.token-secret=real-token-secret")
				.run((context) -> {
					assertThat(context).getBean(NetSuiteConnectionDetails.class)
						.isInstanceOf(NetSuiteDoubleConnectionDetails.class);
					assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
						.containsEntry("companyName", "Double");
					assertThat(netSuite.loginAuditTrail()).allMatch(LoginAttempt::successful);
				});
		}
	}

	@Test
	void connectsAnOAuth2DoubleWithItsClientCredentials() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().oauth2(true).build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite).run((context) -> {
				assertThat(context.getBean(NetSuiteConnectionDetails.class).getOAuth2Credentials()).isNotNull();
				assertThat(context.getBean(NetSuiteClient.class).restlet("1", "1").get(String.class))
					.hasValueSatisfying((answer) -> assertThat(answer).contains("GET"));
			});
		}
	}

	@Test
	void backsOffWhenTheApplicationHasConnectionDetailsOfItsOwn() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start();
				NetSuiteDouble other = NetSuiteDouble.builder().build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withBean(NetSuiteConnectionDetails.class, () -> new NetSuiteDoubleConnectionDetails(other, false))
				.run((context) -> assertThat(context.getBean(NetSuiteConnectionDetails.class).getRestUrl())
					.hasToString(other.restUrl()));
		}
	}

	@Test
	void putsEveryNamedAccountOfTheApplicationOnADoubleOfItsOwn() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withPropertyValues(TWO_NAMED_ACCOUNTS)
				.run((context) -> {
					NetSuiteDoubles doubles = context.getBean(NetSuiteDoubles.class);
					assertThat(doubles.primary()).isSameAs(netSuite);
					assertThat(doubles.names()).containsExactly("eu", "sandbox");
					assertReadsFromEachNamedAccountsDouble(context.getBean(NetSuiteAccounts.class), doubles);
				});
		}
	}

	@Test
	void stopsTheNamedAccountsDoublesWhenTheContextCloses() {
		List<NetSuiteDouble> named = new ArrayList<>();
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withPropertyValues(TWO_NAMED_ACCOUNTS)
				.run((context) -> {
					NetSuiteDoubles doubles = context.getBean(NetSuiteDoubles.class);
					doubles.names().forEach((name) -> named.add(doubles.get(name)));
					assertThat(named).hasSize(2).allMatch(NetSuiteDouble::isRunning);
				});
		}
		assertThat(named).hasSize(2).noneMatch(NetSuiteDouble::isRunning);
	}

	@Test
	void leavesTheNamedAccountsAloneBesideNetSuiteDoublesOfItsOwn() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withBean(NetSuiteDoubles.class, () -> new NetSuiteDoubles(netSuite, Map.of()))
				.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eu-key",
						"netsuite.accounts.eu.consumer-secret=eu-secret", "netsuite.accounts.eu.token-id=eu-token",
						"netsuite.accounts.eu.token-secret=eu-token-secret")
				.run((context) -> {
					assertThat(context.getBean(NetSuiteDoubles.class).names()).isEmpty();
					assertThat(context.getBean(NetSuiteAccounts.class).get("eu").id().realm()).isEqualTo("7654321");
				});
		}
	}

	@Test
	void runsTestMyApplicationWithEveryNamedAccountOnADouble() {
		SpringApplication.Running running = SpringApplication.from(TwoAccountsApplication::main)
			.with(MyNetSuiteDouble.class)
			.run("--spring.config.name=netsuite-two-accounts", "--spring.main.web-application-type=none");
		try (ConfigurableApplicationContext context = running.getApplicationContext()) {
			NetSuiteDoubles doubles = context.getBean(NetSuiteDoubles.class);
			assertThat(doubles.primary()).isSameAs(context.getBean(NetSuiteDouble.class));
			assertThat(doubles.names()).containsExactly("eu", "sandbox");
			assertReadsFromEachNamedAccountsDouble(context.getBean(NetSuiteAccounts.class), doubles);
		}
	}

	private static void assertReadsFromEachNamedAccountsDouble(NetSuiteAccounts accounts, NetSuiteDoubles doubles) {
		NetSuiteDouble eu = doubles.get("eu");
		NetSuiteDouble sandbox = doubles.get("sandbox");
		eu.records("customer").put(1, Map.of("companyName", "EU double"));
		sandbox.records("customer").put(1, Map.of("companyName", "Sandbox double"));
		assertThat(accounts.get("eu").authentication().description()).isEqualTo("token-based authentication (TBA)");
		assertThat(accounts.get("sandbox").authentication().description()).isEqualTo("OAuth 2.0 client credentials");
		assertThat(accounts.get("eu").client().record("customer", "1").get()).containsEntry("companyName",
				"EU double");
		assertThat(accounts.get("sandbox").client().record("customer", "1").get()).containsEntry("companyName",
				"Sandbox double");
		assertThat(eu.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
		assertThat(sandbox.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
	}

	@Test
	void staysOutOfAnApplicationWithoutADouble() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteConnectionDetails.class)
			.doesNotHaveBean(NetSuiteClient.class));
	}

	/**
	 * An application with two named accounts in its configuration
	 * ({@code netsuite-two-accounts.yml}).
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TwoAccountsApplication {

		public static void main(String[] args) {
			SpringApplication.run(TwoAccountsApplication.class, args);
		}

	}

	/**
	 * A {@code TestMyApplication}'s double, as in the README.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MyNetSuiteDouble {

		@Bean(destroyMethod = "stop")
		NetSuiteDouble netSuiteDouble() {
			return NetSuiteDouble.builder().build().start();
		}

	}

}
