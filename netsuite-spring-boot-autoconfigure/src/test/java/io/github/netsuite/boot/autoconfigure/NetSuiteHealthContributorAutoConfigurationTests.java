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

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.health.HangingServer;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteHealthContributorAutoConfiguration}.
 */
class NetSuiteHealthContributorAutoConfigurationTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";

	private static final KeyPair KEYS = Keys.rsa();

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startServer() {
		this.server.start();
		this.server.stubFor(get(urlEqualTo(SERVER_TIME)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"serverTime\":\"2025-03-26T16:21:00.000Z\"}")));
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
			.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=http://127.0.0.1:" + this.server.port());
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void registersTheIndicatorUnderTheNameNetsuite() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(NetSuiteHealthIndicator.class)
			.hasBean("netsuiteHealthContributor"));
	}

	@Test
	void checksServerTimeWithSignedRequests() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(NetSuiteHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("realm", "1234567_SB1")
				.containsEntry("serverTime", "2025-03-26T16:21:00Z");
			assertThat(this.server.findAll(anyRequestedFor(urlEqualTo(SERVER_TIME))).get(0).getHeader("Authorization"))
				.startsWith("OAuth realm=\"1234567_SB1\", oauth_consumer_key=\"ck\"");
		});
	}

	@Test
	void givesUpAfterTheHealthTimeoutThoughTheReadTimeoutIsLonger() {
		this.server.stubFor(get(urlEqualTo(SERVER_TIME))
			.willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));
		this.contextRunner.withPropertyValues("netsuite.read-timeout=2m", "netsuite.health.timeout=500ms")
			.run((context) -> {
				long start = System.nanoTime();
				Health health = context.getBean(NetSuiteHealthIndicator.class).health();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).asString()
					.startsWith("NetSuite did not answer within 500ms (netsuite.health.timeout)");
			});
	}

	@Test
	void downNamingTheTokenEndpointWhenItAnswers503() {
		this.server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Service Unavailable</body></html>")));
		oauth2().run((context) -> {
			Health health = context.getBean(NetSuiteHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "status", "error")
				.containsEntry("status", 503);
			assertThat(health.getDetails().get("error")).asString()
				.startsWith("NetSuite answered 503 to POST " + TOKEN_PATH)
				.contains("NetSuite's token endpoint did not answer");
			assertThat(this.server.findAll(anyRequestedFor(urlEqualTo(SERVER_TIME)))).isEmpty();
		});
	}

	@Test
	void downWithinTheHealthTimeoutWhenTheTokenEndpointHangs() throws IOException {
		try (HangingServer tokenEndpoint = HangingServer.silent()) {
			oauth2().withPropertyValues("netsuite.oauth2.token-url=" + tokenEndpoint.url() + TOKEN_PATH,
						"netsuite.read-timeout=2m", "netsuite.health.timeout=1s")
				.run((context) -> {
					long start = System.nanoTime();
					Health health = context.getBean(NetSuiteHealthIndicator.class).health();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "error")
						.containsEntry("error", "NetSuite did not answer within 1s (netsuite.health.timeout)");
					assertThat(tokenEndpoint.requests()).containsExactly("POST " + TOKEN_PATH + " HTTP/1.1");
				});
		}
	}

	@Test
	void stopsTheChecksOfEveryAccountWithTheContext() {
		AtomicReference<CompositeHealthContributor> composite = new AtomicReference<>();
		this.contextRunner.withPropertyValues("netsuite.health.cache-ttl=0s", "netsuite.accounts.second.account=7654321", "netsuite.accounts.second.consumer-key=ck",
					"netsuite.accounts.second.consumer-secret=cs", "netsuite.accounts.second.token-id=tk",
					"netsuite.accounts.second.token-secret=ts",
					"netsuite.accounts.second.rest-url=http://127.0.0.1:" + this.server.port())
			.run((context) -> {
				composite.set(context.getBean("netsuiteHealthContributor", CompositeHealthContributor.class));
				assertThat(indicator(composite.get(), "second").health().getStatus()).isEqualTo(Status.UP);
			});
		for (String name : List.of("primary", "second")) {
			Health health = indicator(composite.get(), name).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "Not checked: the indicator is closed");
		}
	}

	@Test
	void checksOnceWithoutTheAccountsRetryWhenNetSuiteAnswers503() {
		this.server.stubFor(get(urlEqualTo(SERVER_TIME)).willReturn(aResponse().withStatus(503)));
		this.contextRunner.withPropertyValues("netsuite.retry.max-attempts=3", "netsuite.retry.initial-backoff=10ms")
			.run((context) -> {
				Health health = context.getBean(NetSuiteHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("status", 503);
				assertThat(this.server.findAll(anyRequestedFor(urlEqualTo(SERVER_TIME)))).hasSize(1);
			});
	}

	@Test
	void namesANamedAccountsOwnKeysInItsChecklistAndThePrimaryItsOwn() {
		this.server.stubFor(get(urlEqualTo(SERVER_TIME)).atPriority(1)
			.withHeader("Authorization", containing("realm=\"7654321\""))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":401,\"o:errorDetails\":[{\"detail\":\"Invalid login attempt.\","
						+ "\"o:errorCode\":\"INVALID_LOGIN\"}]}")));
		this.contextRunner.withPropertyValues("netsuite.accounts.eu.account=7654321",
				"netsuite.accounts.eu.consumer-key=eck", "netsuite.accounts.eu.consumer-secret=ecs",
				"netsuite.accounts.eu.token-id=etk", "netsuite.accounts.eu.token-secret=ets",
				"netsuite.accounts.eu.rest-url=http://127.0.0.1:" + this.server.port())
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("netsuiteHealthContributor",
						CompositeHealthContributor.class);
				Health eu = indicator(composite, "eu").health();
				assertThat(eu.getStatus()).isEqualTo(Status.DOWN);
				assertThat(eu.getDetails().get("checklist")).asString()
					.contains("netsuite.accounts.eu.account is 7654321", "netsuite.accounts.eu.consumer-key",
							"netsuite.accounts.eu.consumer-secret", "netsuite.accounts.eu.token-id",
							"netsuite.accounts.eu.token-secret")
					.doesNotContain("netsuite.account is", "netsuite.consumer-key", "netsuite.token-id");
				Health primary = indicator(composite, "primary").health();
				assertThat(primary.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void namesANamedOAuth2AccountsOwnKeysWhenItsClientCredentialsAreRefused() {
		this.server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}")));
		oauth2().withPropertyValues("netsuite.accounts.eu.account=7654321",
				"netsuite.accounts.eu.rest-url=http://127.0.0.1:" + this.server.port(),
				"netsuite.accounts.eu.oauth2.client-id=client-2", "netsuite.accounts.eu.oauth2.certificate-id=cert-2",
				"netsuite.accounts.eu.oauth2.private-key=" + Keys.pem(KEYS), "netsuite.retry.enabled=false")
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("netsuiteHealthContributor",
						CompositeHealthContributor.class);
				Health eu = indicator(composite, "eu").health();
				assertThat(eu.getStatus()).isEqualTo(Status.DOWN);
				assertThat(eu.getDetails()).containsEntry("errorCode", "invalid_client");
				assertThat(eu.getDetails().get("checklist")).asString()
					.contains("netsuite.accounts.eu.oauth2.certificate-id", "netsuite.accounts.eu.oauth2.client-id")
					.doesNotContain("netsuite.oauth2.");
				assertThat(indicator(composite, "primary").health().getDetails().get("checklist")).asString()
					.contains("netsuite.oauth2.certificate-id")
					.doesNotContain("netsuite.accounts.");
			});
	}

	private static HealthIndicator indicator(CompositeHealthContributor composite, String name) {
		return (HealthIndicator) Objects.requireNonNull(composite.getContributor(name));
	}

	private ApplicationContextRunner oauth2() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
			.withPropertyValues("netsuite.account=1234567", "netsuite.rest-url=http://127.0.0.1:" + this.server.port(),
					"netsuite.oauth2.client-id=client-1", "netsuite.oauth2.certificate-id=cert-1",
					"netsuite.oauth2.private-key=" + Keys.pem(KEYS));
	}

	@Test
	void asksNetSuiteOnceWithinTheCacheTimeToLive() {
		this.contextRunner.withPropertyValues("netsuite.health.cache-ttl=1h").run((context) -> {
			HealthIndicator indicator = context.getBean(NetSuiteHealthIndicator.class);
			indicator.health();
			indicator.health();
			assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@Test
	void asksNetSuiteAgainAfterTheCacheTimeToLive() {
		this.contextRunner.withPropertyValues("netsuite.health.cache-ttl=200ms").run((context) -> {
			HealthIndicator indicator = context.getBean(NetSuiteHealthIndicator.class);
			indicator.health();
			Thread.sleep(300);
			indicator.health();
			assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.netsuite.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteHealthIndicator.class));
	}

	@Test
	void backsOffWhenHealthIndicatorsAreDisabledByDefault() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteHealthIndicator.class));
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteHealthIndicator.class));
	}

	@Test
	void backsOffWithoutNetSuiteCredentials() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					NetSuiteAutoConfiguration.class, NetSuiteHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteHealthIndicator.class));
	}

	@Test
	void backsOffForTheApplicationsOwnIndicator() {
		this.contextRunner.withUserConfiguration(OwnIndicatorConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteHealthIndicator.class)
				.hasBean("netsuiteHealthIndicator"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnIndicatorConfiguration {

		@Bean
		HealthIndicator netsuiteHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
