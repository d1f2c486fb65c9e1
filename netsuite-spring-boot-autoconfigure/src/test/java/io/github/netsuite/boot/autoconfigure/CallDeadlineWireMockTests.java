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
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The call's deadline over retries, and what a connection lost after sending says, as
 * auto-configured against a real HTTP server.
 */
class CallDeadlineWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl());

	@Test
	void neverBacksOffPastTheCallTimeout() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader(HttpHeaders.RETRY_AFTER, "10")));
		this.contextRunner.withPropertyValues("netsuite.call-timeout=2s").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@Test
	void saysACreateWhoseConnectionWasResetAfterSendingMayHaveBeenExecuted() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteConnectionException.class)
				.isThrownBy(() -> context.getBean(NetSuiteClient.class)
					.records("customer")
					.create(Map.of("companyname", "A")))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(NetSuiteConnectionException.Reason.CONNECTION_FAILED))
				.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isTrue())
				.withMessageStartingWith("Account 'primary' (1234567_SB1): Lost NetSuite's answer at ")
				.withMessageContaining("NetSuite may have executed it")
				.withMessageContaining("netsuite.records.exactly-once-writes");
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@Test
	void saysNothingOfExecutionForAReadWhoseConnectionWasReset() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteConnectionException.class)
			.isThrownBy(() -> context.getBean(NetSuiteClient.class).record("customer", "1").get())
			.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isFalse())
			.withMessageStartingWith("Account 'primary' (1234567_SB1): Could not reach NetSuite at ")
			.withMessageNotContaining("may have executed"));
	}

}
