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

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatasetQuery} that check, on a real HTTP server, what NetSuite receives
 * for a dataset's result and what the caller gets back.
 */
class DatasetQueryWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String RESULT = "/services/rest/query/v1/dataset/custdataset1/result";

	private final TbaSigner signer = new TbaSigner(AccountId.of("1234567_SB1"),
			new TbaCredentials("ck", "consumer-secret-value", "tk", "token-secret-value"),
			Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC), () -> "fixedNonce123");

	private final NetSuiteClient client = client();

	@Test
	void pageGetsTheResultWithLimitAndOffsetSignedAsSentWithoutBody() {
		server.stubFor(get(urlPathEqualTo(RESULT)).willReturn(okJson(page(4, true, 9, 5, 6))));
		NetSuitePage<Map<String, Object>> page = this.client.dataset("custdataset1").page(2, 4);
		assertThat(page.items()).extracting((row) -> row.get("id")).containsExactly("5", "6");
		assertThat(page.items()).allSatisfy((row) -> assertThat(row).doesNotContainKey("links"));
		assertThat(page.offset()).isEqualTo(4);
		assertThat(page.hasMore()).isTrue();
		assertThat(page.totalResults()).isEqualTo(9);
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo(RESULT + "?limit=2&offset=4");
		assertThat(request.getHeader("Prefer")).isNull();
		assertThat(request.getBody()).isEmpty();
		assertSignedAsSent(request);
	}

	@Test
	void streamReadsEveryPageInOrder() {
		stubPages(3);
		List<Map<String, Object>> rows = this.client.dataset("custdataset1").pageSize(2).stream().toList();
		assertThat(rows).extracting((row) -> row.get("id")).containsExactly("1", "2", "3", "4", "5", "6");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactlyInAnyOrder(RESULT + "?limit=2&offset=0", RESULT + "?limit=2&offset=2",
					RESULT + "?limit=2&offset=4");
	}

	@Test
	void streamWithoutPrefetchFetchesTheNextPageOnlyWhenTheConsumerReachesIt() {
		stubPages(3);
		Iterator<Map<String, Object>> rows = this.client.dataset("custdataset1").pageSize(2).prefetch(0).stream().iterator();
		rows.next();
		rows.next();
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		assertThat(rows.next()).containsEntry("id", "3");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
	}

	@Test
	void maxRowsEndsTheStreamWithoutFetchingPastTheRowsWanted() {
		stubPages(3);
		List<Map<String, Object>> rows = this.client.dataset("custdataset1").pageSize(2).maxRows(3).stream().toList();
		assertThat(rows).extracting((row) -> row.get("id")).containsExactly("1", "2", "3");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactlyInAnyOrder(RESULT + "?limit=2&offset=0", RESULT + "?limit=2&offset=2");
	}

	@Test
	void streamMapsColumnsToTheCallersTypeIgnoringCase() {
		stubPages(1);
		assertThat(this.client.dataset("custdataset1").stream(Customer.class).toList())
			.containsExactly(new Customer("1", "Company 1"), new Customer("2", "Company 2"));
		assertThat(this.client.dataset("custdataset1").first(Customer.class)).contains(new Customer("1", "Company 1"));
	}

	@Test
	void aTypeMatchingNoColumnIsRefused() {
		stubPages(1);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.dataset("custdataset1").stream(Unrelated.class).toList())
			.withMessageContaining("of the dataset row is a property of " + Unrelated.class.getName());
	}

	@Test
	void encodesTheDatasetIdAsOnePathSegment() {
		server.stubFor(get(anyUrl()).willReturn(okJson(page(0, false, 0))));
		this.client.dataset("a b/ü?").page(10, 0);
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo("/services/rest/query/v1/dataset/a%20b%2F%C3%BC%3F/result?limit=10&offset=0");
		assertSignedAsSent(request);
	}

	@Test
	void anUnknownDatasetIsNetSuitesNotFound() {
		server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\",\"title\":\"Not Found\","
					+ "\"status\":404,\"o:errorDetails\":[{\"detail\":\"Dataset custdataset9 was not found.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		try (Stream<Map<String, Object>> rows = this.client.dataset("custdataset9").stream()) {
			assertThatExceptionOfType(NetSuiteNotFoundException.class).isThrownBy(rows::toList).satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID");
				assertThat(ex.getMethod()).isEqualTo("GET");
				assertThat(ex.getPath()).isEqualTo("/services/rest/query/v1/dataset/custdataset9/result");
			});
		}
	}

	@Test
	void aFailedPageSurfacesFromTheStreamRatherThanEndingIt() {
		server.stubFor(get(urlPathEqualTo(RESULT)).withQueryParam("offset", equalTo("0"))
			.willReturn(okJson(page(0, true, 4, 1, 2))));
		server.stubFor(get(urlPathEqualTo(RESULT)).withQueryParam("offset", equalTo("2"))
			.willReturn(aResponse().withStatus(400)
				.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"Invalid\",\"o:errorCode\":\"USER_ERROR\"}]}")));
		Iterator<Map<String, Object>> rows = this.client.dataset("custdataset1").pageSize(2).stream().iterator();
		rows.next();
		rows.next();
		assertThatExceptionOfType(NetSuiteValidationException.class).isThrownBy(rows::next);
	}

	@Test
	void refusesAPageNetSuiteWouldNotServe() {
		DatasetQuery dataset = this.client.dataset("custdataset1");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> dataset.page(1001, 0));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> dataset.page(10, 5));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> dataset.pageSize(0));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.dataset(" "));
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	private void stubPages(int pages) {
		for (int i = 0; i < pages; i++) {
			int offset = i * 2;
			server.stubFor(get(urlPathEqualTo(RESULT)).withQueryParam("offset", equalTo(Integer.toString(offset)))
				.willReturn(okJson(page(offset, i < pages - 1, pages * 2, offset + 1, offset + 2))));
		}
	}

	private static String page(int offset, boolean hasMore, int total, int... ids) {
		StringBuilder items = new StringBuilder();
		for (int id : ids) {
			if (!items.isEmpty()) {
				items.append(',');
			}
			items.append("{\"links\":[],\"id\":\"").append(id).append("\",\"companyname\":\"Company ").append(id)
				.append("\"}");
		}
		return "{\"links\":[],\"count\":" + ids.length + ",\"hasMore\":" + hasMore + ",\"items\":[" + items
				+ "],\"offset\":" + offset + ",\"totalResults\":" + total + "}";
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private void assertSignedAsSent(LoggedRequest request) {
		assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(this.signer
			.authorizationHeader(request.getMethod().getName(), URI.create(request.getAbsoluteUrl()), null));
	}

	private NetSuiteClient client() {
		TbaAuthentication authentication = new TbaAuthentication(this.signer);
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		return new NetSuiteClient(AccountId.of("1234567_SB1"), rest, rest, JsonMapper.builder().build(),
				new NetSuiteErrorDecoder(authentication), SuiteQlPageListener.NONE);
	}

	record Customer(String id, String companyName) {
	}

	record Unrelated(String name) {
	}

}
