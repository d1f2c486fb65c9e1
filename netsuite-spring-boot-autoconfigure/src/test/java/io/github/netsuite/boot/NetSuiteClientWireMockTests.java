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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NetSuiteClient} that check, on a real HTTP server, exactly what
 * NetSuite would receive and what the caller gets back.
 */
class NetSuiteClientWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TbaSigner signer = new TbaSigner(AccountId.of("1234567_SB1"),
			new TbaCredentials("ck", "consumer-secret-value", "tk", "token-secret-value"),
			Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC), () -> "fixedNonce123");

	private NetSuiteClient client;

	@BeforeEach
	void createClient() {
		TbaAuthentication authentication = new TbaAuthentication(this.signer);
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		this.client = new NetSuiteClient(AccountId.of("1234567_SB1"), rest, rest, JsonMapper.builder().build(),
				new NetSuiteErrorDecoder(authentication), SuiteQlPageListener.NONE);
	}

	@Test
	void suiteqlSendsTransientPreferenceAndQueryWrittenByTheSerializer() {
		server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql"))
			.willReturn(okJson(page(0, false, 0))));
		this.client.suiteql("SELECT id FROM customer\n\tWHERE name = 'Müller \"A\"'").page(5, 10);
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo("/services/rest/query/v1/suiteql?limit=5&offset=10");
		assertThat(request.getHeader("Prefer")).isEqualTo("transient");
		assertThat(request.getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
		assertThat(request.getBodyAsString())
			.isEqualTo("{\"q\":\"SELECT id FROM customer\\n\\tWHERE name = 'Müller \\\"A\\\"'\"}");
		assertSignedAsSent(request);
	}

	@Test
	void streamWithoutPrefetchFetchesTheNextPageOnlyWhenTheConsumerReachesIt() {
		stubSuiteQlPages(3);
		Iterator<Map<String, Object>> rows = this.client.suiteql("SELECT id FROM customer ORDER BY id")
			.pageSize(2)
			.prefetch(0)
			.stream()
			.iterator();
		assertThat(rows.next()).containsEntry("id", "1");
		assertThat(rows.next()).containsEntry("id", "2");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		assertThat(rows.next()).containsEntry("id", "3");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
	}

	@Test
	void streamReadsEveryPageInOrderWithoutNetSuiteLinks() {
		stubSuiteQlPages(3);
		List<Map<String, Object>> rows = this.client.suiteql("SELECT id FROM customer ORDER BY id")
			.pageSize(2)
			.stream()
			.toList();
		assertThat(rows).extracting((row) -> row.get("id")).containsExactly("1", "2", "3", "4", "5", "6");
		assertThat(rows).allSatisfy((row) -> assertThat(row).doesNotContainKey("links"));
		// Pages after the first are fetched ahead, concurrently: they may arrive in any order
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactlyInAnyOrder("/services/rest/query/v1/suiteql?limit=2&offset=0",
					"/services/rest/query/v1/suiteql?limit=2&offset=2",
					"/services/rest/query/v1/suiteql?limit=2&offset=4");
	}

	@Test
	void streamMapsRowsToTheCallersType() {
		stubSuiteQlPages(1);
		assertThat(this.client.suiteql("SELECT id, companyname FROM customer ORDER BY id")
			.pageSize(2)
			.stream(Customer.class)
			.toList()).containsExactly(new Customer("1", "Company 1"), new Customer("2", "Company 2"));
	}

	@Test
	void streamSurfacesAFailedPageAsAnExceptionRatherThanEndingEarly() {
		server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql")).withQueryParam("offset", equalTo("0"))
			.willReturn(okJson(page(0, true, 2, 1, 2))));
		server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql")).withQueryParam("offset", equalTo("2"))
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
		Stream<Map<String, Object>> rows = this.client.suiteql("SELECT id FROM customer ORDER BY id")
			.pageSize(2)
			.stream();
		assertThatExceptionOfType(NetSuiteServerException.class).isThrownBy(rows::toList)
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
	}

	@Test
	void firstReadsOneRowWithoutCounting() {
		server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql")).willReturn(okJson(page(0, true, 9, 1))));
		assertThat(this.client.suiteql("SELECT id FROM customer").first()).hasValueSatisfying(
				(row) -> assertThat(row).containsEntry("id", "1"));
		assertThat(onlyRequest().getUrl()).isEqualTo("/services/rest/query/v1/suiteql?limit=1&offset=0");
	}

	@Test
	void getsRecordWithFieldsAndExpandedSubResources() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"links\":[],\"id\":\"42\",\"email\":\"a@b.c\"}")));
		Map<String, Object> record = this.client.record("customer", "42").fields("id", "email").expandSubResources().get();
		assertThat(record).containsOnly(Map.entry("id", "42"), Map.entry("email", "a@b.c"));
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl())
			.isEqualTo("/services/rest/record/v1/customer/42?fields=id%2Cemail&expandSubResources=true");
		assertSignedAsSent(request);
	}

	@Test
	void refusesAnAnswerWithoutTheRecordRatherThanReturnNullWhetherAsMapOrTyped() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		List<ThrowingCallable> reads = List.of(() -> this.client.record("customer", "42").get(),
				() -> this.client.record("customer", "42").get(Customer.class),
				() -> this.client.record("customer", "42").get(new ParameterizedTypeReference<Map<String, Object>>() {
				}));
		assertThat(reads).allSatisfy((read) -> assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(read)
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex.getReason()).isEqualTo(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED);
				assertThat(ex.mayHaveExecuted()).isFalse();
				assertThat(ex.getPath()).isEqualTo("/services/rest/record/v1/customer/42");
				assertThat(ex).hasMessage("Account 1234567_SB1: NetSuite answered 200 to GET /services/rest/record/v1/customer/42: "
						+ "an answer not of the shape NetSuite answers (no content type)");
			}));
	}

	@Test
	void readsAnEmptyRestletAnswerAsNoAnswerWhateverTheType() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		assertThat(this.client.restlet("6", "1").get(String.class)).isEmpty();
		assertThat(this.client.restlet("6", "1").post(Map.of(), JsonMap.class)).isEmpty();
		assertThat(this.client.restlet("6", "1").get(new ParameterizedTypeReference<List<String>>() {
		})).isEmpty();
	}

	@Test
	void encodesRecordTypeAndIdAsPathSegments() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.client.record("customrecord_a b", "1/2?x").get();
		assertThat(onlyRequest().getUrl()).isEqualTo("/services/rest/record/v1/customrecord_a%20b/1%2F2%3Fx");
	}

	@Test
	void createReturnsTheIdFromTheLocationHeader() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/647")));
		assertThat(this.client.records("customer").create(Map.of("companyName", "Acme"))).isEqualTo("647");
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/services/rest/record/v1/customer");
		assertThat(request.getBodyAsString()).isEqualTo("{\"companyName\":\"Acme\"}");
	}

	@Test
	void upsertPutsByExternalIdAndReturnsTheIdFromTheLocationHeader() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/648")));
		assertThat(this.client.records("customer").upsert("EXT 1", Map.of("companyName", "Acme"))).isEqualTo("648");
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PUT");
		assertThat(request.getUrl()).isEqualTo("/services/rest/record/v1/customer/eid:EXT%201");
	}

	@Test
	void updatePatchesAndDeleteDeletes() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		this.client.record("customer", "42").update(Map.of("email", "x@y.z"));
		this.client.record("customer", "42").delete();
		assertThat(server.findAll(anyRequestedFor(anyUrl())))
			.extracting((request) -> request.getMethod().getName() + " " + request.getUrl())
			.containsExactly("PATCH /services/rest/record/v1/customer/42", "DELETE /services/rest/record/v1/customer/42");
	}

	@Test
	void listsRecordsWithAFilterThatIsSignedLikeAnyQueryParameter() {
		server.stubFor(any(anyUrl()).willReturn(okJson(page(0, false, 1, 107))));
		assertThat(this.client.records("customer").query("email START_WITH \"barbara\"").stream().toList())
			.extracting((item) -> item.get("id"))
			.containsExactly("107");
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo(
				"/services/rest/record/v1/customer?limit=1000&offset=0&q=email%20START_WITH%20%22barbara%22");
		assertSignedAsSent(request);
	}

	@Test
	void streamsRecordsInPagesOfTheGivenSizeAsNetSuitesLimit() {
		for (int offset = 0; offset < 6; offset += 2) {
			server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer"))
				.withQueryParam("offset", equalTo(Integer.toString(offset)))
				.willReturn(okJson(page(offset, offset < 4, 6, offset + 1, offset + 2))));
		}
		assertThat(this.client.records("customer").pageSize(2).stream(Customer.class).toList())
			.extracting(Customer::id)
			.containsExactly("1", "2", "3", "4", "5", "6");
		// Pages after the first are fetched ahead, concurrently: any order on the wire
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactlyInAnyOrder("/services/rest/record/v1/customer?limit=2&offset=0",
					"/services/rest/record/v1/customer?limit=2&offset=2",
					"/services/rest/record/v1/customer?limit=2&offset=4");
	}

	@Test
	void refusesARecordPageSizeNetSuiteWouldNotServe() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.records("customer").pageSize(1001))
			.withMessage("'pageSize' must be between 1 and 1000");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.records("customer").pageSize(0))
			.withMessage("'pageSize' must be between 1 and 1000");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void restletParametersAreEncodedOnceAndSignedAsSent() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
		Map<String, Object> answer = this.client.restlet("customscript_x", "customdeploy_y")
			.param("name", "Müller & Söhne")
			.param("expr", "a+b=c*!'()")
			.param("tilde", "~x.y_z-")
			.get(JsonMap.class)
			.orElseThrow();
		assertThat(answer).containsEntry("ok", true);
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo("/app/site/hosting/restlet.nl?script=customscript_x"
				+ "&deploy=customdeploy_y&name=M%C3%BCller%20%26%20S%C3%B6hne&expr=a%2Bb%3Dc%2A%21%27%28%29&tilde=~x.y_z-");
		assertSignedAsSent(request);
	}

	@Test
	void restletPostsObjectsAsJsonAndStringsAsText() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("done")));
		assertThat(this.client.restlet("6", "1").post(Map.of("a", 1), String.class)).hasValue("done");
		assertThat(this.client.restlet("6", "1").put("plain", Void.class)).isEmpty();
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests.get(0).getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
		assertThat(requests.get(0).getBodyAsString()).isEqualTo("{\"a\":1}");
		assertThat(requests.get(1).getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("text/plain");
		assertThat(requests.get(1).getBodyAsString()).isEqualTo("plain");
	}

	@Test
	void decodesRestNotFoundWithCodeDetailMethodAndPath() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5\",\"title\":\"Not Found\","
					+ "\"status\":404,\"o:errorDetails\":[{\"detail\":\"The record instance does not exist.\","
					+ "\"o:errorPath\":\"id\",\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.record("customer", "999").get())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID");
				assertThat(ex.getDetail()).isEqualTo("The record instance does not exist.");
				assertThat(ex.getMethod()).isEqualTo("GET");
				assertThat(ex.getPath()).isEqualTo("/services/rest/record/v1/customer/999");
			})
			.withMessage("Account 1234567_SB1: NetSuite answered 404 NONEXISTENT_ID to GET /services/rest/record/v1/customer/999: "
					+ "The record instance does not exist.");
	}

	@Test
	void decodesRoleDisabledAsAuthenticationFailureWithTheFix() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withBody("{\"type\":\"x\",\"title\":\"Unauthorized\",\"status\":401,\"o:errorDetails\":[{\"detail\":"
					+ "\"Login access has been disabled for this role.\",\"o:errorCode\":\"INVALID_LOGIN\"}]}")));
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> this.client.suiteql("SELECT id FROM customer").first())
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("INVALID_LOGIN");
				assertThat(ex.getDetail()).isEqualTo("Login access has been disabled for this role.");
				assertThat(ex.getHint()).contains("User Access Tokens", "Access Token Management",
						"REST Web Services", "Access > Roles");
			})
			.withMessageNotContaining("secret-value")
			.withMessageNotContaining("offset");
	}

	@Test
	void givesAGenericLoginHintWithoutTheAccountsAuthentication() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\" : {\"code\" : \"INVALID_LOGIN_ATTEMPT\",\"message\" : \"Invalid login attempt.\"}}")));
		RestClient rest = RestClient.builder().baseUrl(server.baseUrl()).build();
		NetSuiteClient plain = new NetSuiteClient(rest, rest, JsonMapper.builder().build());
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> plain.restlet("6", "1").get(String.class))
			.satisfies((ex) -> assertThat(ex.getHint()).contains("View Login Audit Trail"));
	}

	@Test
	void decodesGenericInvalidLoginWithTheChecklist() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\" : {\"code\" : \"INVALID_LOGIN_ATTEMPT\",\"message\" : \"Invalid login attempt.\"}}")));
		assertThatExceptionOfType(NetSuiteAuthenticationException.class)
			.isThrownBy(() -> this.client.restlet("6", "1").get(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("INVALID_LOGIN_ATTEMPT");
				assertThat(ex.getDetail()).isEqualTo("Invalid login attempt.");
				assertThat(ex.getPath()).isEqualTo("/app/site/hosting/restlet.nl");
				assertThat(ex.getHint()).contains("_SB1", "Manage Authentication", "View Login Audit Trail");
			});
	}

	@Test
	void decodesRestletThrottlingAsConcurrencyLimit() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"message\":\"Request limit exceeded\"}}")));
		assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
			.isThrownBy(() -> this.client.restlet("6", "1").post(Map.of(), Void.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("SSS_REQUEST_LIMIT_EXCEEDED"));
	}

	@Test
	void decodesRestThrottlingAsConcurrencyLimit() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withBody("")));
		assertThatExceptionOfType(NetSuiteConcurrencyLimitException.class)
			.isThrownBy(() -> this.client.record("customer", "1").get());
	}

	@Test
	void decodesPermissionAndValidationErrors() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
			.withBody("{\"status\":403,\"o:errorDetails\":[{\"detail\":\"Permission Violation\","
					+ "\"o:errorCode\":\"INSUFFICIENT_PERMISSION\"}]}")));
		assertThatExceptionOfType(NetSuitePermissionException.class)
			.isThrownBy(() -> this.client.record("customer", "1").delete())
			.satisfies((ex) -> assertThat(ex.getHint()).contains("Manage Roles"));
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"Invalid content\","
					+ "\"o:errorCode\":\"USER_ERROR\"}]}")));
		assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> this.client.records("customer").create(Map.of()))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("USER_ERROR"));
	}

	private void stubSuiteQlPages(int pages) {
		for (int i = 0; i < pages; i++) {
			int offset = i * 2;
			server.stubFor(post(urlPathEqualTo("/services/rest/query/v1/suiteql"))
				.withQueryParam("offset", equalTo(Integer.toString(offset)))
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

	// The signer is deterministic here, so signing the URL NetSuite saw must give the same header.
	private void assertSignedAsSent(LoggedRequest request) {
		assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(this.signer
			.authorizationHeader(request.getMethod().getName(), URI.create(request.getAbsoluteUrl()), null));
	}

	record Customer(String id, String companyname) {
	}

	static class JsonMap extends java.util.LinkedHashMap<String, Object> {

	}

}
