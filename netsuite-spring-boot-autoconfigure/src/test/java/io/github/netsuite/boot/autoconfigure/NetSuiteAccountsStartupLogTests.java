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

import java.time.Duration;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.SharedPermitStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the start-up line {@link NetSuiteAutoConfiguration} logs for each account.
 */
@ExtendWith(OutputCaptureExtension.class)
class NetSuiteAccountsStartupLogTests {

	private static final String PRIVATE_KEY = Keys.pem(Keys.rsa());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@Test
	void logsEachAccountWithItsRealmAuthenticationUrlsAndLimits(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("netsuite.account=1234567_SB1", "netsuite.consumer-key=ck-4f1e9a",
					"netsuite.consumer-secret=cs-8d2b7c", "netsuite.token-id=tk-3a6e0f", "netsuite.token-secret=ts-5c9d1b",
					"netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.oauth2.client-id=client-7b3e2d",
					"netsuite.accounts.eu.oauth2.certificate-id=cert-9f4a6c",
					"netsuite.accounts.eu.oauth2.private-key=" + PRIVATE_KEY,
					"netsuite.accounts.eu.rest-url=http://127.0.0.1:9",
					"netsuite.accounts.eu.concurrency.limit=3", "netsuite.accounts.eu.concurrency.adaptive=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(NetSuiteAccounts.class);
				assertThat(output).contains("INFO")
					.contains("NetSuite account 'primary': realm 1234567_SB1, token-based authentication (TBA), "
							+ "REST https://1234567-sb1.suitetalk.api.netsuite.com, "
							+ "RESTlets https://1234567-sb1.restlets.api.netsuite.com, concurrency limit 5 (adaptive), "
							+ "permits local")
					.contains("NetSuite account 'eu': realm 7654321, OAuth 2.0 client credentials, "
							+ "REST http://127.0.0.1:9, RESTlets https://7654321.restlets.api.netsuite.com, "
							+ "concurrency limit 3 (fixed), permits local")
					.doesNotContain("ck-4f1e9a", "cs-8d2b7c", "tk-3a6e0f", "ts-5c9d1b", "client-7b3e2d", "cert-9f4a6c",
							PRIVATE_KEY.substring(40, 80), "PRIVATE KEY");
			});
	}

	@Test
	void logsOneLinePerAccount(CapturedOutput output) {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getOut().lines().filter((line) -> line.contains("NetSuite account '"))).hasSize(2);
			});
	}

	@Test
	void logsSharedPermitsGovernanceSizingAndNoLimit(CapturedOutput output) {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.concurrency.store=redis", "netsuite.concurrency.use-governance-limits=true",
					"netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets", "netsuite.accounts.eu.concurrency.enabled=false")
			.withBean(SharedPermitStore.class, () -> InMemoryPermits::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("NetSuite account 'primary': realm 1234567_SB1, token-based "
						+ "authentication (TBA), REST https://1234567-sb1.suitetalk.api.netsuite.com, RESTlets "
						+ "https://1234567-sb1.restlets.api.netsuite.com, concurrency limit 5 (adaptive), permits "
						+ "in redis, limit to be sized from NetSuite's governance limits")
					.contains("NetSuite account 'eu': realm 7654321, token-based authentication (TBA), REST "
							+ "https://7654321.suitetalk.api.netsuite.com, RESTlets "
							+ "https://7654321.restlets.api.netsuite.com, no concurrency limit");
			});
	}

	@Test
	void namesConnectionDetailsTheApplicationDefines(CapturedOutput output) {
		this.contextRunner
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("NetSuite account 'primary': realm 7654321, token-based authentication "
						+ "(TBA), REST https://7654321.suitetalk.api.netsuite.com")
					.contains(", connection from CustomConnectionDetails");
			});
	}

	// Permits that are never taken: the test only reads the start-up line.
	record InMemoryPermits(String realm, Duration leaseTime) implements SharedPermitStore.Permits {

		@Override
		public @Nullable String acquire(int limit, Duration timeout) {
			return null;
		}

		@Override
		public void release(String lease) {
		}

		@Override
		public @Nullable String unavailable() {
			return null;
		}

		@Override
		public String store() {
			return "in-memory";
		}

	}

}
