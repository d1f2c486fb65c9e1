package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code netsuite} health
 * contributor ({@code management.health.netsuite.enabled}): a
 * {@link NetSuiteHealthIndicator} when there is one account, and one per account under a
 * composite ({@code /actuator/health/netsuite/<name>}) when there are several.
 *
 * @author NetSuite Spring Boot team
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(NetSuiteAccounts.class)
@ConditionalOnEnabledHealthIndicator("netsuite")
public final class NetSuiteHealthContributorAutoConfiguration {

	// The contributor's name is the bean name without its suffix: "netsuite".
	@Bean
	@ConditionalOnMissingBean(name = { "netsuiteHealthIndicator", "netsuiteHealthContributor" })
	HealthContributor netsuiteHealthContributor(NetSuiteAccounts accounts, NetSuiteProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		if (accounts.all().size() == 1) {
			return indicator(accounts.primary(), properties, requestFactoryBuilders, httpClientSettings);
		}
		Map<String, NetSuiteHealthIndicator> indicators = new LinkedHashMap<>();
		for (NetSuiteAccount account : accounts.all()) {
			indicators.put(account.name(), indicator(account, properties, requestFactoryBuilders, httpClientSettings));
		}
		return new Indicators(indicators);
	}

	private static NetSuiteHealthIndicator indicator(NetSuiteAccount account, NetSuiteProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		Duration timeout = properties.getHealth().getTimeout();
		Duration accountConnectTimeout = properties.accountSettings(account.name()).getConnectTimeout();
		Duration connectTimeout = (accountConnectTimeout.compareTo(timeout) < 0) ? accountConnectTimeout : timeout;
		// The signed client (permit, observation, signing) on a request factory of its own,
		// so the check gives up after the health timeout rather than the much longer read
		// timeout, and without retries, which would carry a probe past that timeout.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, timeout);
		RestClient healthClient = account.probeClient(NetSuiteAccountFactory.requestFactory(
				requestFactoryBuilders.getIfAvailable(ClientHttpRequestFactoryBuilder::detect), settings), timeout);
		return new NetSuiteHealthIndicator(account, healthClient, timeout, properties.getHealth().getCacheTtl());
	}

	// One component per account, whose check threads stop with the context (as a single
	// indicator's do, being AutoCloseable).
	private static final class Indicators implements CompositeHealthContributor, AutoCloseable {

		private final Map<String, NetSuiteHealthIndicator> indicators;

		private final CompositeHealthContributor composite;

		Indicators(Map<String, NetSuiteHealthIndicator> indicators) {
			this.indicators = indicators;
			this.composite = CompositeHealthContributor.fromMap(indicators);
		}

		@Override
		public @Nullable HealthContributor getContributor(String name) {
			return this.composite.getContributor(name);
		}

		@Override
		public Stream<Entry> stream() {
			return this.composite.stream();
		}

		@Override
		public void close() {
			this.indicators.values().forEach(NetSuiteHealthIndicator::close);
		}

	}

}
