package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.http.RetryInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code netsuite} health
 * indicator ({@code management.health.netsuite.enabled}).
 *
 * @author NetSuite Spring Boot team
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(NetSuiteAccount.class)
@ConditionalOnEnabledHealthIndicator("netsuite")
public final class NetSuiteHealthContributorAutoConfiguration {

	// The contributor's name is the bean name without its suffix: "netsuite".
	@Bean
	@ConditionalOnMissingBean(name = { "netsuiteHealthIndicator", "netsuiteHealthContributor" })
	NetSuiteHealthIndicator netsuiteHealthContributor(NetSuiteAccount account, NetSuiteProperties properties,
			@Qualifier(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME) RestClient restClient,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		Duration timeout = properties.getHealth().getTimeout();
		Duration connectTimeout = (properties.getConnectTimeout().compareTo(timeout) < 0)
				? properties.getConnectTimeout() : timeout;
		// The signed client (permit, observation, signing) on a request factory of its own,
		// so the check gives up after the health timeout rather than the much longer read
		// timeout, and without retries, which would carry a probe past that timeout.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, timeout);
		RestClient healthClient = restClient.mutate()
			.requestFactory(NetSuiteAutoConfiguration.requestFactory(requestFactoryBuilders, settings))
			.requestInterceptors((interceptors) -> interceptors.removeIf(RetryInterceptor.class::isInstance))
			.build();
		return new NetSuiteHealthIndicator(account, healthClient, timeout, properties.getHealth().getCacheTtl());
	}

}
