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

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints in the table {@code NETSUITE_CHANGE_CHECKPOINT} of the application's database
 * (scripts in {@code META-INF/netsuite/changes-schema-<platform>.sql}).
 *
 * @author NetSuite Spring Boot team
 */
final class JdbcCheckpointStore implements CheckpointStore {

	static final String TABLE = "NETSUITE_CHANGE_CHECKPOINT";

	private final JdbcTemplate jdbc;

	JdbcCheckpointStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public @Nullable String load(String feed) {
		List<String> found = this.jdbc.queryForList("SELECT CHECKPOINT_VALUE FROM " + TABLE + " WHERE FEED = ?",
				String.class, feed);
		return found.isEmpty() ? null : found.get(0);
	}

	@Override
	public void save(String feed, String checkpoint) {
		Timestamp now = Timestamp.from(Instant.now());
		// Only the lock holder writes a feed's row: an update, else an insert, does not race
		int updated = this.jdbc.update("UPDATE " + TABLE + " SET CHECKPOINT_VALUE = ?, UPDATED_AT = ? WHERE FEED = ?",
				checkpoint, now, feed);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO " + TABLE + " (FEED, CHECKPOINT_VALUE, UPDATED_AT) VALUES (?, ?, ?)", feed,
					checkpoint, now);
		}
	}

	@Override
	public String describe() {
		return "jdbc";
	}

}
