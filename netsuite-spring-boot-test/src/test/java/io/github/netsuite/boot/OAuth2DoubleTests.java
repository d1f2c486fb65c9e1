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
package io.github.netsuite.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.EnableNetSuiteDouble.Authentication;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter on OAuth 2.0 client credentials against the NetSuite double, which checks
 * every client assertion and Bearer token as NetSuite does.
 */
@SpringBootTest(classes = OAuth2DoubleTests.TestApplication.class,
		properties = { "netsuite.health.cache-ttl=0s", "netsuite.retry.initial-backoff=10ms",
				"netsuite.retry.max-backoff=20ms" })
@EnableNetSuiteDouble(authentication = Authentication.OAUTH2)
class OAuth2DoubleTests {

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@Autowired
	private NetSuiteAccounts accounts;

	@Autowired
	@Qualifier("netsuiteHealthContributor")
	private HealthIndicator health;

	@BeforeEach
	void customer() {
		this.netSuite.records("customer").put(1, Map.of("companyName", "Acme"));
	}

	@Test
	void readsRecordsWithABearerTokenFromTheTokenEndpoint() {
		assertThat(this.accounts.primary().authentication().description()).isEqualTo("OAuth 2.0 client credentials");
		assertThat(this.client.record("customer", "1").get()).containsEntry("companyName", "Acme");
		assertThat(this.netSuite.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
	}

	@Test
	void recoversOnceFromATokenThatExpiredEarly() {
		this.client.record("customer", "1").get();
		this.netSuite.expireTokensNow();
		long tokenRequests = this.netSuite.tokenRequestCount();
		assertThat(this.client.record("customer", "1").get()).containsEntry("companyName", "Acme");
		assertThat(this.netSuite.tokenRequestCount() - tokenRequests).isOne();
	}

	@Test
	void sharesOneNewTokenAmongFiftyConcurrentCalls() {
		this.client.record("customer", "1").get();
		this.netSuite.expireTokensNow();
		long tokenRequests = this.netSuite.tokenRequestCount();
		List<CompletableFuture<?>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			calls.add(CompletableFuture.runAsync(() -> this.client.record("customer", "1").get()));
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
		assertThat(this.netSuite.tokenRequestCount() - tokenRequests).isOne();
	}

	@Test
	void surfacesARevokedCertificateAsAnAuthenticationFailureAndHealthDown() {
		this.client.record("customer", "1").get();
		this.netSuite.certificateRevoked(true).expireTokensNow();
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> this.client.record("customer", "1").get())
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("invalid_client");
				assertThat(ex.getHint()).contains("revoked");
			})
			.withMessageNotContaining(this.netSuite.oauth2PrivateKeyPem().substring(40, 80));
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "invalid_client");
		assertThat(health.getDetails().get("checklist").toString()).contains("certificate-id", "sandbox refresh");
		assertThat(health.getDetails().toString()).doesNotContain(this.netSuite.oauth2PrivateKeyPem().substring(40, 80));
	}

	@Test
	void surfacesATokenEndpointThatIsDownAsAServerError() {
		this.client.record("customer", "1").get();
		this.netSuite.tokenEndpointDown(true).expireTokensNow();
		assertThatExceptionOfType(NetSuiteServerException.class)
			.isThrownBy(() -> this.client.record("customer", "1").get())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
	}

	@Test
	void saysInHealthHowLongTheTokenHasLeft() {
		this.client.record("customer", "1").get();
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("accessTokenExpiresIn");
	}

	@Test
	void worksWithAnEcKeyAndEs256() {
		NetSuiteDouble ec = NetSuiteDouble.builder().oauth2(true).oauth2KeyType("EC").build().start();
		try {
			ec.records("customer").put(1, Map.of("companyName", "EC"));
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
				.withPropertyValues(ec.oauth2Properties()
					.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.toArray(String[]::new))
				.run((context) -> assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
					.containsEntry("companyName", "EC"));
			assertThat(ec.loginAuditTrail()).isNotEmpty().allMatch(LoginAttempt::successful);
		}
		finally {
			ec.stop();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
