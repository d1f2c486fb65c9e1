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

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.SuiteQlQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * Customers: a SuiteQL query read page by page, and the record API to read, create and
 * upsert one, by internal or external ID.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
@RequestMapping("/customers")
class CustomerController {

	// A unique ORDER BY keeps pages from skipping or repeating rows, and lets the client
	// continue by keyset past NetSuite's 100,000-row offset ceiling
	static final String QUERY = "SELECT id, companyname, email FROM customer ORDER BY id";

	private static final int MAX_PAGE_SIZE = 1000;

	private final NetSuiteClient netSuite;

	CustomerController(NetSuiteClient netSuite) {
		this.netSuite = netSuite;
	}

	/**
	 * Every customer, or the first {@code max}, written as a JSON array while the rows
	 * arrive: the client fetches pages ahead within the account's permits, and no more
	 * than a few pages are held at once, however many customers there are.
	 * @param max how many customers at most
	 * @param response where the array is written
	 * @throws IOException if writing fails, or NetSuite fails once the array has begun: the
	 * customers so far are sent and the connection is then broken, never ended as if the
	 * array were whole
	 */
	@GetMapping
	void customers(@RequestParam(required = false) Integer max, HttpServletResponse response) throws IOException {
		if (max != null && max < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'max' must not be negative");
		}
		SuiteQlQuery query = this.netSuite.suiteql(QUERY);
		if (max != null && max > 0) {
			// No bigger pages than needed, and none past them: ?max=3 reads 3 rows, not 1,000
			query = query.pageSize(Math.min(max, MAX_PAGE_SIZE)).maxRows(max);
		}
		try (Stream<Map<String, Object>> customers = (max != null && max == 0) ? Stream.empty() : query.stream()) {
			Iterator<Map<String, Object>> rows = customers.iterator();
			// The first page before the first byte: its failure is still answered as a problem detail
			rows.hasNext();
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			// The rows are NetSuite's plain values, so the shared mapper writes them as any would
			JsonGenerator json = JsonMapper.shared().createGenerator(response.getOutputStream());
			json.writeStartArray();
			try {
				while (rows.hasNext()) {
					json.writePOJO(rows.next());
				}
			}
			catch (RuntimeException ex) {
				// Too late for an error answer: send every customer so far, whole, and then break
				// the connection (BegunAnswerFilter keeps Boot's error page out of it), so that no
				// client takes the customers so far for all of them. Not as the cause: the starter's
				// problem-details handler would match it and answer as if nothing had been sent
				IOException failure = new IOException(
						"NetSuite failed after the customers had begun to be sent: " + ex.getMessage());
				failure.addSuppressed(ex);
				try {
					json.flush();
					response.flushBuffer();
				}
				catch (IOException | RuntimeException notSent) {
					failure.addSuppressed(notSent);
				}
				throw failure;
			}
			json.writeEndArray();
			json.close();
		}
	}

	/**
	 * One customer record.
	 * @param id the internal ID
	 * @return the record (none when NetSuite answered without a body); a missing one is
	 * NetSuite's 404 {@code NONEXISTENT_ID}
	 */
	@GetMapping("/{id}")
	@Nullable Map<String, Object> customer(@PathVariable String id) {
		return this.netSuite.record("customer", id).get();
	}

	/**
	 * Create a customer. With {@code netsuite.records.exactly-once-writes=true} the client
	 * sends it as an asynchronous request with an idempotency key and answers once
	 * NetSuite's job has completed, so a create whose answer was lost on the way is
	 * repeated without creating the customer twice; the answer here is the same.
	 * @param customer the record's fields, such as {@code {"companyName": "Acme"}}
	 * @return 201 with the new internal ID and the customer's location
	 */
	@PostMapping
	ResponseEntity<Map<String, String>> create(@RequestBody Map<String, Object> customer) {
		String id = this.netSuite.records("customer").create(customer);
		return ResponseEntity.created(URI.create("/customers/" + id)).body(Map.of("id", id));
	}

	/**
	 * Create or update the customer with the given external ID: one upsert, answering the
	 * internal ID whether it created or updated. An external ID with {@code |} cannot be
	 * upserted (NetSuite's path cannot carry it): 400.
	 * @param externalId the external ID, any text (percent-encoded in this path)
	 * @param customer the record's fields, such as {@code {"companyName": "Acme"}}
	 * @return 200 with the internal ID
	 */
	@PutMapping("/external/{externalId}")
	Map<String, String> upsert(@PathVariable String externalId, @RequestBody Map<String, Object> customer) {
		try {
			return Map.of("id", this.netSuite.records("customer").upsert(externalId, customer));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage(), ex);
		}
	}

	/**
	 * One customer record read by its external ID (one with {@code |} is found by query).
	 * @param externalId the external ID
	 * @return the record; a missing one is NetSuite's 404
	 */
	@GetMapping("/external/{externalId}")
	@Nullable Map<String, Object> byExternalId(@PathVariable String externalId) {
		return this.netSuite.records("customer").externalId(externalId).get();
	}

}
