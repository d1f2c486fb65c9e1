package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteHealthContributorAutoConfiguration}.
 */
class NetSuiteHealthContributorAutoConfigurationTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

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
					.startsWith("NetSuite did not answer within 500ms (netsuite.health.timeout): ");
			});
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
