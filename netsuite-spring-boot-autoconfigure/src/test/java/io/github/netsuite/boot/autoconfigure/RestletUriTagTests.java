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

import java.util.Collection;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESTlet calls in Spring's {@code http.client.requests}: one stable {@code uri} tag,
 * whatever the custom parameters, while every parameter still goes on the wire.
 */
class RestletUriTagTests {

	private static final String TEMPLATE = "/app/site/hosting/restlet.nl?script={script}&deploy={deploy}";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
				NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl());

	@Test
	void tagsRestletCallsWithOneTemplateWhateverTheirParameters() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.contextRunner.run((context) -> {
			NetSuiteClient client = context.getBean(NetSuiteClient.class);
			client.restlet("customscript_a", "1").get(String.class);
			client.restlet("customscript_b", "2").param("q", "a b&c=d").get(String.class);
			client.restlet("customscript_c", "3").param("x", 1).param("y", 2).param("x", 3).get(String.class);
			Collection<Timer> timers = context.getBean(MeterRegistry.class).get("http.client.requests").timers();
			assertThat(timers).singleElement().satisfies((timer) -> {
				assertThat(timer.getId().getTag("uri")).isEqualTo(TEMPLATE);
				assertThat(timer.count()).isEqualTo(3);
			});
			// A repeated name's values stay in order, next to each other
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
				.containsExactly("/app/site/hosting/restlet.nl?script=customscript_a&deploy=1",
						"/app/site/hosting/restlet.nl?script=customscript_b&deploy=2&q=a%20b%26c%3Dd",
						"/app/site/hosting/restlet.nl?script=customscript_c&deploy=3&x=1&x=3&y=2");
		});
	}

}
