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

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for NetSuite's meters, each tagged
 * with its account's realm: the {@code netsuite.requests} timer made of the observation,
 * {@code netsuite.retries} and {@code netsuite.throttled} (registered at zero on start),
 * {@code netsuite.suiteql.pages},
 * {@code netsuite.suiteql.rows}, the batch meters {@code netsuite.batch.items.submitted},
 * {@code .succeeded}, {@code .failed} and {@code netsuite.batch.jobs.in-flight} (tagged with
 * the record type too) and, for every account whose requests are limited, the
 * gauges {@code netsuite.requests.in-flight}, {@code netsuite.requests.waiting} and
 * {@code netsuite.concurrency.limit}.
 * <p>
 * Backs off without Micrometer or without a {@link MeterRegistry}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, NetSuiteAccounts.class })
public final class NetSuiteMetricsAutoConfiguration {

	// Boot hands an observation to the first MeterObservationHandler bean that supports it:
	// ordered ahead of Micrometer's default handler, this one times NetSuite's requests.
	@Bean
	@Order(0)
	@ConditionalOnMissingBean
	NetSuiteMeterObservationHandler netSuiteMeterObservationHandler(MeterRegistry meterRegistry) {
		return new NetSuiteMeterObservationHandler(meterRegistry);
	}

	// Every NetSuiteClient tells every SuiteQlPageListener bean of the pages it reads.
	@Bean
	@ConditionalOnMissingBean
	NetSuiteSuiteQlMeters netSuiteSuiteQlMeters(MeterRegistry meterRegistry) {
		return new NetSuiteSuiteQlMeters(meterRegistry);
	}

	// Every NetSuiteClient tells every RecordBatchListener bean of its batch requests.
	@Bean
	@ConditionalOnMissingBean
	NetSuiteBatchMeters netSuiteBatchMeters(MeterRegistry meterRegistry) {
		return new NetSuiteBatchMeters(meterRegistry);
	}

	// The retries and throttled counters at zero from the start, not from their first count.
	@Bean
	@ConditionalOnMissingBean
	NetSuiteRequestMeterBinder netSuiteRequestMeterBinder(NetSuiteAccounts accounts) {
		return new NetSuiteRequestMeterBinder(accounts);
	}

	@Bean
	@ConditionalOnMissingBean
	NetSuiteConcurrencyMeterBinder netSuiteConcurrencyMeterBinder(NetSuiteAccounts accounts) {
		return new NetSuiteConcurrencyMeterBinder(accounts);
	}

}
