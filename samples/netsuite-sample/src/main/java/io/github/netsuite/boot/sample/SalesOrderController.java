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

import java.net.URI;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order to cash: a sales order transformed into its invoice, one call to NetSuite.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
class SalesOrderController {

	private final NetSuiteClient netSuite;

	SalesOrderController(NetSuiteClient netSuite) {
		this.netSuite = netSuite;
	}

	/**
	 * Invoice a sales order: NetSuite creates the invoice from the order's open lines and
	 * links it to the order ({@code createdFrom}). An order with nothing left to bill is
	 * NetSuite's 400.
	 * @param id the sales order's internal ID
	 * @return 201 with the invoice's internal ID and its location
	 */
	@PostMapping("/sales-orders/{id}/invoice")
	ResponseEntity<Map<String, String>> invoice(@PathVariable String id) {
		String invoice = this.netSuite.record("salesOrder", id).transform("invoice");
		return ResponseEntity.created(URI.create("/invoices/" + invoice)).body(Map.of("id", invoice));
	}

	/**
	 * One invoice record, with its lines.
	 * @param id the invoice's internal ID
	 * @return the record; a missing one is NetSuite's 404 {@code NONEXISTENT_ID}
	 */
	@GetMapping("/invoices/{id}")
	@Nullable Map<String, Object> invoiceRecord(@PathVariable String id) {
		return this.netSuite.record("invoice", id).expandSubResources().get();
	}

}
