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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A restartable {@link ItemStreamReader} of SuiteQL rows, read a page at a time by keyset:
 * the rows ordered by a unique key column, each page the rows after the last key read
 * ({@code WHERE key > :last ORDER BY key}), so that no page depends on an offset, and
 * NetSuite's 100,000-row offset ceiling never applies. The key of the last row handed out
 * is saved in the step's {@link ExecutionContext} on {@link #update(ExecutionContext)} and
 * read back on {@link #open(ExecutionContext)}: a restarted step continues after the last
 * chunk committed, without reading the rows before it again. Rows read ahead in a page but
 * not handed out are read again after a restart. Not thread-safe, as Spring Batch's other
 * readers that keep state.
 * <p>
 * Build one with {@link NetSuiteItemReaderBuilder}:
 * <pre class="code">
 * NetSuiteItemReader&lt;Customer&gt; reader = new NetSuiteItemReaderBuilder&lt;Customer&gt;()
 *     .name("customers")
 *     .client(client)
 *     .query("SELECT id, companyname, email FROM customer WHERE isinactive = 'F'")
 *     .key("id")
 *     .type(Customer.class)
 *     .build();
 * </pre>
 *
 * @param <T> the item type
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteItemReader<T> implements ItemStreamReader<T> {

	static final String LAST_KEY = "last.key";

	private final String name;

	private final NetSuiteClient client;

	private final KeysetQuery query;

	private final Class<T> type;

	private final ObjectMapper mapper;

	private final int pageSize;

	private final boolean saveState;

	private final Deque<Map<String, Object>> page = new ArrayDeque<>();

	private @Nullable String lastRead;

	private @Nullable String lastHanded;

	private boolean exhausted;

	NetSuiteItemReader(String name, NetSuiteClient client, KeysetQuery query, Class<T> type, ObjectMapper mapper,
			int pageSize, boolean saveState) {
		this.name = name;
		this.client = client;
		this.query = query;
		this.type = type;
		this.mapper = mapper;
		this.pageSize = pageSize;
		this.saveState = saveState;
	}

	/**
	 * Continue after the key saved in the execution context, if there is one, else start at
	 * the first row.
	 * @param executionContext the step's execution context
	 */
	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		this.page.clear();
		this.exhausted = false;
		String saved = (this.saveState && executionContext.containsKey(key(LAST_KEY)))
				? executionContext.getString(key(LAST_KEY)) : null;
		this.lastRead = saved;
		this.lastHanded = saved;
	}

	/**
	 * Hand out the next row, reading the next page when the current one is used up.
	 * @return the row, or {@code null} after the last
	 */
	@Override
	public @Nullable T read() {
		if (this.page.isEmpty() && !this.exhausted) {
			readPage();
		}
		Map<String, Object> row = this.page.poll();
		if (row == null) {
			return null;
		}
		this.lastHanded = keyOf(row);
		return this.type.isInstance(row) ? this.type.cast(row) : this.mapper.convertValue(row, this.type);
	}

	/**
	 * Save the key of the last row handed out.
	 * @param executionContext the step's execution context
	 */
	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		if (this.saveState && this.lastHanded != null) {
			executionContext.putString(key(LAST_KEY), this.lastHanded);
		}
	}

	@Override
	public void close() throws ItemStreamException {
		this.page.clear();
	}

	private void readPage() {
		NetSuitePage<Map<String, Object>> rows = this.client.suiteql(this.query.after(this.lastRead))
			.page(this.pageSize, 0);
		for (Map<String, Object> row : rows.items()) {
			this.lastRead = keyOf(row);
			this.page.add(row);
		}
		// A short page is the last; hasMore alone would cost one empty page more when it errs
		this.exhausted = rows.items().size() < this.pageSize || !rows.hasMore();
	}

	private String keyOf(Map<String, Object> row) {
		Object value = row.get(this.query.field());
		if (value == null) {
			throw new ItemStreamException("A row has no value in the key column '" + this.query.key()
					+ "': the reader continues by that column, so it must be in the query's SELECT and never null");
		}
		return value.toString();
	}

	private String key(String suffix) {
		return this.name + "." + suffix;
	}

	@Override
	public String toString() {
		return "NetSuiteItemReader[" + this.name + "]";
	}

}
