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
package io.github.netsuite.boot.changes;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The checkpoint and lock tables of the JDBC store: checked at start-up, and created from
 * {@code META-INF/netsuite/changes-schema-<platform>.sql} when
 * {@code netsuite.changes.jdbc.initialize-schema} says so.
 *
 * @author NetSuite Spring Boot team
 */
final class JdbcChangeSchema {

	private static final Log logger = LogFactory.getLog(JdbcChangeSchema.class);

	private JdbcChangeSchema() {
	}

	static void ensure(DataSource dataSource, JdbcTemplate jdbc, String mode) {
		if (exists(jdbc)) {
			return;
		}
		String product = product(dataSource);
		String platform = platform(product);
		String script = "META-INF/netsuite/changes-schema-" + platform + ".sql";
		boolean embedded = platform.equals("h2") || product.toLowerCase(Locale.ROOT).contains("hsql")
				|| product.toLowerCase(Locale.ROOT).contains("derby");
		boolean initialize = mode.equalsIgnoreCase("always") || (mode.equalsIgnoreCase("embedded") && embedded);
		if (!initialize || !new ClassPathResource(script).exists()) {
			throw new IllegalStateException("The NetSuite change feeds keep their checkpoints in the table "
					+ JdbcCheckpointStore.TABLE + " and their locks in NETSUITE_LOCK, which the database (" + product
					+ ") does not have: create them with the script " + script
					+ " of netsuite-spring-boot-autoconfigure (scripts exist for h2, postgresql and mysql), or set"
					+ " netsuite.changes.jdbc.initialize-schema=always");
		}
		new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
		logger.info("Created the NetSuite change feed tables from " + script);
	}

	private static boolean exists(JdbcTemplate jdbc) {
		try {
			jdbc.queryForList("SELECT FEED FROM " + JdbcCheckpointStore.TABLE + " WHERE 1 = 0");
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String product(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return (product != null) ? product : "unknown";
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	static String platform(String product) {
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return "postgresql";
		}
		if (name.contains("mysql") || name.contains("mariadb")) {
			return "mysql";
		}
		if (name.contains("h2")) {
			return "h2";
		}
		return name.replaceAll("[^a-z0-9]", "");
	}

}
