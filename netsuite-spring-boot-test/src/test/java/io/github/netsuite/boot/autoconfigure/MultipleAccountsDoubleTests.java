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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two accounts in one application, each on a NetSuite double of its own that accepts only
 * its own credentials.
 */
class MultipleAccountsDoubleTests {

	private NetSuiteDouble primary;

	private NetSuiteDouble eu;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startDoubles() {
		this.primary = NetSuiteDouble.builder().build().start();
		this.eu = NetSuiteDouble.builder()
			.account("7654321")
			.consumerKey("eu-consumer-key")
			.consumerSecret("eu-consumer-secret")
			.tokenId("eu-token-id")
			.tokenSecret("eu-token-secret")
			.build()
			.start();
		this.primary.records("customer").put(1, Map.of("companyName", "Primary 1"));
		this.eu.records("customer").put(1, Map.of("companyName", "EU 1"));
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
			.withPropertyValues(properties(this.primary, "netsuite."))
			.withPropertyValues(properties(this.eu, "netsuite.accounts.eu."))
			.withPropertyValues("netsuite.health.timeout=10s", "netsuite.health.cache-ttl=0s");
	}

	@AfterEach
	void stopDoubles() {
		this.primary.stop();
		this.eu.stop();
	}

	@Test
	void signsEachRequestWithItsOwnAccountsCredentials() {
		this.contextRunner.run((context) -> {
			NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
			assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.containsEntry("companyName", "Primary 1");
			assertThat(accounts.get("eu").client().record("customer", "1").get()).containsEntry("companyName",
					"EU 1");
			assertThat(this.primary.loginAuditTrail()).hasSize(1).allMatch(LoginAttempt::successful);
			assertThat(this.eu.loginAuditTrail()).hasSize(1).allMatch(LoginAttempt::successful);
		});
	}

	@Test
	void reportsEachAccountAsAHealthComponentOfItsOwn() {
		this.eu.roleDisabled(true);
		this.contextRunner.run((context) -> {
			CompositeHealthContributor netsuite = context.getBean("netsuiteHealthContributor",
					CompositeHealthContributor.class);
			HealthIndicator primaryHealth = (HealthIndicator) netsuite.getContributor(NetSuiteAccounts.PRIMARY);
			HealthIndicator euHealth = (HealthIndicator) netsuite.getContributor("eu");
			assertThat(primaryHealth.health().getStatus()).isEqualTo(Status.UP);
			assertThat(euHealth.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(euHealth.health().getDetails()).containsEntry("realm", "7654321")
				.containsEntry("error", "Login access has been disabled for this role.");
		});
	}

	@Test
	void keepsTheOtherAccountMovingWhileOneWaitsForPermits() {
		this.primary.latency(Duration.ofMillis(300));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=1").run((context) -> {
			NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
			NetSuiteAccount busy = accounts.primary();
			List<CompletableFuture<?>> queued = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				queued.add(CompletableFuture.runAsync(() -> busy.client().record("customer", "1").get()));
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> busy.permits().waiting() == 3);
			assertThat(accounts.get("eu").client().record("customer", "1").get()).containsEntry("companyName", "EU 1");
			// The other account's request went through while this one's were still queued.
			assertThat(busy.permits().waiting()).isPositive();
			assertThat(accounts.get("eu").permits().limit()).isEqualTo(5);
			CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).join();
		});
	}

	@Test
	void refusesOneAccountsCredentialsAtTheOthersNetSuite() {
		NetSuiteDouble other = NetSuiteDouble.builder().build().start();
		try {
			this.contextRunner.withPropertyValues("netsuite.accounts.eu.rest-url=" + other.restUrl()).run((context) -> {
				HealthIndicator euHealth = (HealthIndicator) context
					.getBean("netsuiteHealthContributor", CompositeHealthContributor.class)
					.getContributor("eu");
				assertThat(euHealth.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(other.loginAuditTrail()).isNotEmpty().noneMatch(LoginAttempt::successful);
			});
		}
		finally {
			other.stop();
		}
	}

	@Test
	void worksWithConnectionDetailsTheApplicationDefinesAlone() {
		NetSuiteConnectionDetails details = new NetSuiteConnectionDetails() {

			@Override
			public AccountId getAccount() {
				return AccountId.of(MultipleAccountsDoubleTests.this.primary.account());
			}

			@Override
			public TbaCredentials getCredentials() {
				NetSuiteDouble netSuite = MultipleAccountsDoubleTests.this.primary;
				return new TbaCredentials(netSuite.consumerKey(), netSuite.consumerSecret(), netSuite.tokenId(),
						netSuite.tokenSecret());
			}

			@Override
			public URI getRestUrl() {
				return URI.create(MultipleAccountsDoubleTests.this.primary.restUrl());
			}

		};
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
			.withBean(NetSuiteConnectionDetails.class, () -> details)
			.run((context) -> assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
				.containsEntry("companyName", "Primary 1"));
	}

	private static String[] properties(NetSuiteDouble netSuite, String prefix) {
		return netSuite.properties()
			.entrySet()
			.stream()
			.map((entry) -> prefix + entry.getKey().substring("netsuite.".length()) + "=" + entry.getValue())
			.toArray(String[]::new);
	}

}
