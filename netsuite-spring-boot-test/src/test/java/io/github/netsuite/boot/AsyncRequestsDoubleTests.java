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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Asynchronous requests and idempotent writes of {@link NetSuiteClient} as auto-configured,
 * against the NetSuite double's async jobs.
 */
@SpringBootTest(classes = AsyncRequestsDoubleTests.TestApplication.class,
		properties = { "netsuite.async.poll-interval=10ms", "netsuite.async.max-poll-interval=20ms" })
@EnableNetSuiteDouble
class AsyncRequestsDoubleTests {

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void awaitsAnAsyncSuiteQlQueryForTheRowsTheSynchronousQueryWouldHaveAnswered() {
		this.netSuite.table("vendor", List.of(Map.of("id", "1", "companyname", "V1"), Map.of("id", "2", "companyname", "V2")));
		NetSuiteJob.Result result = this.client.async(HttpMethod.POST, "/services/rest/query/v1/suiteql?limit={limit}", 10)
			.header("Prefer", "transient")
			.body(Map.of("q", "SELECT id, companyname FROM vendor ORDER BY id"))
			.submit()
			.await();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body(Map.class)).containsEntry("count", 2);
	}

	@Test
	void waitsOutTheJobsDelayBeforeReturningTheNewId() {
		this.netSuite.asyncDelay(Duration.ofMillis(150));
		long start = System.nanoTime();
		String id = this.client.records("partner").exactlyOnce().create(Map.of("companyname", "P"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		assertThat(this.netSuite.records("partner").get(id)).containsEntry("companyname", "P");
	}

	@Test
	void updatesAndUpsertsIdempotentlyThroughJobs() {
		this.netSuite.records("contact").put(5, Map.of("firstname", "Ann"));
		this.client.record("contact", "5").exactlyOnce().update(Map.of("lastname", "Lee"));
		this.client.records("contact").exactlyOnce().upsert("EXT-9", Map.of("firstname", "Bo"));
		assertThat(this.netSuite.records("contact").get(5)).containsEntry("firstname", "Ann")
			.containsEntry("lastname", "Lee");
		assertThat(this.netSuite.records("contact").findByExternalId("EXT-9")).containsEntry("firstname", "Bo");
	}

	@Test
	void surfacesAFailedJobAsTheExceptionOfTheSynchronousWrite() {
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.record("contact", "999999").exactlyOnce().update(Map.of("a", 1)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID");
				assertThat(ex.getMethod()).isEqualTo("PATCH");
				assertThat(ex.getPath()).isEqualTo("/services/rest/record/v1/contact/999999");
			});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
