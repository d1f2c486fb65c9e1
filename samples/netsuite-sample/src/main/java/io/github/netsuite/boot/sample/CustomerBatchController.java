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
package io.github.netsuite.boot.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.RecordBatch;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers created in bulk through NetSuite's batch operations: up to 100 a request,
 * one answer per customer, in the order given.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
class CustomerBatchController {

	// An item whose outcome could not be learnt: NetSuite may or may not have created it.
	private static final String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";

	private final NetSuiteClient netSuite;

	CustomerBatchController(NetSuiteClient netSuite) {
		this.netSuite = netSuite;
	}

	/**
	 * Create customers. One that NetSuite refuses fails alone.
	 * @param customers the records' fields, such as
	 * {@code [{"companyName": "Acme"}, {"companyName": "Globex"}]}
	 * @return 200 with one answer per customer in the same order: {@code {"id": "…"}}, or
	 * {@code {"error": {"status": …, "errorCode": "…", "detail": "…"}}} with NetSuite's
	 * status, code and detail ({@code 502} and {@code UNKNOWN_OUTCOME} when NetSuite's
	 * answer for the customer could not be learnt)
	 */
	@PostMapping("/customers/batch")
	List<Map<String, Object>> create(@RequestBody List<Map<String, Object>> customers) {
		return this.netSuite.records("customer").batch().create(customers).stream().map(this::answer).toList();
	}

	private Map<String, Object> answer(RecordBatch.Result result) {
		NetSuiteException error = result.error();
		if (error == null) {
			return Map.of("id", result.orElseThrow());
		}
		boolean unknown = error instanceof NetSuiteUnreadableAnswerException unreadable
				&& unreadable.mayHaveExecuted();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", (error.getStatusCode() > 0 && !unknown) ? error.getStatusCode() : 502);
		body.put("errorCode", (error.getErrorCode() != null) ? error.getErrorCode() : UNKNOWN_OUTCOME);
		String detail = (error.getDetail() != null) ? error.getDetail() : error.getMessageWithoutAccount();
		body.put("detail", (detail != null) ? detail : "");
		return Map.of("error", body);
	}

}
