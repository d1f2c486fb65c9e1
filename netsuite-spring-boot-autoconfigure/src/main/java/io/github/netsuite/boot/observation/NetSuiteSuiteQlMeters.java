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

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;

/**
 * Counts the SuiteQL pages ({@code netsuite.suiteql.pages}) and rows
 * ({@code netsuite.suiteql.rows}) the {@code NetSuiteClient}s read, tagged with each
 * account's realm.
 *
 * @author NetSuite Spring Boot team
 */
class NetSuiteSuiteQlMeters implements SuiteQlPageListener {

	/**
	 * Name of the counter of SuiteQL pages read.
	 */
	static final String PAGES = "netsuite.suiteql.pages";

	/**
	 * Name of the counter of SuiteQL rows read.
	 */
	static final String ROWS = "netsuite.suiteql.rows";

	private final MeterRegistry registry;

	// A handful of accounts: their counters are looked up, not registered, per page.
	private final Map<AccountId, Counter[]> counters = new ConcurrentHashMap<>();

	/**
	 * Create the counters.
	 * @param registry the registry the counters go to
	 */
	NetSuiteSuiteQlMeters(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void pageRead(AccountId account, int rows) {
		Counter[] counters = this.counters.computeIfAbsent(account, this::register);
		counters[0].increment();
		counters[1].increment(rows);
	}

	private Counter[] register(AccountId account) {
		Counter pages = Counter.builder(PAGES)
			.description("SuiteQL pages read")
			.baseUnit("pages")
			.tag(ACCOUNT.asString(), account.realm())
			.register(this.registry);
		Counter rows = Counter.builder(ROWS)
			.description("SuiteQL rows read")
			.baseUnit("rows")
			.tag(ACCOUNT.asString(), account.realm())
			.register(this.registry);
		return new Counter[] { pages, rows };
	}

}
