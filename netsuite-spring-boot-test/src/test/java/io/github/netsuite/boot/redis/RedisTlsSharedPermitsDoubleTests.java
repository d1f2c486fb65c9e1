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
package io.github.netsuite.boot.redis;

import java.time.Duration;
import java.util.Map;

import io.github.netsuite.boot.AccountSharedPermits;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.SharedPermitStore;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permits shared through a real Redis that answers TLS only, trusted through the
 * application's SSL bundle ({@code spring.data.redis.ssl.bundle}), against the NetSuite
 * double.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisTlsSharedPermitsDoubleTests {

	@RegisterExtension
	static final RedisServer redis = RedisServer.tls();

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RestClientAutoConfiguration.class,
				DataRedisAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.concurrency.store=redis",
				"netsuite.concurrency.limit=4", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.port());

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
		netSuite.table("customer", 5, (i) -> Map.of("id", String.valueOf(i + 1), "companyname", "C" + (i + 1)));
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@Test
	void sharesThePermitsOverTlsTrustingTheCaOfTheApplicationsSslBundle() throws Exception {
		this.contextRunner
			.withPropertyValues("spring.data.redis.ssl.bundle=redis",
					"spring.ssl.bundle.pem.redis.truststore.certificate=file:" + redis.caCertificate())
			.run((context) -> {
				assertThat(client(context).record("customer", "1").get()).isNotNull();
				SharedPermitStore.Permits permits = sharedPermits(context);
				assertThat(permits.unavailable()).as("shared through Redis").isNull();
				String lease = permits.acquire(4, Duration.ofSeconds(5));
				assertThat(lease).isNotNull();
				try {
					// Seen by another client of that server, which listens on its TLS port only
					assertThat(redis.cli("ZRANGE", leasesKey(), "0", "-1")).isEqualTo(lease);
					assertThat(redis.cli("CLIENT", "LIST")).contains("name=netsuite-permits");
				}
				finally {
					permits.release(lease);
				}
				assertThat(redis.cli("ZCARD", leasesKey())).isEqualTo("0");
				assertThat(permits.unavailable()).isNull();
			});
	}

	@Test
	void withoutABundleThatTrustsRedisEachInstanceKeepsItsOwnPermitsAndSaysWhichPropertyToSet(
			CapturedOutput output) throws Exception {
		// TLS with the JDK's trust store, which does not hold the test CA
		this.contextRunner.withPropertyValues("spring.data.redis.ssl.enabled=true").run((context) -> {
			assertThat(client(context).record("customer", "2").get()).isNotNull();
			SharedPermitStore.Permits permits = sharedPermits(context);
			assertThat(permits.unavailable()).startsWith("Redis unreachable since");
			assertThat(redis.cli("EXISTS", leasesKey())).isEqualTo("0");
			assertThat(redis.cli("CLIENT", "LIST")).doesNotContain("name=netsuite-permits");
		});
		assertThat(output.getOut()).contains("Redis cannot be reached for the concurrency permits of NetSuite account "
				+ netSuite.account())
			.contains("The TLS connection to Redis failed: if its certificate is not trusted, set "
					+ "spring.data.redis.ssl.bundle");
	}

	@Test
	void aBundleThatDoesNotExistFailsTheStartNamingIt() {
		this.contextRunner.withPropertyValues("spring.data.redis.ssl.bundle=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(NoSuchSslBundleException.class)
				.hasMessageContaining("'missing'"));
	}

	private static String leasesKey() {
		return "netsuite:concurrency:{" + netSuite.account() + "}:leases";
	}

	private static NetSuiteClient client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(NetSuiteClient.class);
	}

	private static SharedPermitStore.Permits sharedPermits(AssertableApplicationContext context) {
		NetSuiteAccount account = context.getBean(NetSuiteAccounts.class).primary();
		assertThat(account.permits()).isNotNull();
		SharedPermitStore.Permits shared = AccountSharedPermits.of(account);
		assertThat(shared).isNotNull();
		return shared;
	}

}
