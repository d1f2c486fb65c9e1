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
package io.github.netsuite.boot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the rows of SuiteQL queries and datasets to Java types. NetSuite names their columns
 * in lower case ({@code companyname}), so rows are read with a mapper derived from the
 * account's that matches property names ignoring case ({@code companyName}); record reads
 * keep the account's mapper and the REST field names. A row none of whose columns is a
 * property of the type is refused rather than mapped to an object of nulls; a column that
 * is no property of the type is logged once per type.
 *
 * @author NetSuite Spring Boot team
 */
final class Rows {

	private static final Log logger = LogFactory.getLog(Rows.class);

	// Where the handler collects the columns the type has no property for, per row.
	private static final Object UNMAPPED = new Object();

	// Enough to tell a mistake once per type without growing with every query ever run.
	private static final int MAX_REPORTED = 1000;

	private final ObjectMapper mapper;

	private final ObjectMapper rowMapper;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	Rows(ObjectMapper mapper) {
		this.mapper = mapper;
		this.rowMapper = mapper.rebuild()
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			// Jackson folds names in the mapper's locale: in Turkish, isInactive would not
			// read NetSuite's ASCII isinactive
			.defaultLocale(Locale.ROOT)
			.addHandler(new UnmappedColumns())
			.build();
	}

	/**
	 * Return a row as a map of column to value, the column names as NetSuite answered them.
	 * @param row the row
	 * @return the map
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> toMap(ObjectNode row) {
		return this.mapper.treeToValue(row, Map.class);
	}

	/**
	 * Return a row mapped to a type, its properties matched to columns ignoring case.
	 * @param <T> the type
	 * @param row the row
	 * @param type the type
	 * @param source what the row comes from, for messages: {@code SuiteQL} or {@code dataset}
	 * @return the value
	 * @throws IllegalArgumentException if the row has columns and none of them is a property
	 * of the type
	 */
	<T> T map(ObjectNode row, Class<T> type, String source) {
		Set<String> unmapped = new HashSet<>();
		ObjectReader reader = this.rowMapper.readerFor(type).withAttribute(UNMAPPED, unmapped);
		T value = reader.readValue(row);
		if (unmapped.isEmpty()) {
			return value;
		}
		List<String> columns = new ArrayList<>(row.propertyNames());
		List<String> missed = columns.stream().filter(unmapped::contains).toList();
		if (!missed.isEmpty() && missed.size() == columns.size()) {
			throw new IllegalArgumentException("None of the columns " + columns + " of the " + source + " row is a property of "
					+ type.getName() + ", so every property would be null. Properties match columns ignoring case "
					+ "(companyName reads companyname) but not underscores: alias the column (SELECT company_name AS "
					+ "companyName) or name the property after it");
		}
		report(type, missed, source);
		return value;
	}

	private void report(Class<?> type, List<String> missed, String source) {
		for (String column : missed) {
			String key = type.getName() + "\0" + column;
			if (this.reported.size() < MAX_REPORTED && this.reported.add(key)) {
				logger.warn("Column '" + column + "' of " + source + " rows is no property of " + type.getName()
						+ " and is left out (properties match columns ignoring case, not underscores)");
			}
		}
	}

	/**
	 * Notes each column of a row the type has no property for, and leaves it to the
	 * mapper's own settings whether that fails.
	 */
	private static final class UnmappedColumns extends DeserializationProblemHandler {

		@Override
		@SuppressWarnings("unchecked")
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			if (context.getAttribute(UNMAPPED) instanceof Set<?> unmapped) {
				((Set<String>) unmapped).add(propertyName);
			}
			return false;
		}

	}

}
