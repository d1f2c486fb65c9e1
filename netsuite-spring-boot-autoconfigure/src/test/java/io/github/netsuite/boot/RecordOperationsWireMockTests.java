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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the record operations of {@link RecordRequest}, {@link RecordCollection} and
 * {@link RecordSublist}: on a real HTTP server, exactly what NetSuite would receive and
 * what the caller gets back.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordOperationsWireMockTests {

	private static final String RECORDS = "/services/rest/record/v1";

	private static final String JOB = "/services/rest/async/v1/job/42";

	private static final String IDEMPOTENCY_KEY_HEADER = "X-NetSuite-Idempotency-Key";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TbaSigner signer = new TbaSigner(AccountId.of("1234567_SB1"),
			new TbaCredentials("ck", "consumer-secret-value", "tk", "token-secret-value"),
			Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC), () -> "fixedNonce123");

	private final List<Observation.Context> observations = new CopyOnWriteArrayList<>();

	private NetSuiteClient client;

	@BeforeEach
	void createClient() {
		TbaAuthentication authentication = new TbaAuthentication(this.signer);
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				RecordOperationsWireMockTests.this.observations.add(context);
			}

		});
		NetSuiteExchange exchange = new NetSuiteExchange(AccountId.of("1234567_SB1"), rest, rest,
				JsonMapper.builder().build(), new NetSuiteErrorDecoder(authentication), SuiteQlPageListener.NONE, new ReadAhead(0, null),
				Runnable::run, registry, false, new NetSuiteJob.AsyncPolling(Duration.ofMillis(5),
						Duration.ofMillis(20), Duration.ofSeconds(10)));
		this.client = new NetSuiteClient(exchange);
	}

	// Transform

	@Test
	void transformPostsToTheTargetTypeAndReturnsTheNewRecordsIdFromItsLocation() {
		server.stubFor(any(anyUrl()).willReturn(created("invoice", "2001")));
		assertThat(this.client.record("salesOrder", "1043").transform("invoice")).isEqualTo("2001");
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/salesOrder/1043/!transform/invoice");
		assertThat(request.getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
		assertThat(request.getBodyAsString()).isEqualTo("{}");
		assertSignedAsSent(request);
	}

	@Test
	void transformSendsTheFieldsAndLinesOfAPartialTransform() {
		server.stubFor(any(anyUrl()).willReturn(created("itemFulfillment", "3001")));
		Map<String, Object> lines = Map.of("items", List.of(new OrderLine(1, 2)));
		assertThat(this.client.record("salesOrder", "1043").transform("itemFulfillment", Map.of("item", lines)))
			.isEqualTo("3001");
		assertThat(onlyRequest().getBodyAsString())
			.isEqualTo("{\"item\":{\"items\":[{\"orderLine\":1,\"quantity\":2}]}}");
	}

	@Test
	void transformRefusesALocationOfTheSourceTypeAsAnUnknownOutcome() {
		server.stubFor(any(anyUrl()).willReturn(created("salesOrder", "1043")));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "1043").transform("invoice"))
			.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isTrue());
	}

	@Test
	void transformRefusesALocationOnAnotherHost() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, "https://elsewhere.example" + RECORDS + "/invoice/2001")));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "1043").transform("invoice"))
			.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isTrue());
	}

	@Test
	void transformExactlyOnceGoesThroughAJobWithAnIdempotencyKeyAndReturnsTheTargetsId() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/salesOrder/1043/!transform/invoice")).willReturn(accepted()));
		stubCompletedJob(created("invoice", "2002"));
		assertThat(this.client.record("salesOrder", "1043").exactlyOnce().transform("invoice")).isEqualTo("2002");
		LoggedRequest submitted = requests().get(0);
		assertThat(submitted.getMethod().getName()).isEqualTo("POST");
		assertThat(submitted.getUrl()).isEqualTo(RECORDS + "/salesOrder/1043/!transform/invoice");
		assertThat(submitted.getHeader("Prefer")).isEqualTo("respond-async");
		assertThat(UUID.fromString(submitted.getHeader(IDEMPOTENCY_KEY_HEADER))).isNotNull();
	}

	@Test
	void transformExactlyOnceRefusesAJobResultLocatingTheSourceRecord() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/salesOrder/1043/!transform/invoice")).willReturn(accepted()));
		stubCompletedJob(created("salesOrder", "1043"));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "1043").exactlyOnce().transform("invoice"));
	}

	// Actions

	@Test
	void actionPostsToTheAtPrefixedPathAndReadsNoContentAsNoAnswer() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		assertThat(this.client.record("vendorPayment", "3").action("confirm")).isEmpty();
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/vendorPayment/3/@confirm");
		assertThat(request.getBodyAsString()).isEqualTo("{}");
		assertSignedAsSent(request);
	}

	@Test
	void actionSendsItsParametersAndReadsAJsonAnswerAsMapOrType() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"3\",\"status\":\"approved\"}")));
		assertThat(this.client.record("purchaseOrder", "3").action("approve", Map.of("memo", "ok")))
			.hasValue(Map.of("id", "3", "status", "approved"));
		assertThat(this.client.record("purchaseOrder", "3").action("approve", Map.of(), ActionAnswer.class))
			.hasValue(new ActionAnswer("approved"));
		assertThat(requests().get(0).getBodyAsString()).isEqualTo("{\"memo\":\"ok\"}");
	}

	@Test
	void actionSurfacesNetSuitesErrorTyped() {
		server.stubFor(any(anyUrl()).willReturn(error(400, "INVALID_CONTENT", "The action is not available")));
		assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> this.client.record("vendorPayment", "3").action("confirm"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("INVALID_CONTENT"));
	}

	@Test
	void actionRefusesANameWithItsPrefix() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.record("vendorPayment", "3").action("@confirm"))
			.withMessageContaining("without '@'");
	}

	@Test
	void actionExactlyOnceReadsTheAnswerFromTheJobsResult() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/vendorPayment/3/@confirm")).willReturn(accepted()));
		stubCompletedJob(okJson("{\"status\":\"confirmed\"}"));
		assertThat(this.client.record("vendorPayment", "3").exactlyOnce().action("confirm", Map.of(), ActionAnswer.class))
			.hasValue(new ActionAnswer("confirmed"));
		assertThat(requests().get(0).getHeader(IDEMPOTENCY_KEY_HEADER)).isNotNull();
	}

	// Initialize (create-form)

	@Test
	void initializeAsksForTheCreateFormOfTheTypeWithTheFieldsGiven() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"links\":[],\"entity\":null,\"currency\":{\"id\":\"1\"}}")));
		Map<String, Object> draft = this.client.records("salesOrder").fields("currency", "entity").initialize();
		assertThat(draft).containsOnlyKeys("entity", "currency");
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/salesOrder?fields=currency%2Centity");
		assertThat(request.getHeader(HttpHeaders.ACCEPT))
			.isEqualTo("application/vnd.oracle.resource+json; type=create-form");
		assertSignedAsSent(request);
	}

	@Test
	void initializeFromAnotherRecordReadsTheTransformsCreateFormTyped() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.oracle.resource+json; type=create-form")
			.withBody("{\"links\":[],\"entity\":{\"id\":\"107\"},\"total\":12.5}")));
		Draft draft = this.client.record("salesOrder", "1043").initialize("invoice", Draft.class);
		assertThat(draft.total()).isEqualTo(12.5);
		assertThat(draft.entity()).containsEntry("id", "107");
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/salesOrder/1043/!transform/invoice");
		assertThat(request.getHeader(HttpHeaders.ACCEPT)).contains("type=create-form");
	}

	@Test
	void initializeRefusesAnAnswerWithoutARecord() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> this.client.records("salesOrder").initialize());
	}

	// External IDs

	@Test
	void externalIdAddressesGetUpdateAndDeleteByEid() {
		server.stubFor(get(anyUrl()).willReturn(okJson("{\"links\":[],\"id\":\"648\",\"externalId\":\"CRM-7781\"}")));
		server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
		RecordRequest customer = this.client.records("customer").externalId("CRM-7781");
		assertThat(customer.get()).containsEntry("id", "648");
		customer.update(Map.of("email", "a@example.com"));
		customer.delete();
		assertThat(requests()).extracting((request) -> request.getMethod().getName() + " " + request.getUrl())
			.containsExactly("GET " + RECORDS + "/customer/eid:CRM-7781", "PATCH " + RECORDS + "/customer/eid:CRM-7781",
					"DELETE " + RECORDS + "/customer/eid:CRM-7781");
	}

	@Test
	void recordWithAnEidIdIsAddressedByExternalIdEncodedOnce() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.client.record("customer", "eid:A B").get();
		assertThat(onlyRequest().getUrl()).isEqualTo(RECORDS + "/customer/eid:A%20B");
	}

	@Test
	void externalIdWithSpacesAndNonAsciiLettersIsSentAsUtf8EscapesAndSignedAsSent() throws Exception {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.client.records("customer").externalId("Müller & Söhne €1 😀").get();
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo(
				RECORDS + "/customer/eid:M%C3%BCller%20%26%20S%C3%B6hne%20%E2%82%AC1%20%F0%9F%98%80");
		assertSignedAsSent(request);
		// And as an independent signer would sign that path: the escapes encoded once more.
		String base = independentBaseString(request);
		assertThat(base).startsWith("GET&" + rfc3986(server.baseUrl()) + "%2Fservices%2Frest%2Frecord%2Fv1%2Fcustomer%2Feid%3AM%25C3%25BCller%2520%2526%2520S%25C3%25B6hne"
				+ "%2520%25E2%2582%25AC1%2520%25F0%259F%2598%2580&");
		assertThat(oauthParameter(request, "oauth_signature")).isEqualTo(hmac(base));
	}

	@Test
	void unknownExternalIdIsNotFoundWithNetSuitesCode() {
		server.stubFor(any(anyUrl())
			.willReturn(error(404, "NONEXISTENT_ID", "The record instance does not exist. Provide a valid record instance ID.")));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.records("customer").externalId("NOPE").update(Map.of("email", "x@y.z")))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID");
				assertThat(ex.getPath()).isEqualTo(RECORDS + "/customer/eid:NOPE");
			});
	}

	@Test
	void externalIdWithAPipeIsLookedUpByQueryThenAddressedByItsInternalId() {
		server.stubFor(get(urlPathEqualTo(RECORDS + "/purchaseOrder")).willReturn(okJson(page("55"))));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/purchaseOrder/55"))
			.willReturn(okJson("{\"links\":[],\"externalId\":\"RED|PO|1337\"}")));
		server.stubFor(any(urlPathEqualTo(RECORDS + "/purchaseOrder/55")).atPriority(10)
			.willReturn(aResponse().withStatus(204)));
		this.client.records("purchaseOrder").externalId("RED|PO|1337").update(Map.of("memo", "x"));
		List<LoggedRequest> requests = requests();
		assertThat(requests).extracting((request) -> request.getMethod().getName() + " " + request.getUrl())
			.containsExactly(
					"GET " + RECORDS + "/purchaseOrder?limit=10&offset=0&q=externalId%20IS%20%22RED%7CPO%7C1337%22",
					"GET " + RECORDS + "/purchaseOrder/55?fields=externalId", "PATCH " + RECORDS + "/purchaseOrder/55");
		assertThat(requests.get(0).queryParameter("q").firstValue()).isEqualTo("externalId IS \"RED|PO|1337\"");
		assertSignedAsSent(requests.get(0));
	}

	@Test
	void lookupEscapesQuotesAndBackslashesInTheQuery() {
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer")).willReturn(okJson(page())));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.records("customer").externalId("a/\"b\\").get());
		assertThat(onlyRequest().queryParameter("q").firstValue()).isEqualTo("externalId IS \"a/\\\"b\\\\\"");
	}

	@Test
	void lookupTakesOnlyTheRecordWhoseExternalIdIsExactlyTheOneAskedFor() {
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer")).willReturn(okJson(page("7", "8"))));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer/7")).willReturn(okJson("{\"externalId\":\"A|b\"}")));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer/8"))
			.withQueryParam("fields", equalTo("externalId"))
			.willReturn(okJson("{\"externalId\":\"A|B\"}")));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer/8"))
			.withQueryParam("fields", equalTo("id,companyName"))
			.willReturn(okJson("{\"id\":\"8\",\"companyName\":\"Acme\"}")));
		assertThat(this.client.records("customer").externalId("A|B").fields("id", "companyName").get())
			.containsEntry("id", "8");
	}

	@Test
	void lookupThatFindsNothingIsNotFoundNamingTheExternalIdAndTheAccount() {
		server.stubFor(get(urlPathEqualTo(RECORDS + "/customer")).willReturn(okJson(page())));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.records("customer").externalId("RED|1").delete())
			.withMessageContaining("1234567_SB1")
			.withMessageContaining("No customer record has external ID 'RED|1'");
		assertThat(requests()).extracting((request) -> request.getMethod().getName()).containsOnly("GET");
	}

	@Test
	void upsertRefusesAnExternalIdNetSuitesPathCannotCarryWithoutSendingAnything() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.records("purchaseOrder").upsert("RED|PO|1337", Map.of()))
			.withMessageContaining("Cannot upsert purchaseOrder by external ID 'RED|PO|1337'")
			.withMessageContaining("PUT …/purchaseOrder/eid:<externalId>");
		assertThat(requests()).isEmpty();
	}

	@Test
	void upsertEncodesTheExternalIdAndReturnsTheIdFromTheLocation() {
		server.stubFor(any(anyUrl()).willReturn(created("customer", "648")));
		assertThat(this.client.records("customer").upsert("Zoë 1", Map.of("companyName", "Acme"))).isEqualTo("648");
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PUT");
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/customer/eid:Zo%C3%AB%201");
		assertThat(request.getBodyAsString()).isEqualTo("{\"companyName\":\"Acme\"}");
		assertSignedAsSent(request);
	}

	@Test
	void upsertAnsweredWithoutALocationReadsTheRecordsIdByItsExternalId() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		server.stubFor(get(anyUrl()).willReturn(okJson("{\"id\":\"649\"}")));
		assertThat(this.client.records("customer").upsert("CRM-1", Map.of())).isEqualTo("649");
		assertThat(requests()).extracting((request) -> request.getMethod().getName() + " " + request.getUrl())
			.containsExactly("PUT " + RECORDS + "/customer/eid:CRM-1", "GET " + RECORDS + "/customer/eid:CRM-1?fields=id");
	}

	@Test
	void upsertRefusesALocationOfAnotherTypeAsAnUnknownOutcome() {
		server.stubFor(any(anyUrl()).willReturn(created("vendor", "5")));
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> this.client.records("customer").upsert("CRM-1", Map.of()))
			.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isTrue());
		assertThat(requests()).hasSize(1);
	}

	@Test
	void upsertExactlyOnceReturnsTheIdFromTheJobsResult() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/customer/eid:CRM-1")).willReturn(accepted()));
		stubCompletedJob(created("customer", "650"));
		assertThat(this.client.records("customer").exactlyOnce().upsert("CRM-1", Map.of())).isEqualTo("650");
		LoggedRequest submitted = requests().get(0);
		assertThat(submitted.getMethod().getName()).isEqualTo("PUT");
		assertThat(submitted.getHeader(IDEMPOTENCY_KEY_HEADER)).isNotNull();
	}

	// Sublists

	@Test
	void updateReplacingSublistsNamesThemInTheReplaceParameterSignedAsSent() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		this.client.record("salesOrder", "1043").replacing("item", "addressBook").replacing("item")
			.update(Map.of("item", Map.of("items", List.of(Map.of("item", Map.of("id", "5"))))));
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PATCH");
		assertThat(request.getUrl()).isEqualTo(RECORDS + "/salesOrder/1043?replace=item%2CaddressBook");
		assertThat(request.getBodyAsString()).isEqualTo("{\"item\":{\"items\":[{\"item\":{\"id\":\"5\"}}]}}");
		assertSignedAsSent(request);
	}

	@Test
	void updateReplacingSublistsExactlyOnceSendsTheSameReplaceParameter() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/salesOrder/1043")).willReturn(accepted()));
		stubCompletedJob(aResponse().withStatus(204));
		this.client.record("salesOrder", "1043").replacing("item").exactlyOnce().update(Map.of());
		LoggedRequest submitted = requests().get(0);
		assertThat(submitted.getUrl()).isEqualTo(RECORDS + "/salesOrder/1043?replace=item");
		assertThat(submitted.getHeader(IDEMPOTENCY_KEY_HEADER)).isNotNull();
	}

	@Test
	void updateWithoutReplacingSendsNoReplaceParameter() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		this.client.record("salesOrder", "1043").update(Map.of());
		assertThat(onlyRequest().getUrl()).isEqualTo(RECORDS + "/salesOrder/1043");
	}

	@Test
	void sublistStreamsItsLinesExpandedAsMapsOrTyped() {
		server.stubFor(any(anyUrl()).willReturn(okJson(lines(false, 1, 2))));
		assertThat(this.client.record("salesOrder", "1043").sublist("item").stream().toList())
			.extracting((line) -> line.get("line"))
			.containsExactly(1, 2);
		assertThat(this.client.record("salesOrder", "1043").sublist("item").stream(Line.class).toList())
			.containsExactly(new Line(1, 2.0), new Line(2, 4.0));
		assertThat(requests()).extracting(LoggedRequest::getUrl)
			.containsOnly(RECORDS + "/salesOrder/1043/item?expandSubResources=true");
		assertSignedAsSent(requests().get(0));
	}

	@Test
	void sublistThatPagesIsReadPageByPageAsTheStreamReachesThem() {
		int[] first = new int[1000];
		for (int i = 0; i < first.length; i++) {
			first[i] = i + 1;
		}
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item")).willReturn(okJson(lines(true, first))));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item")).withQueryParam("offset", equalTo("1000"))
			.willReturn(okJson(lines(false, 1001))));
		var lines = this.client.record("salesOrder", "1043").sublist("item").stream().iterator();
		lines.next();
		assertThat(requests()).hasSize(1);
		int count = 1;
		while (lines.hasNext()) {
			lines.next();
			count++;
		}
		assertThat(count).isEqualTo(1001);
		assertThat(requests()).extracting(LoggedRequest::getUrl)
			.containsExactly(RECORDS + "/salesOrder/1043/item?expandSubResources=true",
					RECORDS + "/salesOrder/1043/item?expandSubResources=true&limit=1000&offset=1000");
	}

	@Test
	void sublistWhoseFirstPageIsShorterThanACollectionsIsAskedAgainWithTheLimitSoNoLineIsSkipped() {
		int[] page = new int[1000];
		for (int i = 0; i < page.length; i++) {
			page[i] = i + 1;
		}
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item")).willReturn(okJson(lines(true, 1, 2))));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item")).withQueryParam("limit", equalTo("1000"))
			.willReturn(okJson(lines(false, page))));
		assertThat(this.client.record("salesOrder", "1043").sublist("item").stream().count()).isEqualTo(1000);
		assertThat(requests()).extracting(LoggedRequest::getUrl)
			.containsExactly(RECORDS + "/salesOrder/1043/item?expandSubResources=true",
					RECORDS + "/salesOrder/1043/item?expandSubResources=true&limit=1000&offset=0");
	}

	@Test
	void sublistLinesThatCameAsLinksOnlyAreReadOnTheAccountsHost() {
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item")).willReturn(okJson(
				"{\"links\":[],\"items\":[{\"links\":[{\"rel\":\"self\",\"href\":\"https://elsewhere.example" + RECORDS
						+ "/salesOrder/1043/item/1\"}]}],\"totalResults\":1}")));
		server.stubFor(get(urlPathEqualTo(RECORDS + "/salesOrder/1043/item/1"))
			.willReturn(okJson("{\"links\":[],\"line\":1,\"quantity\":2.0}")));
		assertThat(this.client.record("salesOrder", "1043").sublist("item").stream(Line.class).toList())
			.containsExactly(new Line(1, 2.0));
		assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(
				RECORDS + "/salesOrder/1043/item?expandSubResources=true", RECORDS + "/salesOrder/1043/item/1");
	}

	@Test
	void sublistLineIsReadOnItsOwn() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"links\":[],\"line\":3,\"quantity\":1.0}")));
		assertThat(this.client.records("salesOrder").externalId("SO 9").sublist("item").line("3"))
			.containsOnly(Map.entry("line", 3), Map.entry("quantity", 1.0));
		assertThat(onlyRequest().getUrl()).isEqualTo(RECORDS + "/salesOrder/eid:SO%209/item/3");
	}

	@Test
	void sublistOfAnUnknownRecordIsNotFound() {
		server.stubFor(any(anyUrl()).willReturn(error(404, "NONEXISTENT_ID", "The record instance does not exist.")));
		assertThatExceptionOfType(NetSuiteNotFoundException.class)
			.isThrownBy(() -> this.client.record("salesOrder", "9").sublist("item").stream().toList());
	}

	// Field validation and warnings

	@Test
	void propertyValidationIsSentAsTheClientSetsItUnlessTheCallSaysOtherwise() {
		server.stubFor(any(anyUrl()).willReturn(created("customer", "1")));
		NetSuiteClient validating = this.client.withPropertyValidation(PropertyValidation.WARNING,
				PropertyValidation.ERROR);
		validating.records("customer").create(Map.of());
		validating.records("customer").propertyValidation(PropertyValidation.IGNORE, null).create(Map.of());
		this.client.records("customer").create(Map.of());
		List<LoggedRequest> requests = requests();
		assertThat(requests).extracting((request) -> request.getHeader("X-NetSuite-PropertyNameValidation"))
			.containsExactly("Warning", "Ignore", null);
		assertThat(requests).extracting((request) -> request.getHeader("X-NetSuite-PropertyValueValidation"))
			.containsExactly("Error", "Error", null);
	}

	@Test
	void propertyValidationGoesWithReadsUpdatesAndJobs() {
		server.stubFor(any(urlPathEqualTo(RECORDS + "/customer/7")).willReturn(accepted()));
		stubCompletedJob(aResponse().withStatus(204));
		this.client.record("customer", "7")
			.propertyValidation(null, PropertyValidation.WARNING)
			.exactlyOnce()
			.update(Map.of("x", 1));
		LoggedRequest submitted = requests().get(0);
		assertThat(submitted.getHeader("X-NetSuite-PropertyValueValidation")).isEqualTo("Warning");
		assertThat(submitted.containsHeader("X-NetSuite-PropertyNameValidation")).isFalse();
	}

	@Test
	void warningsAreLoggedOncePerCallWithTheRecordTypeAndObserved(CapturedOutput output) {
		server.stubFor(any(anyUrl()).willReturn(created("customer", "1").withHeader("X-NetSuite-Warning",
				"Unknown field: companyNme")));
		this.client.records("customer").propertyValidation(PropertyValidation.WARNING, null)
			.create(Map.of("companyNme", "Acme"));
		assertThat(output.getOut().lines().filter((line) -> line.contains("NetSuite warned"))).singleElement()
			.asString()
			.contains("WARN")
			.contains("Account 1234567_SB1: ")
			.contains("customer record")
			.contains("POST " + RECORDS + "/customer")
			.contains("Unknown field: companyNme");
		assertThat(this.observations).filteredOn((context) -> "netsuite.record.warnings".equals(context.getName()))
			.singleElement()
			.satisfies((context) -> {
				assertThat(context.getLowCardinalityKeyValue("netsuite.record.type").getValue()).isEqualTo("customer");
				assertThat(context.getLowCardinalityKeyValue("netsuite.account").getValue()).isEqualTo("1234567_SB1");
			});
	}

	@Test
	void warningsUnderAnyNetSuiteWarningHeaderAreSurfaced(CapturedOutput output) {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}").withHeader("X-NetSuite-Property-Warnings", "a")
			.withHeader("Warning", "199 - \"b\"")));
		this.client.record("customer", "1").get();
		assertThat(output.getOut()).contains("NetSuite warned about customer record").contains(": a; 199 - \"b\"");
	}

	@Test
	void answersWithoutWarningsAreNotLogged(CapturedOutput output) {
		server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
		this.client.record("customer", "1").get();
		assertThat(output.getOut()).doesNotContain("NetSuite warned");
		assertThat(this.observations).noneMatch((context) -> "netsuite.record.warnings".equals(context.getName()));
	}

	// Helpers

	private static ResponseDefinitionBuilder created(String type, String id) {
		return aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + RECORDS + "/" + type + "/" + id);
	}

	private static ResponseDefinitionBuilder accepted() {
		return aResponse().withStatus(202)
			.withHeader("Preference-Applied", "respond-async")
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + JOB);
	}

	private static ResponseDefinitionBuilder error(int status, String code, String detail) {
		return aResponse().withStatus(status)
			.withHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.oracle.resource+json; type=error")
			.withBody("{\"type\":\"https://www.w3.org/Protocols/rfc9110.html#section-15.5.5\",\"title\":\"Error\","
					+ "\"status\":" + status + ",\"o:errorDetails\":[{\"detail\":\"" + detail + "\",\"o:errorCode\":\""
					+ code + "\"}]}");
	}

	private static void stubCompletedJob(ResponseDefinitionBuilder result) {
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson(
				"{\"completed\":true,\"progress\":\"succeeded\",\"task\":{\"links\":[{\"rel\":\"related\",\"href\":\""
						+ server.baseUrl() + JOB + "/task\"}]}}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task")).willReturn(okJson("{\"count\":1,\"items\":[{\"links\":"
				+ "[{\"rel\":\"self\",\"href\":\"" + server.baseUrl() + JOB + "/task/7\"}]}]}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(result));
	}

	private static String page(String... ids) {
		List<String> items = new ArrayList<>();
		for (String id : ids) {
			items.add("{\"links\":[],\"id\":\"" + id + "\"}");
		}
		return "{\"links\":[],\"count\":" + ids.length + ",\"hasMore\":false,\"items\":[" + String.join(",", items)
				+ "],\"offset\":0,\"totalResults\":" + ids.length + "}";
	}

	private static String lines(boolean hasMore, int... lines) {
		StringBuilder items = new StringBuilder();
		for (int line : lines) {
			if (!items.isEmpty()) {
				items.append(',');
			}
			items.append("{\"links\":[],\"line\":").append(line).append(",\"quantity\":").append(line * 2.0).append('}');
		}
		return "{\"links\":[],\"count\":" + lines.length + ",\"hasMore\":" + hasMore + ",\"items\":[" + items
				+ "],\"offset\":" + ((lines.length > 0) ? lines[0] - 1 : 0) + ",\"totalResults\":"
				+ (hasMore ? lines.length + 1 : lines.length) + "}";
	}

	private List<LoggedRequest> requests() {
		return server.findAll(anyRequestedFor(anyUrl()));
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = requests();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	// The signer is deterministic here, so signing the URL NetSuite saw must give the same header.
	private void assertSignedAsSent(LoggedRequest request) {
		assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(this.signer
			.authorizationHeader(request.getMethod().getName(), URI.create(request.getAbsoluteUrl()), null));
	}

	// RFC 5849 §3.4.1, written apart from TbaSigner: for a request without a query, the
	// method, the URL as sent (its escapes encoded once more), and the OAuth parameters.
	private static String independentBaseString(LoggedRequest request) {
		TreeMap<String, String> parameters = new TreeMap<>();
		Matcher matcher = Pattern.compile("(oauth_[a-z_]+)=\"([^\"]*)\"").matcher(request.getHeader(HttpHeaders.AUTHORIZATION));
		while (matcher.find()) {
			if (!matcher.group(1).equals("oauth_signature")) {
				parameters.put(matcher.group(1), matcher.group(2));
			}
		}
		List<String> pairs = new ArrayList<>();
		parameters.forEach((name, value) -> pairs.add(name + "=" + value));
		return "GET&" + rfc3986(request.getAbsoluteUrl()) + "&" + rfc3986(String.join("&", pairs));
	}

	private static String oauthParameter(LoggedRequest request, String name) {
		Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(request.getHeader(HttpHeaders.AUTHORIZATION));
		assertThat(matcher.find()).isTrue();
		return java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private static String hmac(String baseString) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("consumer-secret-value&token-secret-value".getBytes(StandardCharsets.US_ASCII),
				"HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.US_ASCII)));
	}

	static String rfc3986(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	record OrderLine(int orderLine, int quantity) {
	}

	record ActionAnswer(String status) {
	}

	record Draft(Map<String, Object> entity, double total) {
	}

	record Line(int line, double quantity) {
	}

}
