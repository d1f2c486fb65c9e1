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

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.PropertyValidation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NetSuite's field validation headers as {@code netsuite.records.property-*-validation}
 * configure them, against a real HTTP server.
 */
class RecordValidationWireMockTests {

	private static final String NAME_HEADER = "X-NetSuite-PropertyNameValidation";

	private static final String VALUE_HEADER = "X-NetSuite-PropertyValueValidation";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl());

	@BeforeEach
	void answerCreates() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/5")));
	}

	@Test
	void sendsNoValidationHeadersUnlessConfigured() {
		this.contextRunner.run((context) -> {
			context.getBean(NetSuiteClient.class).records("customer").create(Map.of());
			LoggedRequest request = onlyRequest();
			assertThat(request.containsHeader(NAME_HEADER)).isFalse();
			assertThat(request.containsHeader(VALUE_HEADER)).isFalse();
		});
	}

	@Test
	void sendsTheConfiguredValidationsInNetSuitesSpellingWhateverTheCaseOfTheProperty() {
		this.contextRunner
			.withPropertyValues("netsuite.records.property-name-validation=warning",
					"netsuite.records.property-value-validation=ERROR")
			.run((context) -> {
				context.getBean(NetSuiteClient.class).records("customer").create(Map.of());
				LoggedRequest request = onlyRequest();
				assertThat(request.getHeader(NAME_HEADER)).isEqualTo("Warning");
				assertThat(request.getHeader(VALUE_HEADER)).isEqualTo("Error");
			});
	}

	@Test
	void letsACallOverrideTheConfiguredValidation() {
		this.contextRunner.withPropertyValues("netsuite.records.property-name-validation=error").run((context) -> {
			context.getBean(NetSuiteClient.class)
				.records("customer")
				.propertyValidation(PropertyValidation.IGNORE, null)
				.create(Map.of());
			assertThat(onlyRequest().getHeader(NAME_HEADER)).isEqualTo("Ignore");
		});
	}

	@Test
	void configuresEachAccountsValidationApart() {
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck2",
					"netsuite.accounts.eu.consumer-secret=cs2", "netsuite.accounts.eu.token-id=tk2",
					"netsuite.accounts.eu.token-secret=ts2", "netsuite.accounts.eu.rest-url=" + server.baseUrl(),
					"netsuite.accounts.eu.restlet-url=" + server.baseUrl(),
					"netsuite.accounts.eu.records.property-value-validation=ignore")
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				accounts.get("eu").client().records("customer").create(Map.of());
				accounts.primary().client().records("customer").create(Map.of());
				List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
				assertThat(requests).extracting((request) -> request.getHeader(VALUE_HEADER))
					.containsExactly("Ignore", null);
			});
	}

	@Test
	void refusesAValidationNetSuiteDoesNotKnowNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.records.property-name-validation=strict")
			.run((context) -> {
				// Boot's failure analyzer reports a BindException with the key and the values allowed.
				BindException bind = findBindException(context.getStartupFailure());
				assertThat(bind.getProperty().getName()).hasToString("netsuite.records.property-name-validation");
				assertThat(bind.getProperty().getValue()).isEqualTo("strict");
				assertThat(bind.getTarget().getType().resolve()).isEqualTo(PropertyValidation.class);
			});
	}

	private static BindException findBindException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return bind;
			}
		}
		throw new AssertionError("No BindException in " + failure);
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
