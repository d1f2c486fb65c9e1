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

import java.util.Objects;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuitePermits;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;

/**
 * Binds, for every account whose requests are limited, the gauges
 * {@code netsuite.requests.in-flight} (requests on the wire, holding a concurrency
 * permit), {@code netsuite.requests.waiting} (requests waiting for one) and
 * {@code netsuite.concurrency.limit} (the limit in force, which an adaptive limit learns
 * from NetSuite's throttling), tagged with the account's realm.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteConcurrencyMeterBinder implements MeterBinder {

	/**
	 * Name of the gauge of requests on the wire.
	 */
	static final String IN_FLIGHT = "netsuite.requests.in-flight";

	/**
	 * Name of the gauge of requests waiting for a concurrency permit.
	 */
	static final String WAITING = "netsuite.requests.waiting";

	/**
	 * Name of the gauge of the limit in force.
	 */
	static final String LIMIT = "netsuite.concurrency.limit";

	private final NetSuiteAccounts accounts;

	/**
	 * Create a binder.
	 * @param accounts the accounts whose permits to gauge
	 */
	NetSuiteConcurrencyMeterBinder(NetSuiteAccounts accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NetSuiteAccount account : this.accounts.all()) {
			NetSuitePermits permits = account.permits();
			if (permits == null) {
				continue;
			}
			String realm = account.id().realm();
			Gauge.builder(IN_FLIGHT, permits, NetSuitePermits::inFlight)
				.description("NetSuite requests on the wire, holding a concurrency permit")
				.tag(ACCOUNT.asString(), realm)
				.strongReference(true)
				.register(registry);
			Gauge.builder(WAITING, permits, NetSuitePermits::waiting)
				.description("NetSuite requests waiting for a concurrency permit")
				.tag(ACCOUNT.asString(), realm)
				.strongReference(true)
				.register(registry);
			Gauge.builder(LIMIT, permits, NetSuitePermits::limit)
				.description("Most NetSuite requests in flight at once now")
				.tag(ACCOUNT.asString(), realm)
				.strongReference(true)
				.register(registry);
		}
	}

}
