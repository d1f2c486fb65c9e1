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
package io.github.netsuite.boot.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SuiteQL item reader against a real HTTP server: keyset pages, the last key handed out
 * saved on update and continued after on open.
 */
class NetSuiteItemReaderWireMockTests {

	private static final String PATH = "/services/rest/query/v1/suiteql";

	private static final String QUERY = "SELECT id, companyname FROM customer";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private NetSuiteAccount account;

	@BeforeEach
	void createAccount() {
		this.account = NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.restUrl(java.net.URI.create(server.baseUrl()))
			.restletUrl(java.net.URI.create(server.baseUrl()))
			.tba(new TbaCredentials("ck", "cs", "tk", "ts"))
			.requestFactory(new SimpleClientHttpRequestFactory())
			.retry(1, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5))
			.build();
		page(QUERY + " ORDER BY id", true, 1, 2);
		page(QUERY + " WHERE id > 2 ORDER BY id", true, 3, 4);
		page(QUERY + " WHERE id > 4 ORDER BY id", false, 5);
		page(QUERY + " WHERE id > 3 ORDER BY id", true, 4, 5);
		page(QUERY + " WHERE id > 5 ORDER BY id", false);
	}

	@AfterEach
	void closeAccount() {
		this.account.close();
	}

	@Test
	void readsEveryRowInKeyOrderOnePageAfterTheOther() {
		NetSuiteItemReader<Map<String, Object>> reader = reader().build();
		reader.open(new ExecutionContext());
		assertThat(readAll(reader)).containsExactly("1", "2", "3", "4", "5");
		assertThat(queries()).containsExactly(QUERY + " ORDER BY id", QUERY + " WHERE id > 2 ORDER BY id",
				QUERY + " WHERE id > 4 ORDER BY id");
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH))))
			.allSatisfy((request) -> assertThat(request.getUrl()).endsWith("?limit=2&offset=0"));
	}

	@Test
	void savesTheKeyOfTheLastRowHandedOutNotOfTheLastRowRead() {
		NetSuiteItemReader<Map<String, Object>> reader = reader().build();
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		reader.read();
		reader.read();
		reader.read();
		reader.update(context);
		assertThat(context.getString("customers.last.key")).isEqualTo("3");
	}

	@Test
	void continuesAfterTheSavedKeyWithoutReadingFromTheStart() {
		ExecutionContext context = new ExecutionContext();
		context.putString("customers.last.key", "3");
		NetSuiteItemReader<Map<String, Object>> reader = reader().build();
		reader.open(context);
		assertThat(readAll(reader)).containsExactly("4", "5");
		assertThat(queries()).containsExactly(QUERY + " WHERE id > 3 ORDER BY id", QUERY + " WHERE id > 5 ORDER BY id");
	}

	@Test
	void startsAtTheFirstRowWhenTheStateIsNotSaved() {
		ExecutionContext context = new ExecutionContext();
		context.putString("customers.last.key", "3");
		NetSuiteItemReader<Map<String, Object>> reader = reader().saveState(false).build();
		reader.open(context);
		reader.read();
		reader.update(context);
		assertThat(queries()).containsExactly(QUERY + " ORDER BY id");
		assertThat(context.getString("customers.last.key")).isEqualTo("3");
	}

	@Test
	void mapsRowsToTheGivenType() {
		NetSuiteItemReader<Customer> reader = new NetSuiteItemReaderBuilder<Customer>().name("customers")
			.account(this.account)
			.query(QUERY)
			.pageSize(2)
			.type(Customer.class)
			.jsonMapper(JsonMapper.builder().build())
			.build();
		reader.open(new ExecutionContext());
		assertThat(reader.read()).isEqualTo(new Customer("1", "Customer 1"));
	}

	@Test
	void failsOnARowWithoutTheKey() {
		server.resetAll();
		server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
				"{\"count\":1,\"hasMore\":false,\"items\":[{\"companyname\":\"No id\",\"links\":[]}],\"offset\":0,\"totalResults\":1}")));
		NetSuiteItemReader<Map<String, Object>> reader = reader().build();
		reader.open(new ExecutionContext());
		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(reader::read).withMessageContaining("'id'");
	}

	private NetSuiteItemReaderBuilder<Map<String, Object>> reader() {
		return new NetSuiteItemReaderBuilder<Map<String, Object>>().name("customers")
			.account(this.account)
			.query(QUERY)
			.key("id")
			.pageSize(2);
	}

	private static List<String> readAll(NetSuiteItemReader<Map<String, Object>> reader) {
		List<String> ids = new ArrayList<>();
		for (Map<String, Object> row = reader.read(); row != null; row = reader.read()) {
			ids.add((String) row.get("id"));
		}
		return ids;
	}

	private static List<String> queries() {
		return server.findAll(postRequestedFor(urlPathEqualTo(PATH)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map((body) -> (String) JsonMapper.shared().readValue(body, Map.class).get("q"))
			.toList();
	}

	private static void page(String query, boolean hasMore, int... ids) {
		StringBuilder items = new StringBuilder();
		for (int id : ids) {
			items.append((items.length() > 0) ? "," : "")
				.append("{\"id\":\"" + id + "\",\"companyname\":\"Customer " + id + "\",\"links\":[]}");
		}
		server.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"q\":\"" + query + "\"}"))
			.willReturn(okJson("{\"links\":[],\"count\":" + ids.length + ",\"hasMore\":" + hasMore + ",\"items\":["
					+ items + "],\"offset\":0,\"totalResults\":" + ids.length + "}")));
	}

	record Customer(String id, String companyname) {
	}

}
