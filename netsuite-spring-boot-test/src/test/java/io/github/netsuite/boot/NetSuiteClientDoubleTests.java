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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.RestletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link NetSuiteClient} as auto-configured, against the NetSuite double, which checks
 * every signature as NetSuite does.
 */
@SpringBootTest(classes = NetSuiteClientDoubleTests.TestApplication.class)
@EnableNetSuiteDouble
class NetSuiteClientDoubleTests {

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void readsA2500RowResultAcrossThreePages() {
		this.netSuite.table("customer", 2_500, NetSuiteClientDoubleTests::customer);
		List<Customer> customers = this.client.suiteql("SELECT id, companyname FROM customer ORDER BY id")
			.stream(Customer.class)
			.toList();
		assertThat(customers).hasSize(2_500);
		assertThat(customers.get(0)).isEqualTo(new Customer("1", "Customer 1"));
		assertThat(customers.get(2_499)).isEqualTo(new Customer("2500", "Customer 2500"));
		assertThat(suiteQlRequests()).isEqualTo(3);
	}

	@Test
	void readsA250000RowTablePastTheOffsetCeilingByKeysetOneBoundedPageAtATime() {
		this.netSuite.table("transaction", 250_000, NetSuiteClientDoubleTests::customer);
		AtomicLong count = new AtomicLong();
		AtomicLong previous = new AtomicLong();
		// Consumed as it streams: nothing holds more than one page of rows.
		this.client.suiteql("SELECT id FROM transaction ORDER BY id").stream().forEach((row) -> {
			long id = Long.parseLong((String) row.get("id"));
			assertThat(id).isEqualTo(previous.get() + 1);
			previous.set(id);
			count.incrementAndGet();
		});
		assertThat(count).hasValue(250_000);
		assertThat(suiteQlRequests()).isEqualTo(250);
	}

	@Test
	void failsPastTheOffsetCeilingWhenTheQueryCannotContinueByKeyset() {
		this.netSuite.table("item", 100_500, NetSuiteClientDoubleTests::customer);
		AtomicLong count = new AtomicLong();
		assertThatExceptionOfType(NetSuiteQueryLimitException.class)
			.isThrownBy(() -> this.client.suiteql("SELECT id FROM item ORDER BY id DESC")
				.stream()
				.forEach((row) -> count.incrementAndGet()))
			.withMessageContaining("more than 100000 rows")
			.satisfies((ex) -> assertThat(ex.getHint()).contains("ORDER BY id"));
		assertThat(count).hasValue(100_000);
	}

	@Test
	void readsOnePageAndTheFirstRow() {
		this.netSuite.table("customer", 2_500, NetSuiteClientDoubleTests::customer);
		NetSuitePage<Map<String, Object>> page = this.client.suiteql("SELECT id FROM customer ORDER BY id")
			.page(1000, 2000);
		assertThat(page.count()).isEqualTo(500);
		assertThat(page.hasMore()).isFalse();
		assertThat(page.totalResults()).isEqualTo(2500);
		assertThat(this.client.suiteql("SELECT id, companyname FROM customer ORDER BY id").first(Customer.class))
			.contains(new Customer("1", "Customer 1"));
	}

	@Test
	void createsReadsUpdatesUpsertsAndDeletesRecords() {
		this.netSuite.records("customer").clear();
		String id = this.client.records("customer").create(Map.of("companyname", "Acme", "email", "a@acme.test"));
		assertThat(this.netSuite.records("customer").get(id)).containsEntry("companyname", "Acme");
		this.client.record("customer", id).update(Map.of("email", "b@acme.test"));
		// The record API answers record-style names, whatever spelling the record was created with
		assertThat(this.client.record("customer", id).get()).containsEntry("email", "b@acme.test")
			.containsEntry("companyName", "Acme");
		this.client.records("customer").upsert("EXT-1", Map.of("companyname", "Upserted"));
		assertThat(this.netSuite.records("customer").findByExternalId("EXT-1")).containsEntry("companyname",
				"Upserted");
		this.client.record("customer", id).delete();
		assertThat(this.netSuite.records("customer").get(id)).isNull();
	}

	@Test
	void surfacesAMissingRecordAsNotFound() {
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.record("customer", "987654").get())
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID"));
	}

	@Test
	void surfacesAnUncaughtRestletScriptErrorAsAScriptError() {
		this.netSuite.restlet("customscript_fail", "customdeploy_fail", (call) -> {
			throw new IllegalStateException("The script failed on purpose");
		});
		assertThatExceptionOfType(NetSuiteScriptException.class)
			.isThrownBy(() -> this.client.restlet("customscript_fail", "customdeploy_fail").post(Map.of(), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("UNEXPECTED_ERROR");
				assertThat(ex.getDetail()).isEqualTo("The script failed on purpose");
				assertThat(ex.getHint()).contains("Execution Log");
			});
	}

	@Test
	void callsRestletsWithEveryParameterSignedAsSent() {
		this.netSuite.restlet("customscript_echo", "customdeploy_echo",
				(request) -> RestletResponse.json(Map.of("method", request.method(), "parameters",
						request.parameters(), "body", String.valueOf(request.body()))));
		Answer answer = this.client.restlet("customscript_echo", "customdeploy_echo")
			.param("name", "Müller & Söhne")
			.param("expr", "a+b=c*!'()")
			.post(Map.of("x", 1), Answer.class)
			.orElseThrow();
		assertThat(answer.method()).isEqualTo("POST");
		assertThat(answer.parameters()).containsEntry("name", "Müller & Söhne")
			.containsEntry("expr", "a+b=c*!'()")
			.containsEntry("script", "customscript_echo");
		assertThat(answer.body()).isEqualTo("{\"x\":1}");
		assertThat(this.netSuite.loginAuditTrail()).extracting(LoginAttempt::reason).containsOnly("Success");
	}

	@Test
	void surfacesADisabledRoleWithTheFix() {
		this.netSuite.roleDisabled(true);
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> this.client.suiteql("SELECT id FROM customer").first())
			.satisfies((ex) -> {
				assertThat(ex.getDetail()).isEqualTo("Login access has been disabled for this role.");
				assertThat(ex.getHint()).contains("User Access Tokens");
			})
			.withMessageNotContaining(this.netSuite.tokenSecret())
			.withMessageNotContaining(this.netSuite.consumerSecret());
	}

	@Test
	void surfacesAnInvalidLoginFromRestletsWithTheChecklist() {
		this.netSuite.invalidLogin(true);
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> this.client.restlet("1", "1").get(String.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("INVALID_LOGIN_ATTEMPT"));
	}

	private long suiteQlRequests() {
		return this.netSuite.loginAuditTrail()
			.stream()
			.filter((attempt) -> attempt.path().startsWith("/services/rest/query/v1/suiteql"))
			.count();
	}

	private static Map<String, Object> customer(int index) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", String.valueOf(index + 1));
		row.put("companyname", "Customer " + (index + 1));
		return row;
	}

	record Customer(String id, String companyname) {
	}

	record Answer(String method, Map<String, String> parameters, String body) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
