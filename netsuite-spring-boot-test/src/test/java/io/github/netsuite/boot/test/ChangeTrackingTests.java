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
package io.github.netsuite.boot.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double keeps changes as NetSuite does once a test asks it to: stamps to the minute on a
 * clock the test moves, datetimes in the user's time zone through {@code TO_CHAR} and
 * {@code TO_TIMESTAMP}, and deletions in {@code deletedrecord}.
 */
class ChangeTrackingTests {

	private static final String SUITEQL = "/services/rest/query/v1/suiteql?limit=1000&offset=0";

	private static final String FORMAT = "'YYYY-MM-DD HH24:MI:SS'";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void track() {
		netSuite.clearData();
		// 23:59:30 on December 5th in Los Angeles
		netSuite.trackChanges(ZoneId.of("America/Los_Angeles")).time(Instant.parse("2026-12-06T07:59:30Z"));
	}

	private static JsonNode items(String query) {
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", SUITEQL).suiteQl(query).send();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("items");
	}

	@Test
	void recordsAreStampedToTheMinuteAndReadInTheUsersTimeZone() {
		long id = netSuite.records("customer").add(Map.of("companyName", "Stamped"));
		JsonNode item = items("SELECT id, TO_CHAR(lastmodifieddate, " + FORMAT + ") AS modified, lastmodifieddate,"
				+ " TO_CHAR(datecreated, " + FORMAT + ") FROM customer").get(0);
		assertThat(item.get("id").asText()).isEqualTo(String.valueOf(id));
		assertThat(item.get("modified").asText()).isEqualTo("2026-12-05 23:59:00");
		// Selected raw, a datetime is a date in the user's format
		assertThat(item.get("lastmodifieddate").asText()).isEqualTo("12/5/2026");
		assertThat(item.get("expr4").asText()).isEqualTo("2026-12-05 23:59:00");
		assertThat(netSuite.records("customer").all().get(0)).containsEntry("lastModifiedDate", "2026-12-06T07:59:00Z");
	}

	@Test
	void timestampLiteralsAreReadInTheUsersTimeZoneAndConditionsCombine() {
		long before = netSuite.records("customer").add(Map.of("companyName", "Before midnight"));
		netSuite.advanceTime(Duration.ofMinutes(1));
		long after = netSuite.records("customer").add(Map.of("companyName", "After midnight"));
		JsonNode items = items("SELECT id FROM customer WHERE lastmodifieddate >= TO_TIMESTAMP('2026-12-06 00:00:00', "
				+ FORMAT + ") AND lastmodifieddate < TO_TIMESTAMP('2026-12-06 00:01:00', " + FORMAT + ")");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("id").asText()).isEqualTo(String.valueOf(after));
		JsonNode ordered = items("SELECT id FROM customer ORDER BY lastmodifieddate DESC, id");
		assertThat(ordered.get(0).get("id").asText()).isEqualTo(String.valueOf(after));
		assertThat(ordered.get(1).get("id").asText()).isEqualTo(String.valueOf(before));
	}

	@Test
	void sysdateIsTheDoublesClockInTheUsersTimeZone() {
		netSuite.advanceTime(Duration.ofSeconds(45));
		JsonNode now = items("SELECT TO_CHAR(SYSDATE, " + FORMAT + ") AS now FROM DUAL").get(0);
		assertThat(now.get("now").asText()).isEqualTo("2026-12-06 00:00:15");
	}

	@Test
	void anUpdateMovesTheLastModificationAndKeepsTheCreation() {
		RecordStore customers = netSuite.records("customer");
		long id = customers.add(Map.of("companyName", "Updated"));
		netSuite.advanceTime(Duration.ofMinutes(5));
		customers.put(id, Map.of("companyName", "Updated again"));
		JsonNode item = items("SELECT TO_CHAR(datecreated, " + FORMAT + ") AS created, TO_CHAR(lastmodifieddate, "
				+ FORMAT + ") AS modified FROM customer").get(0);
		assertThat(item.get("created").asText()).isEqualTo("2026-12-05 23:59:00");
		assertThat(item.get("modified").asText()).isEqualTo("2026-12-06 00:04:00");
	}

	@Test
	void aRemovedRecordLeavesARowInDeletedRecord() {
		long id = netSuite.records("customer").add(Map.of("companyName", "Removed"));
		netSuite.records("customer").remove(id);
		JsonNode item = items("SELECT recordid, type, TO_CHAR(deleteddate, " + FORMAT
				+ ") AS deleted FROM deletedrecord WHERE type = 'customer'").get(0);
		assertThat(item.get("recordid").asText()).isEqualTo(String.valueOf(id));
		assertThat(item.get("type").asText()).isEqualTo("customer");
		assertThat(item.get("deleted").asText()).isEqualTo("2026-12-05 23:59:00");
	}

	@Test
	void withoutTrackingRecordsKeepExactlyTheirFields() {
		netSuite.clearData();
		netSuite.records("customer").put(1, Map.of("companyName", "Untouched"));
		assertThat(netSuite.records("customer").get(1)).containsOnlyKeys("companyName", "id");
		assertThat(netSuite.records("deletedrecord").size()).isZero();
	}

}
