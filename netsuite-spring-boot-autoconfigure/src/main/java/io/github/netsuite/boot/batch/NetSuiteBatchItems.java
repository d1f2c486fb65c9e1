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
package io.github.netsuite.boot.batch;

import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import tools.jackson.databind.ObjectMapper;

/**
 * Readers and writers for Spring Batch steps, their builders already set to an account's
 * client and the application's JSON mapper. Auto-configured for the primary account when
 * Spring Batch is on the class path; {@link #account(String)} gives a named one's.
 * <pre class="code">
 * &#64;Bean
 * NetSuiteItemReader&lt;Map&lt;String, Object&gt;&gt; customers(NetSuiteBatchItems items) {
 *     return items.reader().name("customers").query("SELECT id, companyname FROM customer").build();
 * }
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteBatchItems {

	private final NetSuiteAccounts accounts;

	private final NetSuiteAccount account;

	private final ObjectMapper mapper;

	/**
	 * Create the readers and writers of an application's primary account.
	 * @param accounts the application's accounts
	 * @param mapper the mapper of rows to items, and of items to their fingerprints and
	 * external IDs
	 */
	public NetSuiteBatchItems(NetSuiteAccounts accounts, ObjectMapper mapper) {
		this(accounts, accounts.primary(), mapper);
	}

	private NetSuiteBatchItems(NetSuiteAccounts accounts, NetSuiteAccount account, ObjectMapper mapper) {
		this.accounts = accounts;
		this.account = account;
		this.mapper = mapper;
	}

	/**
	 * Return the readers and writers of a named account.
	 * @param name the account's name, as under {@code netsuite.accounts}
	 * @return the readers and writers of that account
	 */
	public NetSuiteBatchItems account(String name) {
		return new NetSuiteBatchItems(this.accounts, this.accounts.get(name), this.mapper);
	}

	/**
	 * Start a reader whose items are maps of column to value.
	 * @return the builder
	 */
	public NetSuiteItemReaderBuilder<Map<String, Object>> reader() {
		return new NetSuiteItemReaderBuilder<Map<String, Object>>().account(this.account).jsonMapper(this.mapper);
	}

	/**
	 * Start a reader whose items are of the given type.
	 * @param <T> the item type
	 * @param type the item type
	 * @return the builder
	 */
	public <T> NetSuiteItemReaderBuilder<T> reader(Class<T> type) {
		return new NetSuiteItemReaderBuilder<T>().account(this.account).jsonMapper(this.mapper).type(type);
	}

	/**
	 * Start a writer of records of the given type.
	 * @param <T> the item type
	 * @param recordType the record type, such as {@code customer}
	 * @return the builder
	 */
	public <T> NetSuiteItemWriterBuilder<T> writer(String recordType) {
		return new NetSuiteItemWriterBuilder<T>().account(this.account).jsonMapper(this.mapper).recordType(recordType);
	}

	@Override
	public String toString() {
		return "NetSuiteBatchItems[" + this.account.name() + "]";
	}

}
