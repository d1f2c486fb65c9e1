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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Saved datasets and typed SuiteQL rows through the auto-configured {@link NetSuiteClient},
 * against the NetSuite double.
 */
@SpringBootTest(classes = DatasetsDoubleTests.TestApplication.class)
@EnableNetSuiteDouble
class DatasetsDoubleTests {

	private static final long SEED = 25L;

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@BeforeEach
	void defineDataset() {
		this.netSuite.dataset("custdataset1", IntStream.rangeClosed(1, 2_500)
			.mapToObj((i) -> Map.<String, Object>of("id", String.valueOf(i), "companyName", "Customer " + i))
			.toList());
	}

	@Test
	void streamsEveryRowOfADatasetInOrderAcrossPages() {
		List<Customer> customers = this.client.dataset("custdataset1").stream(Customer.class).toList();
		assertThat(customers).hasSize(2_500);
		assertThat(customers.get(0)).isEqualTo(new Customer("1", "Customer 1"));
		assertThat(customers.get(2_499)).isEqualTo(new Customer("2500", "Customer 2500"));
		assertThat(datasetRequests()).hasSize(3).containsOnly("/services/rest/query/v1/dataset/custdataset1/result");
	}

	@Test
	void maxRowsReadsNoPagePastTheRowsWanted() {
		List<Map<String, Object>> rows = this.client.dataset("custdataset1").pageSize(100).maxRows(150).stream().toList();
		assertThat(rows).hasSize(150);
		assertThat(rows.get(149)).containsEntry("id", "150").containsEntry("companyname", "Customer 150");
		assertThat(datasetRequests()).hasSize(2);
	}

	@Test
	void readsOnePage() {
		NetSuitePage<Customer> page = this.client.dataset("custdataset1").page(10, 2_490, Customer.class);
		assertThat(page.items()).hasSize(10).last().isEqualTo(new Customer("2500", "Customer 2500"));
		assertThat(page.hasMore()).isFalse();
		assertThat(page.totalResults()).isEqualTo(2_500);
	}

	@Test
	void anUnknownDatasetIsNotFound() {
		try (Stream<Map<String, Object>> rows = this.client.dataset("custdataset9").stream()) {
			assertThatExceptionOfType(NetSuiteNotFoundException.class).isThrownBy(rows::toList)
				.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/services/rest/query/v1/dataset/custdataset9/result"));
		}
	}

	@Test
	void suiteQlRowsMapToCamelCaseComponents() {
		this.netSuite.table("customer", List.of(Map.of("id", "1", "companyName", "Acme", "email", "a@example.com")));
		assertThat(this.client.suiteql("SELECT id, companyname FROM customer").stream(Customer.class).toList())
			.containsExactly(new Customer("1", "Acme"));
	}

	@Test
	void aSuiteQlRowMatchingNoComponentIsRefused() {
		this.netSuite.table("customer", List.of(Map.of("id", "1", "companyName", "Acme")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.suiteql("SELECT companyname AS company_name FROM customer")
				.stream(Customer.class)
				.toList())
			.withMessageContaining("[company_name]");
	}

	// Seeded: a failure names the ID, and the run repeats
	@Test
	void anyDatasetIdReachesNetSuiteAsOnePathSegmentSignedAsSent() {
		Random random = new Random(SEED);
		for (int i = 0; i < 200; i++) {
			String id = randomId(random);
			String row = String.valueOf(i);
			this.netSuite.dataset(id, List.of(Map.of("id", row)));
			// The double decodes the path with a percent-decoder of its own and checks the signature
			assertThat(this.client.dataset(id).first()).as("dataset %s", id).hasValueSatisfying(
					(answer) -> assertThat(answer).containsEntry("id", row));
		}
	}

	// Every UTF-8 width, and the characters a path gives a meaning: '/', '?', '#', '%', ';', '+'
	private static String randomId(Random random) {
		String reserved = "/?#%;+&=:@ .~-_!$'()*,[]";
		StringBuilder id = new StringBuilder();
		int length = 1 + random.nextInt(12);
		while (id.length() < length) {
			switch (random.nextInt(5)) {
				case 0 -> id.append((char) ('a' + random.nextInt(26)));
				case 1 -> id.append(reserved.charAt(random.nextInt(reserved.length())));
				case 2 -> id.appendCodePoint(0x80 + random.nextInt(0x800 - 0x80));
				case 3 -> id.appendCodePoint(0x800 + random.nextInt(0xD800 - 0x800));
				default -> id.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
			}
		}
		String text = id.toString();
		// A segment of dots is a relative path, not an ID; a blank one is no ID
		return (text.isBlank() || text.replace(".", "").isEmpty()) ? "x" + text : text;
	}

	private List<String> datasetRequests() {
		List<String> paths = new ArrayList<>();
		this.netSuite.receivedRequests()
			.stream()
			.filter((request) -> request.path().startsWith("/services/rest/query/v1/dataset/"))
			.forEach((request) -> paths.add(request.path()));
		return paths;
	}

	record Customer(String id, String companyName) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
