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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NetSuiteRequestMeterBinder} as auto-configured: {@code netsuite.retries} and
 * {@code netsuite.throttled} are there, at zero, before any request.
 */
class NetSuiteRequestMeterBinderTests {

	static final String[] CREDENTIALS = { "netsuite.account=1234567_SB1", "netsuite.consumer-key=ck",
			"netsuite.consumer-secret=cs", "netsuite.token-id=tk", "netsuite.token-secret=ts" };

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
				NetSuiteAutoConfiguration.class, NetSuiteMetricsAutoConfiguration.class))
		.withPropertyValues(CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.initial-backoff=5ms", "netsuite.retry.max-backoff=10ms");

	@Test
	void registersRetriesAndThrottledAtZeroForEveryAccountAndApiBeforeAnyRequest() {
		this.contextRunner.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=k",
				"netsuite.accounts.eu.consumer-secret=s", "netsuite.accounts.eu.token-id=t",
				"netsuite.accounts.eu.token-secret=ts", "netsuite.accounts.eu.rest-url=" + server.baseUrl(),
				"netsuite.accounts.eu.restlet-url=" + server.baseUrl())
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
				for (String realm : new String[] { "1234567_SB1", "7654321" }) {
					for (String api : new String[] { "rest", "suiteql", "restlet" }) {
						assertThat(counter(registry, "netsuite.retries", realm, api).count()).isZero();
						assertThat(counter(registry, "netsuite.throttled", realm, api).count()).isZero();
					}
				}
				assertThat(registry.find("netsuite.retries").tag("netsuite.api", "token").counter()).isNull();
				assertThat(server.getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void countsOnTheCountersItRegistered() {
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).inScenario("throttled once")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("free"));
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1")).inScenario("throttled once")
			.whenScenarioStateIs("free")
			.willReturn(okJson("{\"id\":\"1\"}")));
		this.contextRunner.run((context) -> {
			context.getBean(NetSuiteClient.class).record("customer", "1").get();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("netsuite.retries").counters()).hasSize(3);
			assertThat(counter(registry, "netsuite.retries", "1234567_SB1", "rest").count()).isEqualTo(1);
			assertThat(counter(registry, "netsuite.throttled", "1234567_SB1", "rest").count()).isEqualTo(1);
			assertThat(counter(registry, "netsuite.throttled", "1234567_SB1", "restlet").count()).isZero();
		});
	}

	private static Counter counter(MeterRegistry registry, String name, String realm, String api) {
		return registry.get(name).tag("netsuite.account", realm).tag("netsuite.api", api).counter();
	}

}
