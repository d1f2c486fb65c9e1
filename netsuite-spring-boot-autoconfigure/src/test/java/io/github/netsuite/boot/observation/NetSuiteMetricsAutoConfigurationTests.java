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
package io.github.netsuite.boot.observation;


import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.auth.Keys;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link NetSuiteMetricsAutoConfiguration} and the {@code netsuite.requests}
 * observation, through Boot's own observation and metrics auto-configurations.
 */
class NetSuiteMetricsAutoConfigurationTests {

	static final String[] CREDENTIALS = { "netsuite.account=1234567_SB1", "netsuite.consumer-key=ck",
			"netsuite.consumer-secret=cs", "netsuite.token-id=tk", "netsuite.token-secret=ts" };

	private static final String QUERY = "SELECT id, email FROM customer WHERE email = 'jane@example.com' ORDER BY id";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() {
		this.server.start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, RestClientAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class, NetSuiteAutoConfiguration.class,
					NetSuiteMetricsAutoConfiguration.class))
			// The JDK client: Apache's would re-send 429s on its own, out of sight.
			.withUserConfiguration(JdkClientConfiguration.class)
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=http://127.0.0.1:" + this.server.port(),
					"netsuite.restlet-url=http://127.0.0.1:" + this.server.port());
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void timesARecordReadWithExactlyTheLowCardinalityTags() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/4711"))
			.willReturn(aResponse().withStatus(200).withBody("{\"id\":\"4711\"}")));
		this.contextRunner.run((context) -> {
			client(context).record("customer", "4711").get();
			Timer timer = registry(context).get("netsuite.requests").timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(tags(timer)).containsExactly(entry("error", "none"), entry("http.method", "GET"),
					entry("http.status", "200"), entry("netsuite.account", "1234567_SB1"), entry("netsuite.api", "rest"),
					entry("netsuite.error.code", "none"), entry("outcome", "SUCCESS"));
		});
	}

	@Test
	void takesTheRequestsTimerOverFromMicrometersDefaultHandlerWithoutALongTaskTimer() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/4711"))
			.willReturn(aResponse().withStatus(200).withBody("{\"id\":\"4711\"}")));
		this.contextRunner.run((context) -> {
			client(context).record("customer", "4711").get();
			assertThat(registry(context).get("netsuite.requests").timer().count()).isEqualTo(1);
			assertThat(registry(context).find("netsuite.requests.active").longTaskTimer()).isNull();
		});
	}

	@Test
	void tagsNetSuiteErrorCodeAndStillHandsTheErrorBodyOn() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/4711")).willReturn(aResponse()
			.withStatus(404)
			.withBody("{\"status\":404,\"o:errorDetails\":[{\"detail\":\"The record instance does not exist.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteNotFoundException.class)
				.isThrownBy(() -> client(context).record("customer", "4711").get())
				.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("The record instance does not exist."));
			Timer timer = registry(context).get("netsuite.requests").timer();
			assertThat(tags(timer)).contains(entry("http.status", "404"), entry("outcome", "CLIENT_ERROR"),
					entry("netsuite.error.code", "NONEXISTENT_ID"));
			assertThat(registry(context).find("netsuite.throttled").counters()).allSatisfy((counter) -> assertThat(counter.count()).isZero());
		});
	}

	@Test
	void countsSuiteQlPagesAndRowsWithoutQueryTextInAnyTag() {
		this.server.stubFor(post(urlEqualTo("/services/rest/query/v1/suiteql?limit=2&offset=0"))
			.willReturn(aResponse().withStatus(200).withBody("{\"items\":[{\"id\":\"101\",\"email\":\"jane@example.com\"},"
					+ "{\"id\":\"102\",\"email\":\"jane@example.com\"}],\"hasMore\":true,\"offset\":0,\"totalResults\":3}")));
		this.server.stubFor(post(urlEqualTo("/services/rest/query/v1/suiteql?limit=2&offset=2"))
			.willReturn(aResponse().withStatus(200).withBody("{\"items\":[{\"id\":\"103\",\"email\":\"jane@example.com\"}],"
					+ "\"hasMore\":false,\"offset\":2,\"totalResults\":3}")));
		this.contextRunner.run((context) -> {
			assertThat(client(context).suiteql(QUERY).pageSize(2).stream().toList()).hasSize(3);
			MeterRegistry registry = registry(context);
			assertThat(registry.get("netsuite.suiteql.pages").tag("netsuite.account", "1234567_SB1").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("netsuite.suiteql.rows").tag("netsuite.account", "1234567_SB1").counter().count())
				.isEqualTo(3);
			Timer timer = registry.get("netsuite.requests").timer();
			assertThat(timer.count()).isEqualTo(2);
			assertThat(tags(timer)).contains(entry("netsuite.api", "suiteql"), entry("http.method", "POST"));
			assertThat(registry.getMeters().stream().flatMap((meter) -> meter.getId().getTags().stream()))
				.extracting(Tag::getValue)
				.noneMatch((value) -> value.contains("jane") || value.contains("SELECT") || value.contains("10")
						|| value.matches(".*(offset|limit)=\\d.*"));
		});
	}

	@Test
	void tagsEverySuiteQlPageOfHttpClientRequestsWithOneUriTemplate() {
		this.server.stubFor(post(urlEqualTo("/services/rest/query/v1/suiteql?limit=2&offset=0"))
			.willReturn(aResponse().withStatus(200).withBody("{\"items\":[{\"id\":\"101\"},{\"id\":\"102\"}],"
					+ "\"hasMore\":true,\"offset\":0,\"totalResults\":3}")));
		this.server.stubFor(post(urlEqualTo("/services/rest/query/v1/suiteql?limit=2&offset=2"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"items\":[{\"id\":\"103\"}],\"hasMore\":false,\"offset\":2,\"totalResults\":3}")));
		this.contextRunner.run((context) -> {
			assertThat(client(context).suiteql(QUERY).pageSize(2).stream().toList()).hasSize(3);
			Timer timer = registry(context).get("http.client.requests").timer();
			assertThat(timer.count()).isEqualTo(2);
			assertThat(tags(timer)).containsEntry("uri", "/services/rest/query/v1/suiteql?limit={limit}&offset={offset}")
				.containsEntry("method", "POST");
		});
	}

	@Test
	void countsEveryThrottledAttemptAndTheRetriesAfterIt() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).willReturn(aResponse()
			.withStatus(429)
			.withBody("{\"status\":429,\"o:errorDetails\":[{\"detail\":\"Concurrency limit exceeded.\","
					+ "\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}")));
		this.contextRunner.withPropertyValues("netsuite.retry.max-attempts=2", "netsuite.retry.initial-backoff=1ms")
			.run((context) -> {
				assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
					.isThrownBy(() -> client(context).record("customer", "1").get());
				MeterRegistry registry = registry(context);
				assertThat(registry.get("netsuite.throttled").counters()).filteredOn((counter) -> counter.count() > 0)
					.singleElement()
					.satisfies((counter) -> assertThat(tags(counter)).containsExactly(
							entry("netsuite.account", "1234567_SB1"), entry("netsuite.api", "rest")));
				assertThat(registry.get("netsuite.throttled").tag("netsuite.api", "rest").counter().count()).isEqualTo(2);
				assertThat(registry.get("netsuite.retries").tag("netsuite.api", "rest").counter().count()).isEqualTo(1);
				Timer timer = registry.get("netsuite.requests").timer();
				assertThat(timer.count()).isEqualTo(2);
				assertThat(tags(timer)).contains(entry("http.status", "429"),
						entry("netsuite.error.code", "CONCURRENCY_LIMIT_EXCEEDED"));
			});
	}

	@Test
	void countsRestletThrottlingAsThrottledWithItsCode() {
		this.server.stubFor(get(urlPathEqualTo("/app/site/hosting/restlet.nl")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\" : {\"code\" : \"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\" : \"Request limit exceeded.\"}}")));
		this.contextRunner.withPropertyValues("netsuite.retry.enabled=false").run((context) -> {
			assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class).isThrownBy(
					() -> client(context).restlet("customscript_orders", "customdeploy_orders").param("id", "4711").get(Map.class));
			MeterRegistry registry = registry(context);
			assertThat(registry.get("netsuite.throttled").tag("netsuite.api", "restlet").counter().count()).isEqualTo(1);
			assertThat(tags(registry.get("netsuite.requests").timer())).containsExactly(entry("error", "none"),
					entry("http.method", "GET"), entry("http.status", "400"), entry("netsuite.account", "1234567_SB1"),
					entry("netsuite.api", "restlet"), entry("netsuite.error.code", "SSS_REQUEST_LIMIT_EXCEEDED"),
					entry("outcome", "CLIENT_ERROR"));
		});
	}

	@Test
	void countsAttemptsAfterTheFirstAsRetries() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		this.contextRunner.withPropertyValues("netsuite.retry.initial-backoff=1ms").run((context) -> {
			client(context).record("customer", "1").get();
			MeterRegistry registry = registry(context);
			assertThat(registry.get("netsuite.requests").tag("http.status", "503").timer().count()).isEqualTo(1);
			assertThat(registry.get("netsuite.requests").tag("http.status", "200").timer().count()).isEqualTo(1);
			assertThat(registry.get("netsuite.retries").counter().count()).isEqualTo(1);
			assertThat(tags(registry.get("netsuite.retries").counter()))
				.containsExactly(entry("netsuite.account", "1234567_SB1"), entry("netsuite.api", "rest"));
			assertThat(registry.get("http.client.requests").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void timesNetworkFailuresAsIoErrors() {
		this.contextRunner.run((context) -> {
			this.server.stop();
			assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client(context).record("customer", "1").get()))
				.isNotNull();
			assertThat(tags(registry(context).get("netsuite.requests").timer())).contains(entry("http.status", "IO_ERROR"),
					entry("outcome", "UNKNOWN"), entry("netsuite.error.code", "none"))
				.containsKey("error")
				.doesNotContainEntry("error", "none");
		});
	}

	@Test
	void leavesBootsHttpClientRequestsInPlaceBesideItsOwnTimer() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		this.contextRunner.run((context) -> {
			client(context).record("customer", "1").get();
			MeterRegistry registry = registry(context);
			assertThat(registry.get("http.client.requests").timer().count()).isEqualTo(1);
			assertThat(registry.get("netsuite.requests").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void gaugesRequestsInFlightAndWaitingForAPermit() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(1000)));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=1").run((context) -> {
			NetSuiteClient client = client(context);
			MeterRegistry registry = registry(context);
			ExecutorService executor = Executors.newFixedThreadPool(2);
			try {
				executor.submit(() -> client.record("customer", "1").get());
				executor.submit(() -> client.record("customer", "1").get());
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (gauge(registry, "netsuite.requests.waiting") < 1 && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertThat(gauge(registry, "netsuite.requests.in-flight")).isEqualTo(1);
				assertThat(gauge(registry, "netsuite.requests.waiting")).isEqualTo(1);
			}
			finally {
				executor.shutdown();
				assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(gauge(registry, "netsuite.requests.in-flight")).isZero();
			assertThat(gauge(registry, "netsuite.requests.waiting")).isZero();
		});
	}

	@Test
	void gaugesTheLimitInForceAsNetSuitesThrottlingShrinksIt() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(aResponse().withStatus(429)
				.withBody("{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}")));
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=8", "netsuite.retry.enabled=false")
			.run((context) -> {
				MeterRegistry registry = registry(context);
				assertThat(gauge(registry, "netsuite.concurrency.limit")).isEqualTo(8);
				assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
					.isThrownBy(() -> client(context).record("customer", "1").get());
				// The throttled request was alone on the wire: NetSuite's limit is all taken.
				assertThat(gauge(registry, "netsuite.concurrency.limit")).isEqualTo(1);
			});
	}

	@Test
	void tagsEveryAccountsMetersWithItsOwnRealm() {
		this.server.stubFor(post(urlEqualTo("/services/rest/query/v1/suiteql?limit=1000&offset=0"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"items\":[{\"id\":\"1\"}],\"hasMore\":false,\"offset\":0,\"totalResults\":1}")));
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets",
					"netsuite.accounts.eu.rest-url=http://127.0.0.1:" + this.server.port(),
					"netsuite.accounts.eu.concurrency.limit=2")
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				accounts.get("eu").client().suiteql(QUERY).stream().toList();
				MeterRegistry registry = registry(context);
				assertThat(registry.get("netsuite.requests").tag("netsuite.account", "7654321").timer().count())
					.isOne();
				assertThat(registry.find("netsuite.requests").tag("netsuite.account", "1234567_SB1").timer())
					.isNull();
				assertThat(registry.get("netsuite.suiteql.rows").tag("netsuite.account", "7654321").counter().count())
					.isOne();
				assertThat(registry.get("netsuite.requests.in-flight").gauges()).hasSize(2);
				assertThat(registry.get("netsuite.requests.waiting").tag("netsuite.account", "7654321").gauge())
					.isNotNull();
			});
	}

	@Test
	void timesTheOAuth2TokenRequestAsItsOwnApiUnderTheAccountsPermits() {
		this.server.stubFor(post(urlEqualTo("/services/rest/auth/oauth2/v1/token"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"access_token\":\"t\",\"expires_in\":\"3600\",\"token_type\":\"bearer\"}")));
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		this.contextRunner
			.withPropertyValues("netsuite.consumer-key=", "netsuite.consumer-secret=", "netsuite.token-id=",
					"netsuite.token-secret=", "netsuite.oauth2.client-id=client-1",
					"netsuite.oauth2.certificate-id=cert-1",
					"netsuite.oauth2.private-key=" + Keys.pem(Keys.ec()))
			.run((context) -> {
				client(context).record("customer", "1").get();
				MeterRegistry registry = registry(context);
				assertThat(registry.get("netsuite.requests").tag("netsuite.api", "token").timer().count()).isOne();
				assertThat(registry.get("netsuite.requests").tag("netsuite.api", "rest").timer().count()).isOne();
			});
	}

	@Test
	void registersNoGaugesWithoutAGovernor() {
		this.contextRunner.withPropertyValues("netsuite.concurrency.enabled=false")
			.run((context) -> assertThat(registry(context).find("netsuite.requests.in-flight").gauge()).isNull());
	}

	private static double gauge(MeterRegistry registry, String name) {
		return registry.get(name).tag("netsuite.account", "1234567_SB1").gauge().value();
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core."))
			.withPropertyValues(CREDENTIALS)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NetSuiteClient.class)
				.doesNotHaveBean(NetSuiteMeterObservationHandler.class));
	}

	@Test
	void observesNothingWithoutAnObservationRegistry() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
					NetSuiteMetricsAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=http://127.0.0.1:" + this.server.port())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteMeterObservationHandler.class);
				assertThat(client(context).record("customer", "1").get()).isEmpty();
			});
	}

	private static NetSuiteClient client(AssertableApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

	private static MeterRegistry registry(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static Map<String, String> tags(Meter meter) {
		Map<String, String> tags = new TreeMap<>();
		meter.getId().getTags().forEach((tag) -> tags.put(tag.getKey(), tag.getValue()));
		return tags;
	}

	@Configuration(proxyBeanMethods = false)
	static class JdkClientConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilder<?> jdkClientHttpRequestFactoryBuilder() {
			return ClientHttpRequestFactoryBuilder.jdk();
		}

	}

}
