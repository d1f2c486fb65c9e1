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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code netsuite} health indicator against the NetSuite double's fault modes.
 */
class NetSuiteHealthDoubleTests {

	private NetSuiteDouble netSuite;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startDouble() {
		this.netSuite = NetSuiteDouble.builder().build().start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
			.withPropertyValues(this.netSuite.properties()
				.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))
			// A first check in a new context, on a loaded machine, may take more than a second
			.withPropertyValues("netsuite.health.timeout=10s", "netsuite.health.cache-ttl=0s");
	}

	@AfterEach
	void stopDouble() {
		this.netSuite.stop();
	}

	@Test
	void isUpWithRealmUrlLatencyAndNetSuitesClockWhenTheTokenWorks() {
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("realm", "1234567_SB1")
			.containsEntry("restUrl", this.netSuite.restUrl())
			.containsEntry("check", "GET /services/rest/system/v1/serverTime")
			.containsKeys("latency", "serverTime", "clockSkew");
		assertNoSecretIn(health);
	}

	@Test
	void isDownWithNetSuitesTextAndTheFixWhenTheRoleIsDisabled() {
		this.netSuite.roleDisabled(true);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "Login access has been disabled for this role.")
			.containsEntry("fix", roleDisabledFix())
			.containsEntry("status", 401);
		assertNoSecretIn(health);
	}

	@Test
	void isDownWithTheChecklistOnAnInvalidLogin() {
		this.netSuite.invalidLogin(true);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "INVALID_LOGIN");
		assertThat(checklist(health)).hasSize(7)
			.satisfies((items) -> assertThat(items.get(0)).startsWith("Account ID: netsuite.account is 1234567_SB1"))
			.anySatisfy((item) -> assertThat(item).contains("Manage Authentication"))
			.anySatisfy((item) -> assertThat(item).contains("View Login Audit Trail"));
		assertNoSecretIn(health);
	}

	@Test
	void putsAMeasuredClockSkewFirstInTheChecklist() {
		this.netSuite.clockSkew(Duration.ofMinutes(10));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checklist(health).get(0)).startsWith("Clock: this server's clock is").contains("behind");
	}

	@Test
	void staysUpAndSaysSoWhenNetSuiteThrottles() throws Exception {
		this.netSuite.concurrencyLimit(1).latency(Duration.ofMillis(600));
		this.contextRunner.withPropertyValues("netsuite.concurrency.enabled=false", "netsuite.retry.enabled=false")
			.run((context) -> {
				CompletableFuture<Map<String, Object>> busy = CompletableFuture
					.supplyAsync(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get());
				// Until the busy request holds the double's one slot, however slow the machine
				long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
				while (this.netSuite.maxInFlight() < 1 && System.nanoTime() < deadline) {
					Thread.sleep(5);
				}
				Health health = context.getBean(NetSuiteHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat((String) health.getDetails().get("throttled")).contains("concurrency limit",
						"The credentials work");
				busy.exceptionally((ex) -> null).join();
			});
	}

	@Test
	void isDownNamingTheTimeoutWhenNetSuiteIsSlow() {
		this.contextRunner = this.contextRunner.withPropertyValues("netsuite.health.timeout=1s");
		this.netSuite.latency(Duration.ofSeconds(3));
		long start = System.nanoTime();
		Health health = health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		// The health timeout, or the health client's read timeout, which is the same
		assertThat((String) health.getDetails().get("error"))
			.startsWith("NetSuite did not answer within 1s (netsuite.health.timeout)");
	}

	@Test
	void isDownNamingTheTokenEndpointWhenItAnswers503() {
		NetSuiteDouble oauth2 = NetSuiteDouble.builder().oauth2(true).build().start();
		try {
			oauth2.tokenEndpointDown(true);
			Health[] health = new Health[1];
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
						NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
				.withPropertyValues(oauth2.oauth2Properties()
					.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.toArray(String[]::new))
				.withPropertyValues("netsuite.health.timeout=10s", "netsuite.retry.enabled=false")
				.run((context) -> health[0] = context.getBean(NetSuiteHealthIndicator.class).health());
			assertThat(health[0].getStatus()).isEqualTo(Status.DOWN);
			assertThat(health[0].getDetails()).containsOnlyKeys("realm", "restUrl", "check", "status", "errorCode", "error")
				.containsEntry("status", 503)
				.containsEntry("errorCode", "UNEXPECTED_ERROR")
				.containsEntry("error", "NetSuite answered 503 UNEXPECTED_ERROR to POST /services/rest/auth/oauth2/v1/token: "
						+ "The OAuth 2.0 token service is temporarily unavailable. Try again later. (NetSuite's token "
						+ "endpoint did not answer; requests go on once it does)");
			assertThat(health[0].toString()).doesNotContain(oauth2.oauth2PrivateKeyPem().substring(40, 80));
		}
		finally {
			oauth2.stop();
		}
	}

	@Test
	void isDownNamingTheCauseWhenNetSuiteIsDown() {
		String authority = URI.create(this.netSuite.restUrl()).getAuthority();
		this.netSuite.stop();
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error"))
			.startsWith("Could not reach NetSuite at " + authority + ": connection refused");
	}

	// The fix the starter's token-based authentication gives for a role that may not log in
	// with tokens, asked through its public contract.
	private static String roleDisabledFix() {
		AccountId id = AccountId.of("1234567_SB1");
		NetSuiteAuthenticationException refusal = new NetSuiteAuthenticationException(401, "INVALID_LOGIN",
				"Login access has been disabled for this role.", "GET", "/services/rest/system/v1/serverTime", null);
		try (NetSuiteAccount account = NetSuiteAccount.builder(id)
			.tba(new TbaCredentials("consumer-key", "consumer-secret", "token-id", "token-secret"))
			.build()) {
			Object fix = account.authentication().refusalDetails(refusal, id, "netsuite", null).get("fix");
			assertThat(fix).isInstanceOf(String.class);
			return (String) fix;
		}
	}

	private Health health() {
		Health[] health = new Health[1];
		this.contextRunner.run((context) -> health[0] = context.getBean(NetSuiteHealthIndicator.class).health());
		return health[0];
	}

	@SuppressWarnings("unchecked")
	private static List<String> checklist(Health health) {
		return (List<String>) health.getDetails().get("checklist");
	}

	private void assertNoSecretIn(Health health) {
		assertThat(health.toString()).doesNotContain(this.netSuite.consumerSecret(), this.netSuite.tokenSecret());
	}

}
