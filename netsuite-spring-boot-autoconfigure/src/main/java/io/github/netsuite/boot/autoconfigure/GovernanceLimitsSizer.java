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

import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuitePermits;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.MediaType;

/**
 * Sizes the permits of every account with {@code concurrency.use-governance-limits} at
 * start-up from what NetSuite grants the integration
 * ({@code GET /services/rest/system/v1/governanceLimits}): it replaces the configured
 * limit as the ceiling, which an adaptive limit then never grows above. Only
 * administrators may read it, so any failure keeps the configured limit.
 *
 * @author NetSuite Spring Boot team
 */
class GovernanceLimitsSizer implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(GovernanceLimitsSizer.class);

	private final NetSuiteAccounts accounts;

	private final NetSuiteProperties properties;

	GovernanceLimitsSizer(NetSuiteAccounts accounts, NetSuiteProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (NetSuiteAccount account : this.accounts.all()) {
			NetSuitePermits permits = account.permits();
			if (this.properties.accountSettings(account.name()).getConcurrency().isUseGovernanceLimits()
					&& permits != null) {
				size(account, permits);
			}
		}
	}

	private void size(NetSuiteAccount account, NetSuitePermits permits) {
		try {
			Map<?, ?> limits = account.restClient()
				.get()
				.uri("/services/rest/system/v1/governanceLimits")
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(Map.class);
			int limit = (limits != null) ? limitFor(limits) : 0;
			if (limit > 0) {
				permits.resize(limit);
				logger.info("NetSuite grants this integration " + limit + " concurrent requests on account "
						+ account.id().realm() + "; using that: " + permits.description());
			}
		}
		catch (RuntimeException ex) {
			logger.info("Could not read NetSuite's governance limits of account " + account.id().realm() + " ("
					+ ex.getClass().getSimpleName() + "); keeping its " + permits.description());
		}
	}

	// An integration with its own allocation gets that; the others share what is unallocated.
	static int limitFor(Map<?, ?> limits) {
		String key = "integrationSpecific".equals(limits.get("integrationLimitType")) ? "integrationConcurrencyLimit"
				: "accountUnallocatedConcurrencyLimit";
		int limit = number(limits.get(key));
		return (limit > 0) ? limit : number(limits.get("accountConcurrencyLimit"));
	}

	private static int number(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

}
