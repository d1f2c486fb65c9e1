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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SuiteQL a feed sends: explicit formats both ways, a closed window, a total order.
 */
class ChangeQueriesTests {

	@Test
	void modificationsAreReadInAClosedWindowWithTimesAsTextInOneFormat() {
		assertThat(ChangeQueries.modifiedQuery("customer", new ChangeQueries.Columns("datecreated", true),
				"2026-12-05 10:00:00", "2026-12-05 10:05:00"))
			.isEqualTo("SELECT id, externalid, TO_CHAR(datecreated, 'YYYY-MM-DD HH24:MI:SS') AS created,"
					+ " TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM customer"
					+ " WHERE lastmodifieddate >= TO_TIMESTAMP('2026-12-05 10:00:00', 'YYYY-MM-DD HH24:MI:SS')"
					+ " AND lastmodifieddate < TO_TIMESTAMP('2026-12-05 10:05:00', 'YYYY-MM-DD HH24:MI:SS')"
					+ " ORDER BY lastmodifieddate, id");
	}

	@Test
	void aTableWithoutCreationOrExternalIdColumnsIsAskedForItsModificationsOnly() {
		assertThat(ChangeQueries.modifiedQuery("customrecord_log", new ChangeQueries.Columns(null, false),
				"2026-12-05 10:00:00", "2026-12-05 10:05:00"))
			.startsWith("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM customrecord_log WHERE");
	}

	@Test
	void deletionsAreReadFromDeletedRecordForTheTypeAsALiteral() {
		assertThat(ChangeQueries.deletedQuery("customer", "2026-12-05 10:00:00", "2026-12-05 10:05:00"))
			.isEqualTo("SELECT recordid, TO_CHAR(deleteddate, 'YYYY-MM-DD HH24:MI:SS') AS deleted FROM deletedrecord"
					+ " WHERE type = 'customer'"
					+ " AND deleteddate >= TO_TIMESTAMP('2026-12-05 10:00:00', 'YYYY-MM-DD HH24:MI:SS')"
					+ " AND deleteddate < TO_TIMESTAMP('2026-12-05 10:05:00', 'YYYY-MM-DD HH24:MI:SS')"
					+ " ORDER BY deleteddate, recordid");
	}

	@Test
	void onlyPlainTableNamesAreFollowed() {
		assertThat(ChangeQueries.isTableName("customrecord_order_2")).isTrue();
		assertThat(ChangeQueries.isTableName("customer; DROP")).isFalse();
		assertThat(ChangeQueries.isTableName("")).isFalse();
	}

}
