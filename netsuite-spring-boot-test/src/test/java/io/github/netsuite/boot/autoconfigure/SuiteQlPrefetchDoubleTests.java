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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SuiteQL pages fetched ahead by the auto-configured client, against the NetSuite double
 * with a concurrency limit and a latency per page: every row in order, within the
 * account's permits, and nothing left in flight once a stream is closed.
 */
class SuiteQlPrefetchDoubleTests {

	private static final String QUERY = "SELECT id FROM customer ORDER BY id";

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.concurrency.limit=3");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
		netSuite.table("customer", 1_000, (i) -> Map.of("id", String.valueOf(i + 1)));
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void resetDouble() {
		netSuite.reset();
		// A throttled page would be retried out of sight: refuse over the limit, so none is
		netSuite.concurrencyLimit(3).suiteQlPageLatency(Duration.ofMillis(20));
	}

	@Test
	void readsEveryRowInOrderWithThePagesAheadOnTheAccountsPermits() {
		this.contextRunner.withPropertyValues("netsuite.suiteql.prefetch-pages=5").run((context) -> {
			List<String> ids = client(context).suiteql(QUERY).pageSize(50).stream()
				.map((row) -> (String) row.get("id"))
				.toList();
			assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList());
			assertThat(netSuite.requestCount()).isEqualTo(20);
			// Five pages wanted ahead, three permits: never more than three on the wire
			assertThat(netSuite.maxInFlight()).isEqualTo(3);
		});
	}

	@Test
	void readsAheadAsManyPagesAsThePermitsAllowByDefault() {
		this.contextRunner.run((context) -> {
			NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
			List<String> ids = client(context).suiteql(QUERY).pageSize(50).stream()
				.map((row) -> (String) row.get("id"))
				.toList();
			assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList());
			assertThat(netSuite.requestCount()).isEqualTo(20);
			// Every one of the three permits, none refused (the double counts what it received)
			assertThat(netSuite.maxInFlight()).isEqualTo(3);
			assertThat(permits.limit()).isEqualTo(3);
		});
	}

	@Test
	void capsThePagesAheadWithPrefetchPages() {
		this.contextRunner.withPropertyValues("netsuite.suiteql.prefetch-pages=1").run((context) -> {
			assertThat(client(context).suiteql(QUERY).pageSize(100).stream().count()).isEqualTo(1_000);
			// One ahead while the next is awaited: two on the wire, not the three permits
			assertThat(netSuite.maxInFlight()).isEqualTo(2);
		});
	}

	@Test
	void readsOnePageAtATimeWithPrefetchPagesZero() {
		this.contextRunner.withPropertyValues("netsuite.suiteql.prefetch-pages=0").run((context) -> {
			assertThat(client(context).suiteql(QUERY).pageSize(100).stream().count()).isEqualTo(1_000);
			assertThat(netSuite.requestCount()).isEqualTo(10);
			assertThat(netSuite.maxInFlight()).isEqualTo(1);
		});
	}

	@Test
	void takesANamedAccountsPrefetchFromItsOwnProperties() {
		this.contextRunner.withPropertyValues(properties(netSuite.accountProperties("eu")))
			.withPropertyValues("netsuite.accounts.eu.suiteql.prefetch-pages=0")
			.run((context) -> {
				NetSuiteClient eu = context.getBean(NetSuiteAccounts.class).get("eu").client();
				assertThat(eu.suiteql(QUERY).pageSize(100).stream().count()).isEqualTo(1_000);
				assertThat(netSuite.maxInFlight()).isEqualTo(1);
				netSuite.resetMaxInFlight();
				// The primary account's default: as many as its three permits allow
				assertThat(client(context).suiteql(QUERY).pageSize(100).stream().count()).isEqualTo(1_000);
				assertThat(netSuite.maxInFlight()).isEqualTo(3);
			});
	}

	@Test
	void closingAStreamEarlyLeavesNoRequestInFlightAndEveryPermitFree() {
		// Long enough that the first pages ahead are still on the wire when the stream is closed
		netSuite.suiteQlPageLatency(Duration.ofMillis(800));
		this.contextRunner.withPropertyValues("netsuite.suiteql.prefetch-pages=6").run((context) -> {
			NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
			try (Stream<Map<String, Object>> rows = client(context).suiteql(QUERY).pageSize(50).stream()) {
				Iterator<Map<String, Object>> iterator = rows.iterator();
				assertThat(iterator.next()).containsEntry("id", "1");
				// Pages ahead on the wire (six wanted, three allowed by the permits)
				awaitTrue(() -> permits.inFlight() > 0);
			}
			awaitTrue(() -> permits.waiting() == 0 && permits.inFlight() == 0 && netSuite.inFlight() == 0);
			long requests = netSuite.requestCount();
			// The first page and at most the three on the wire: none went out after the close
			assertThat(requests).isLessThanOrEqualTo(4);
			Thread.sleep(300);
			assertThat(netSuite.requestCount()).isEqualTo(requests);
		});
	}

	private static NetSuiteClient client(org.springframework.context.ApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

	private static String[] properties(Map<String, Object> properties) {
		return properties.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
