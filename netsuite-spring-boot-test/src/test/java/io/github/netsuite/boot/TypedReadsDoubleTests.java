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

import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.RestletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers read as generic types through {@link ParameterizedTypeReference}, with no
 * unchecked conversion, against the NetSuite double.
 */
@SpringBootTest(classes = TypedReadsDoubleTests.TestApplication.class)
@EnableNetSuiteDouble
class TypedReadsDoubleTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void readsARestletAnswerAsAMapOfStringToObject() {
		this.netSuite.restlet("customscript_hello", "1",
				(call) -> RestletResponse.json(Map.of("greeting", "Hello", "count", 2)));
		Map<String, Object> answer = this.client.restlet("customscript_hello", "1").get(JSON_OBJECT).orElseThrow();
		assertThat(answer).containsEntry("greeting", "Hello").containsEntry("count", 2);
		Map<String, Object> posted = this.client.restlet("customscript_hello", "1")
			.post(Map.of(), JSON_OBJECT)
			.orElseThrow();
		assertThat(posted).containsEntry("greeting", "Hello");
	}

	@Test
	void readsARestletAnswerAsAListOfRecords() {
		this.netSuite.restlet("customscript_list", "1",
				(call) -> RestletResponse.json(List.of(Map.of("id", "1", "name", "A"), Map.of("id", "2", "name", "B"))));
		List<Item> items = this.client.restlet("customscript_list", "1")
			.get(new ParameterizedTypeReference<List<Item>>() {
			})
			.orElseThrow();
		assertThat(items).containsExactly(new Item("1", "A"), new Item("2", "B"));
	}

	@Test
	void readsAPlainClassThroughATypeReferenceAsTheClassOverloadDoes() {
		this.netSuite.restlet("customscript_text", "1", (call) -> RestletResponse.text(200, "plain text"));
		String text = this.client.restlet("customscript_text", "1").get(new ParameterizedTypeReference<String>() {
		}).orElseThrow();
		assertThat(text).isEqualTo("plain text");
	}

	@Test
	void readsARecordAsAMapWithoutItsLinks() {
		this.netSuite.records("customer").put(7, Map.of("companyName", "Acme"));
		Map<String, Object> customer = this.client.record("customer", "7").get(JSON_OBJECT);
		assertThat(customer).containsEntry("companyName", "Acme").doesNotContainKey("links");
	}

	@Test
	void readsATableRowAsATypedRecordWithRecordStyleNames() {
		this.netSuite.table("customer", List.of(Map.of("id", "8", "companyname", "Acme", "externalid", "EXT-8")));
		Customer customer = this.client.record("customer", "8").get(Customer.class);
		assertThat(customer).isEqualTo(new Customer("8", "Acme", "EXT-8"));
	}

	@Test
	void streamsRecordReferencesAsATypeOrAGenericType() {
		this.netSuite.records("vendor").put(1, Map.of("companyName", "A"));
		this.netSuite.records("vendor").put(2, Map.of("companyName", "B"));
		assertThat(this.client.records("vendor").stream(Reference.class).toList()).extracting(Reference::id)
			.containsExactly("1", "2");
		assertThat(this.client.records("vendor")
			.stream(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.map((reference) -> reference.get("id"))
			.toList()).containsExactly("1", "2");
	}

	record Item(String id, String name) {
	}

	record Reference(String id) {
	}

	record Customer(String id, String companyName, String externalId) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
