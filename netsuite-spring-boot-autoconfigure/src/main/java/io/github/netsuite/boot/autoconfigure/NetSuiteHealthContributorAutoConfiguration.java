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

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code netsuite} health
 * contributor ({@code management.health.netsuite.enabled}): a
 * {@link NetSuiteHealthIndicator} when there is one account, and one per account under a
 * composite ({@code /actuator/health/netsuite/<name>}) when there are several.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
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
		// A request factory of the check's own, so that it gives up after the health timeout
		// rather than the much longer read timeout; the account's probe client adds no retry.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, timeout);
		return new NetSuiteHealthIndicator(account,
				NetSuiteAccountFactory.requestFactory(
						requestFactoryBuilders.getIfAvailable(ClientHttpRequestFactoryBuilder::detect), settings),
				timeout, properties.getHealth().getCacheTtl());
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
