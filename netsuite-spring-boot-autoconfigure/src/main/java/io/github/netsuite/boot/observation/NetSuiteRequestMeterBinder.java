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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;
import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.API;

/**
 * Registers the counters {@code netsuite.retries} and {@code netsuite.throttled} at zero
 * for every account and API it calls ({@code rest}, {@code suiteql}, {@code restlet} and,
 * with OAuth 2.0, {@code token}), so that they are in {@code /actuator/metrics} and in
 * every export from the start rather than from the first retry or throttled request.
 * {@link NetSuiteMeterObservationHandler} counts on the same meters.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteRequestMeterBinder implements MeterBinder {

	private final NetSuiteAccounts accounts;

	/**
	 * Create a binder.
	 * @param accounts the accounts whose counters to register
	 */
	NetSuiteRequestMeterBinder(NetSuiteAccounts accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (NetSuiteAccount account : this.accounts.all()) {
			for (String api : apis(account)) {
				counter(NetSuiteMeterObservationHandler.RETRIES, NetSuiteMeterObservationHandler.RETRIES_DESCRIPTION,
						account, api, registry);
				counter(NetSuiteMeterObservationHandler.THROTTLED,
						NetSuiteMeterObservationHandler.THROTTLED_DESCRIPTION, account, api, registry);
			}
		}
	}

	private static List<String> apis(NetSuiteAccount account) {
		List<String> apis = new ArrayList<>(List.of(NetSuiteRequestContext.API_REST,
				NetSuiteRequestContext.API_SUITEQL, NetSuiteRequestContext.API_RESTLET));
		if (account.authentication().requestsTokens()) {
			apis.add(NetSuiteRequestContext.API_TOKEN);
		}
		return apis;
	}

	private static void counter(String name, String description, NetSuiteAccount account, String api,
			MeterRegistry registry) {
		Counter.builder(name)
			.description(description)
			.tag(ACCOUNT.asString(), account.id().realm())
			.tag(API.asString(), api)
			.register(registry);
	}

}
