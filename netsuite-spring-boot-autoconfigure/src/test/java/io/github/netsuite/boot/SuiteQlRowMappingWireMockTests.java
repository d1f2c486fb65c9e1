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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that SuiteQL rows, whose columns NetSuite names in lower case, map to Java types
 * with camel-case properties, and that a type matching none of a row's columns is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class SuiteQlRowMappingWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String QUERY = "/services/rest/query/v1/suiteql";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final NetSuiteClient client = client(this.mapper);

	@Test
	void streamMapsLowerCaseColumnsToCamelCaseRecordComponents() {
		stubRows("{\"links\":[],\"id\":\"1\",\"companyname\":\"Acme\",\"datecreated\":\"12/5/2026\"}");
		assertThat(this.client.suiteql("SELECT id, companyname, datecreated FROM customer").stream(Customer.class).toList())
			.containsExactly(new Customer("1", "Acme", "12/5/2026"));
	}

	@Test
	void pageAndFirstMapAsTheStreamDoes() {
		stubRows("{\"links\":[],\"id\":\"1\",\"companyname\":\"Acme\"}");
		SuiteQlQuery query = this.client.suiteql("SELECT id, companyname FROM customer");
		assertThat(query.page(10, 0, Customer.class).items()).containsExactly(new Customer("1", "Acme", null));
		assertThat(query.first(Customer.class)).contains(new Customer("1", "Acme", null));
	}

	@Test
	void streamMapsLowerCaseColumnsToBeanProperties() {
		stubRows("{\"links\":[],\"id\":\"7\",\"companyname\":\"Acme\"}");
		CustomerBean bean = this.client.suiteql("SELECT id, companyname FROM customer")
			.stream(CustomerBean.class)
			.findFirst()
			.orElseThrow();
		assertThat(bean.getId()).isEqualTo("7");
		assertThat(bean.getCompanyName()).isEqualTo("Acme");
	}

	@Test
	void aRowWhoseColumnsMatchNoPropertyIsRefusedRatherThanMappedToNulls() {
		stubRows("{\"links\":[],\"company_name\":\"Secret Corp\",\"entity_id\":\"C-1\"}");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.suiteql("SELECT companyname AS company_name, entityid AS entity_id FROM customer")
				.stream(Customer.class)
				.toList())
			.withMessageContaining("[company_name, entity_id]")
			.withMessageContaining(Customer.class.getName())
			.withMessageContaining("AS companyName")
			// Column names tell the mistake; values are the user's data
			.withMessageNotContaining("Secret Corp");
	}

	@Test
	void underscoresDoNotMapAndTheColumnIsLoggedOncePerType(CapturedOutput output) {
		stubRows("{\"links\":[],\"id\":\"1\",\"company_name\":\"Acme\"}",
				"{\"links\":[],\"id\":\"2\",\"company_name\":\"Globex\"}");
		assertThat(this.client.suiteql("SELECT id, companyname AS company_name FROM customer").stream(Customer.class).toList())
			.containsExactly(new Customer("1", null, null), new Customer("2", null, null));
		this.client.suiteql("SELECT id, companyname AS company_name FROM customer").stream(Customer.class).toList();
		assertThat(output.getOut().split("Column 'company_name' of SuiteQL rows is no property of", -1)).hasSize(2);
		assertThat(output.getOut()).doesNotContain("Acme");
	}

	@Test
	void aRowWithoutColumnsMapsToNullsAsSuiteQlLeavesOutNullColumns() {
		stubRows("{\"links\":[]}");
		assertThat(this.client.suiteql("SELECT companyname FROM customer").stream(Customer.class).toList())
			.containsExactly(new Customer(null, null, null));
	}

	@Test
	void columnsMatchWhateverTheAccountsMapperLocale() {
		ObjectMapper turkish = JsonMapper.builder().defaultLocale(Locale.forLanguageTag("tr")).build();
		stubRows("{\"links\":[],\"id\":\"1\",\"isinactive\":\"F\"}");
		assertThat(client(turkish).suiteql("SELECT id, isinactive FROM customer").stream(Flag.class).toList())
			.containsExactly(new Flag("1", "F"));
	}

	@Test
	void rowMappingKeepsTheAccountsMapperSettingsAndLeavesItUnchanged() {
		ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		stubRows("{\"links\":[],\"id\":\"1\",\"companyname\":\"Acme\",\"email\":\"a@example.com\"}");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> client(strict).suiteql("SELECT id, companyname, email FROM customer")
				.stream(Customer.class)
				.toList())
			.withMessageContaining("email");
		assertThat(strict.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)).isFalse();
	}

	@Test
	void recordReadsKeepTheRestFieldNamesExactly() {
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/1"))
			.willReturn(okJson("{\"id\":\"1\",\"companyname\":\"lower\",\"companyName\":\"Acme\"}")));
		assertThat(this.client.record("customer", "1").get(Customer.class)).isEqualTo(new Customer("1", "Acme", null));
	}

	private void stubRows(String... rows) {
		server.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson("{\"links\":[],\"count\":" + rows.length
				+ ",\"hasMore\":false,\"items\":[" + String.join(",", rows) + "],\"offset\":0,\"totalResults\":"
				+ rows.length + "}")));
	}

	private NetSuiteClient client(ObjectMapper mapper) {
		TbaAuthentication authentication = new TbaAuthentication(new TbaSigner(AccountId.of("1234567_SB1"),
				new TbaCredentials("ck", "cs", "tk", "ts"), Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC),
				() -> "fixedNonce123"));
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		return new NetSuiteClient(AccountId.of("1234567_SB1"), rest, rest, mapper, new NetSuiteErrorDecoder(authentication),
				SuiteQlPageListener.NONE);
	}

	record Customer(String id, String companyName, String dateCreated) {
	}

	record Flag(String id, String isInactive) {
	}

	static class CustomerBean {

		private String id;

		private String companyName;

		String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		String getCompanyName() {
			return this.companyName;
		}

		public void setCompanyName(String companyName) {
			this.companyName = companyName;
		}

	}

}
