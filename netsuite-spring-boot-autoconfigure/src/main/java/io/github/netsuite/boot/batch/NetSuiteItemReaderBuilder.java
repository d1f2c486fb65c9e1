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
import io.github.netsuite.boot.NetSuiteClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Builds a {@link NetSuiteItemReader}, as Spring Batch's own reader builders do.
 *
 * @param <T> the item type
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteItemReaderBuilder<T> {

	static final int DEFAULT_PAGE_SIZE = 1000;

	private @Nullable String name;

	private @Nullable NetSuiteClient client;

	private @Nullable String query;

	private String key = "id";

	private @Nullable Class<? extends T> type;

	private @Nullable ObjectMapper mapper;

	private int pageSize = DEFAULT_PAGE_SIZE;

	private boolean saveState = true;

	/**
	 * Set the name of the reader, which prefixes its keys in the execution context. Needed
	 * when the state is saved (the default).
	 * @param name the name, unique among the step's streams
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> name(String name) {
		this.name = name;
		return this;
	}

	/**
	 * Set the client to read through.
	 * @param client the client, such as the auto-configured one
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> client(NetSuiteClient client) {
		this.client = client;
		return this;
	}

	/**
	 * Read through the client of an account.
	 * @param account the account, such as a named one of {@code NetSuiteAccounts}
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> account(NetSuiteAccount account) {
		return client(account.client());
	}

	/**
	 * Set the SuiteQL query, without an {@code ORDER BY} (the reader orders the rows by the
	 * {@link #key(String) key}), {@code GROUP BY} or {@code UNION}. Values from outside
	 * belong in it only through {@link io.github.netsuite.boot.SuiteQl#literal(String)}.
	 * @param query the query, such as
	 * {@code SELECT id, companyname FROM customer WHERE isinactive = 'F'}
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> query(String query) {
		this.query = query;
		return this;
	}

	/**
	 * Set the column the rows are ordered and continued by: unique, never null, and in the
	 * query's {@code SELECT}.
	 * @param key the column; {@code id} by default
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> key(String key) {
		this.key = key;
		return this;
	}

	/**
	 * Set the type each row is mapped to (by Jackson, columns to properties); without one,
	 * each row is a {@code Map} of column to value.
	 * @param type the item type
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> type(Class<? extends T> type) {
		this.type = type;
		return this;
	}

	/**
	 * Set the mapper of rows to the {@link #type(Class) type}.
	 * @param mapper the mapper; by default one that ignores unknown properties, as the
	 * client's own
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> jsonMapper(ObjectMapper mapper) {
		this.mapper = mapper;
		return this;
	}

	/**
	 * Set the number of rows per request.
	 * @param pageSize 1 to 1000 (the default)
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> pageSize(int pageSize) {
		this.pageSize = pageSize;
		return this;
	}

	/**
	 * Set whether the reader saves the last key handed out in the execution context, so
	 * that a restart continues after it.
	 * @param saveState whether it does; {@code true} by default
	 * @return this builder
	 */
	public NetSuiteItemReaderBuilder<T> saveState(boolean saveState) {
		this.saveState = saveState;
		return this;
	}

	/**
	 * Build the reader.
	 * @return the reader
	 */
	@SuppressWarnings("unchecked")
	public NetSuiteItemReader<T> build() {
		Assert.state(this.client != null, "A client or an account is required");
		Assert.state(StringUtils.hasText(this.query), "A query is required");
		Assert.state(!this.saveState || StringUtils.hasText(this.name), "A name is required when the state is saved");
		Assert.state(this.pageSize >= 1 && this.pageSize <= DEFAULT_PAGE_SIZE, "'pageSize' must be between 1 and 1000");
		Class<T> itemType = (Class<T>) ((this.type != null) ? this.type : Map.class);
		ObjectMapper itemMapper = (this.mapper != null) ? this.mapper : defaultMapper();
		String itemName = StringUtils.hasText(this.name) ? this.name : "netSuiteItemReader";
		return new NetSuiteItemReader<>(itemName, this.client, KeysetQuery.of(this.query, this.key), itemType,
				itemMapper, this.pageSize, this.saveState);
	}

	static JsonMapper defaultMapper() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

}
