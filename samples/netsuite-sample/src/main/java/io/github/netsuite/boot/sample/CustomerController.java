package io.github.netsuite.boot.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteClient;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * Customers: a SuiteQL query read page by page, and the record API to read and create one.
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
	 * Every customer, or the first {@code max}. The stream is lazy: the client fetches the
	 * next page only when the stream reaches it, so {@code max} also bounds what is fetched.
	 * @param max how many customers at most
	 * @return the customers, ordered by ID
	 */
	@GetMapping
	List<Map<String, Object>> customers(@RequestParam(required = false) Integer max) {
		if (max == null) {
			return this.netSuite.suiteql(QUERY).stream().toList();
		}
		if (max < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'max' must not be negative");
		}
		if (max == 0) {
			return List.of();
		}
		// No bigger pages than needed: ?max=3 reads 3 rows, not 1,000
		Stream<Map<String, Object>> customers = this.netSuite.suiteql(QUERY)
			.pageSize(Math.min(max, MAX_PAGE_SIZE))
			.stream();
		return customers.limit(max).toList();
	}

	/**
	 * One customer record.
	 * @param id the internal ID
	 * @return the record; a missing one is NetSuite's 404 {@code NONEXISTENT_ID}
	 */
	@GetMapping("/{id}")
	Map<String, Object> customer(@PathVariable String id) {
		return this.netSuite.record("customer", id).get();
	}

	/**
	 * Create a customer. With {@code netsuite.records.idempotent-writes=true} the client
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

}
