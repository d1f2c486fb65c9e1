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
import java.util.function.Function;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.RecordBatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Builds a {@link NetSuiteItemWriter}, as Spring Batch's own writer builders do. Without
 * an {@link #upsert(Function) external ID} the writer creates records.
 *
 * @param <T> the item type
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteItemWriterBuilder<T> {

	private @Nullable String name;

	private @Nullable NetSuiteClient client;

	private @Nullable String recordType;

	private int batchSize;

	private @Nullable Function<? super T, @Nullable Object> externalId;

	private @Nullable String externalIdField;

	private @Nullable ObjectMapper mapper;

	private boolean saveState = true;

	/**
	 * Set the name of the writer, which prefixes its keys in the execution context and is
	 * part of its idempotency keys. Needed when the state is saved (the default).
	 * @param name the name, unique among the step's streams
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> name(String name) {
		this.name = name;
		return this;
	}

	/**
	 * Set the client to write through.
	 * @param client the client, such as the auto-configured one
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> client(NetSuiteClient client) {
		this.client = client;
		return this;
	}

	/**
	 * Write through the client of an account.
	 * @param account the account, such as a named one of {@code NetSuiteAccounts}
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> account(NetSuiteAccount account) {
		return client(account.client());
	}

	/**
	 * Set the type of the records written.
	 * @param recordType the record type, such as {@code customer}
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> recordType(String recordType) {
		this.recordType = recordType;
		return this;
	}

	/**
	 * Set the number of records per batch request; a chunk larger than this is written in
	 * several requests.
	 * @param batchSize 1 to 100; by default {@code netsuite.batch.size}
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> batchSize(int batchSize) {
		Assert.isTrue(batchSize >= 1 && batchSize <= 100, "'batchSize' must be between 1 and 100");
		this.batchSize = batchSize;
		return this;
	}

	/**
	 * Upsert each item by the external ID the function gives: the safe way to write a
	 * chunk again after a restart.
	 * @param externalId the item's external ID; never null or blank
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> upsert(Function<? super T, @Nullable Object> externalId) {
		this.externalId = externalId;
		this.externalIdField = null;
		return this;
	}

	/**
	 * Upsert each item by the external ID in one of its fields (as Jackson writes the item).
	 * @param field the field, such as {@code externalId}
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> upsert(String field) {
		Assert.hasText(field, "'field' must not be empty");
		this.externalId = null;
		this.externalIdField = field;
		return this;
	}

	/**
	 * Upsert each item by the external ID in its {@code externalId} field.
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> upsert() {
		return upsert("externalId");
	}

	/**
	 * Set the mapper of items to their JSON fields and fingerprints.
	 * @param mapper the mapper; by default one as the client's own
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> jsonMapper(ObjectMapper mapper) {
		this.mapper = mapper;
		return this;
	}

	/**
	 * Set whether the writer saves the number of items written in the execution context,
	 * which positions its idempotency keys after a restart.
	 * @param saveState whether it does; {@code true} by default
	 * @return this builder
	 */
	public NetSuiteItemWriterBuilder<T> saveState(boolean saveState) {
		this.saveState = saveState;
		return this;
	}

	/**
	 * Build the writer.
	 * @return the writer
	 */
	public NetSuiteItemWriter<T> build() {
		NetSuiteClient client = this.client;
		String recordType = this.recordType;
		Assert.state(client != null, "A client or an account is required");
		Assert.state(recordType != null && !recordType.isBlank(), "A record type is required");
		Assert.state(!this.saveState || StringUtils.hasText(this.name), "A name is required when the state is saved");
		RecordBatch batch = client.records(recordType).batch();
		if (this.batchSize != 0) {
			batch = batch.size(this.batchSize);
		}
		ObjectMapper itemMapper = (this.mapper != null) ? this.mapper : NetSuiteItemReaderBuilder.defaultMapper();
		String field = this.externalIdField;
		Function<? super T, @Nullable Object> externalIds = (field != null) ? (item) -> field(itemMapper, item, field)
				: this.externalId;
		String writerName = StringUtils.hasText(this.name) ? this.name : "netSuiteItemWriter";
		return new NetSuiteItemWriter<>(writerName, batch, externalIds, itemMapper, this.saveState);
	}

	private static @Nullable Object field(ObjectMapper mapper, Object item, String field) {
		Map<?, ?> fields = (item instanceof Map<?, ?> map) ? map : mapper.convertValue(item, Map.class);
		return fields.get(field);
	}

}
