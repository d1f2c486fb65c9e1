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
package io.github.netsuite.boot.test;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static io.github.netsuite.boot.test.DoubleTestSupport.lastAuditReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What networks and proxies answer instead of NetSuite: redirects, HTML pages, dripping,
 * truncated and huge bodies, a hanging token endpoint and lost token answers. Every request
 * goes over raw HTTP (the JDK's client, which follows no redirect, or a socket), so these
 * show what the double does, whatever the starter's client makes of it.
 */
class HostileAnswerTests {

	private static final String SERVER_TIME = "/services/rest/system/v1/serverTime";

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String RESTLET = "/app/site/hosting/restlet.nl?script=6&deploy=1";

	private static final String SUITEQL = "/services/rest/query/v1/suiteql";

	// Follows no redirect, as HttpClient.newHttpClient() does not either: said out loud here
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final ObjectMapper MAPPER = new ObjectMapper();

	static NetSuiteDouble netSuite;

	// Where redirects go: it records what reached it
	static NetSuiteDouble elsewhere;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.builder().oauth2(true).build().start();
		elsewhere = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
		elsewhere.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
		netSuite.clearData();
		elsewhere.reset();
	}

	private static URI elsewhereUri() {
		return URI.create(elsewhere.restUrl());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> serverTime() {
		return send(SignedRequest.to(netSuite, "GET", SERVER_TIME).build());
	}

	private static String tokenForm(String assertion) {
		return "grant_type=client_credentials&client_assertion_type=" + ClientAssertion.encode(ClientAssertion.ASSERTION_TYPE)
				+ "&client_assertion=" + ClientAssertion.encode(assertion);
	}

	private static HttpRequest tokenRequest(URI uri, String form) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build();
	}

	// Redirects

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void redirectToAnswersTheStatusWithALocationKeepingPathAndQuery(int status) {
		netSuite.redirectTo(elsewhereUri(), status);
		HttpResponse<String> response = send(
				SignedRequest.to(netSuite, "GET", CUSTOMERS + "?limit=5&offset=10").build());
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Location"))
			.hasValue(elsewhere.restUrl() + CUSTOMERS + "?limit=5&offset=10");
		// Answered in NetSuite's place: no login was checked
		assertThat(netSuite.loginAuditTrail()).isEmpty();
	}

	@Test
	void redirectedCreateCreatesNothing() {
		netSuite.redirectTo(elsewhereUri(), 307);
		HttpResponse<String> response = send(
				SignedRequest.to(netSuite, "POST", CUSTOMERS).json("{\"companyname\":\"Acme\"}").build());
		assertThat(response.statusCode()).isEqualTo(307);
		assertThat(netSuite.records("customer").size()).isZero();
	}

	@Test
	void redirectToAppliesToRestletsAndTheTokenEndpoint() {
		netSuite.redirectTo(elsewhereUri(), 308);
		HttpResponse<String> restlet = send(SignedRequest.to(netSuite, "POST", RESTLET).json("{}").build());
		assertThat(restlet.statusCode()).isEqualTo(308);
		assertThat(restlet.headers().firstValue("Location")).hasValue(elsewhere.restUrl() + RESTLET);
		HttpResponse<String> token = send(tokenRequest(URI.create(netSuite.oauth2TokenUrl()),
				tokenForm(ClientAssertion.to(netSuite).sign())));
		assertThat(token.statusCode()).isEqualTo(308);
		assertThat(token.headers().firstValue("Location"))
			.hasValue(elsewhere.restUrl() + "/services/rest/auth/oauth2/v1/token");
		// Nothing was checked, no token issued
		assertThat(netSuite.loginAuditTrail()).isEmpty();
	}

	@Test
	void redirectNextRedirectsExactlyK() {
		netSuite.redirectNext(2, elsewhereUri(), 302);
		assertThat(serverTime().statusCode()).isEqualTo(302);
		assertThat(serverTime().statusCode()).isEqualTo(302);
		assertThat(serverTime().statusCode()).isEqualTo(200);
	}

	@Test
	void redirectTokenRequestsLeavesRestAlone() {
		netSuite.redirectTokenRequests(elsewhereUri(), 307);
		HttpResponse<String> token = send(tokenRequest(URI.create(netSuite.oauth2TokenUrl()),
				tokenForm(ClientAssertion.to(netSuite).sign())));
		assertThat(token.statusCode()).isEqualTo(307);
		assertThat(token.headers().firstValue("Location"))
			.hasValue(elsewhere.restUrl() + "/services/rest/auth/oauth2/v1/token");
		assertThat(serverTime().statusCode()).isEqualTo(200);
	}

	@Test
	void secondDoubleSeesWhetherARedirectedTokenRequestCarriedTheAssertion() {
		netSuite.redirectTokenRequests(elsewhereUri(), 307);
		String form = tokenForm(ClientAssertion.to(netSuite).sign());
		HttpResponse<String> redirect = send(tokenRequest(URI.create(netSuite.oauth2TokenUrl()), form));
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		// What a client that follows a 307 does: the same POST, form and all, to the new place
		send(tokenRequest(location, form));
		// and what one that drops the body does
		send(tokenRequest(location, "grant_type=client_credentials"));
		List<ReceivedRequest> received = elsewhere.receivedRequests();
		assertThat(received).extracting(ReceivedRequest::method, ReceivedRequest::path)
			.containsOnly(tuple("POST", "/services/rest/auth/oauth2/v1/token"));
		assertThat(received).extracting(ReceivedRequest::clientAssertion).containsExactly(true, false);
		assertThat(received).extracting(ReceivedRequest::hasCredentials).containsExactly(true, false);
		assertThat(received.get(0).toString()).doesNotContain(form.substring(form.indexOf("client_assertion=") + 17));
	}

	@Test
	void secondDoubleSeesWhetherARedirectedRequestCarriedAnAuthorizationHeader() {
		netSuite.redirectTo(elsewhereUri(), 302);
		HttpRequest signed = SignedRequest.to(netSuite, "GET", SERVER_TIME).build();
		URI location = URI.create(send(signed).headers().firstValue("Location").orElseThrow());
		String authorization = signed.headers().firstValue("Authorization").orElseThrow();
		send(HttpRequest.newBuilder(location).header("Authorization", authorization).GET().build());
		send(HttpRequest.newBuilder(location).GET().build());
		send(HttpRequest.newBuilder(URI.create(location + "?access_token=abc")).GET().build());
		List<ReceivedRequest> received = elsewhere.receivedRequests();
		assertThat(received).extracting(ReceivedRequest::path).containsOnly(SERVER_TIME);
		assertThat(received).extracting(ReceivedRequest::authorizationHeader).containsExactly(true, false, false);
		assertThat(received).extracting(ReceivedRequest::credentialParameters).containsExactly(false, false, true);
		assertThat(received).extracting(ReceivedRequest::hasCredentials).containsExactly(true, false, true);
		assertThat(received.get(0).toString()).doesNotContain(netSuite.consumerKey()).doesNotContain("oauth_signature");
	}

	@Test
	void redirectRefusesAStatusThatIsNoRedirect() {
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.redirectTo(elsewhereUri(), 304))
			.withMessageContaining("304");
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.redirectTo(URI.create("/relative"), 307));
	}

	// HTML pages

	@ParameterizedTest
	@ValueSource(ints = { 200, 502 })
	void htmlNextAnswersAnHtmlPageWithTheStatus(int status) {
		netSuite.htmlNext(1, status);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).startsWith("<!DOCTYPE html>");
		HttpResponse<String> next = serverTime();
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(json(next).get("serverTime").asText()).isNotBlank();
	}

	@Test
	void htmlPageInsteadOfACreateCreatesNothing() {
		netSuite.htmlNext(1, 200);
		HttpResponse<String> response = send(
				SignedRequest.to(netSuite, "POST", CUSTOMERS).json("{\"companyname\":\"Acme\"}").build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(netSuite.records("customer").size()).isZero();
	}

	// Dripping bodies

	@Test
	void dripSendsTheNormalAnswerOverTheDurationWithoutALongPause() throws IOException {
		netSuite.records("customer").put(42, Map.of("companyname", "Acme"));
		netSuite.dripNext(1, Duration.ofMillis(1500));
		// A strict client: every read must come within a second
		RawHttp.Answer answer = RawHttp.exchange(SignedRequest.to(netSuite, "GET", CUSTOMERS + "/42").build(),
				Duration.ofSeconds(1));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.complete()).isTrue();
		assertThat(MAPPER.readTree(answer.body()).get("companyName").asText()).isEqualTo("Acme");
		assertThat(answer.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		assertThat(answer.longestPause()).isLessThan(Duration.ofMillis(1000));
	}

	@Test
	void dripNextDripsOnlyKAnswers() throws IOException {
		netSuite.dripNext(1, Duration.ofMillis(800));
		RawHttp.exchange(SignedRequest.to(netSuite, "GET", SERVER_TIME).build(), Duration.ofSeconds(5));
		RawHttp.Answer next = RawHttp.exchange(SignedRequest.to(netSuite, "GET", SERVER_TIME).build(),
				Duration.ofSeconds(5));
		assertThat(next.elapsed()).isLessThan(Duration.ofMillis(800));
	}

	// Truncated bodies

	@Test
	void truncatedAnswerAnnouncesTheWholeBodySendsHalfAndCloses() throws IOException {
		netSuite.records("customer").put(42, Map.of("companyname", "Acme"));
		netSuite.truncateNext(1);
		RawHttp.Answer answer = RawHttp.exchange(SignedRequest.to(netSuite, "GET", CUSTOMERS + "/42").build(),
				Duration.ofSeconds(5));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.complete()).isFalse();
		long announced = Long.parseLong(answer.headers().get("content-length"));
		assertThat(answer.body()).hasSize((int) (announced / 2));
		assertThat(answer.text()).startsWith("{");
		// The JDK's client sees the same: the body ends before its length
		netSuite.truncateNext(1);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> HTTP
			.send(SignedRequest.to(netSuite, "GET", CUSTOMERS + "/42").build(), BodyHandlers.ofString()));
		HttpResponse<String> next = send(SignedRequest.to(netSuite, "GET", CUSTOMERS + "/42").build());
		assertThat(json(next).get("companyName").asText()).isEqualTo("Acme");
	}

	@Test
	void truncatedAnswerOfARequestThatRan() throws IOException {
		netSuite.truncateNext(1);
		RawHttp.Answer answer = RawHttp.exchange(SignedRequest.to(netSuite, "GET", SERVER_TIME).build(),
				Duration.ofSeconds(5));
		assertThat(answer.complete()).isFalse();
		assertThat(lastAuditReason(netSuite)).isEqualTo("Success");
	}

	// Huge bodies

	@Test
	void hugeRecordIsStreamedAtItsExactSizeWhileTheHeapStaysSmall() throws Exception {
		long size = 200L << 20;
		netSuite.hugeNext(1, 200, size);
		HttpResponse<InputStream> response = HTTP.send(
				SignedRequest.to(netSuite, "GET", CUSTOMERS + "/1").build(), BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		long before = liveHeap();
		long count = 0;
		long heapMidway = 0;
		byte[] start = new byte[64];
		byte[] last = new byte[2];
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				if (count < start.length) {
					System.arraycopy(buffer, 0, start, (int) count, (int) Math.min(read, start.length - count));
				}
				if (read >= 2) {
					System.arraycopy(buffer, read - 2, last, 0, 2);
				}
				if (count < size / 2 && count + read >= size / 2) {
					heapMidway = liveHeap();
				}
				count += read;
			}
		}
		assertThat(count).isEqualTo(size);
		assertThat(new String(start, StandardCharsets.UTF_8)).startsWith("{\"links\":[],\"id\":\"1\",\"memo\":\"xxxx");
		assertThat(new String(last, StandardCharsets.UTF_8)).isEqualTo("\"}");
		// Neither the double nor the client held the body: far less than its 200 MB is live midway
		assertThat(heapMidway - before).isLessThan(50L << 20);
	}

	@Test
	void hugeSuiteQlPageIsAValidPageOfManyRows() throws Exception {
		long size = 4L << 20;
		netSuite.hugeNext(1, 200, size);
		HttpResponse<InputStream> response = HTTP.send(
				SignedRequest.to(netSuite, "POST", SUITEQL + "?limit=1000").suiteQl("SELECT * FROM customer").build(),
				BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		long items = 0;
		long count = -1;
		long totalResults = -1;
		CountingInputStream body = new CountingInputStream(response.body());
		try (JsonParser parser = new JsonFactory().createParser(body)) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				parser.nextToken();
				switch (field) {
					case "count" -> count = parser.getLongValue();
					case "totalResults" -> totalResults = parser.getLongValue();
					case "items" -> {
						while (parser.nextToken() == JsonToken.START_OBJECT) {
							JsonNode item = MAPPER.readTree(parser);
							assertThat(item.get("id").asText()).matches("\\d+");
							items++;
						}
					}
					default -> parser.skipChildren();
				}
			}
			assertThat(parser.nextToken()).isNull();
		}
		assertThat(items).isGreaterThan(10_000).isEqualTo(count).isEqualTo(totalResults);
		assertThat(body.count).isEqualTo(size);
	}

	@Test
	void hugeErrorIsNetSuitesErrorBodyWithAHugeDetail() {
		long size = 4L << 20;
		netSuite.hugeNext(1, 500, size);
		HttpResponse<String> response = serverTime();
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body().getBytes(StandardCharsets.UTF_8)).hasSize((int) size);
		assertThat(DoubleTestSupport.errorCode(response)).isEqualTo("UNEXPECTED_ERROR");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText()).hasSizeGreaterThan((int) size - 300);
	}

	@Test
	void hugeRestletErrorIsARestletErrorBody() {
		netSuite.hugeNext(1, 400, 2048);
		HttpResponse<String> response = send(SignedRequest.to(netSuite, "GET", RESTLET).build());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).hasSize(2048);
		assertThat(json(response).at("/error/code").asText()).isEqualTo("UNEXPECTED_ERROR");
	}

	@Test
	void hugeRefusesASizeTooSmallToBeHuge() {
		assertThatIllegalArgumentException().isThrownBy(() -> netSuite.hugeNext(1, 200, 10));
	}

	// A hanging token endpoint

	@Test
	void hangingTokenEndpointAnswersNothingWhileRestStillAnswers() throws Exception {
		// One slot: a held token request taking it would leave REST throttled
		netSuite.concurrencyLimit(1).tokenEndpointHangs(Duration.ofDays(1));
		CompletableFuture<HttpResponse<String>> token = HTTP.sendAsync(
				tokenRequest(URI.create(netSuite.oauth2TokenUrl()), tokenForm(ClientAssertion.to(netSuite).sign())),
				BodyHandlers.ofString());
		long start = System.nanoTime();
		HttpResponse<String> rest = serverTime();
		assertThat(rest.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		Thread.sleep(1000);
		assertThat(token).isNotDone();
		assertThat(netSuite.tokenRequestCount()).isEqualTo(1);
		// Held without a concurrency slot
		assertThat(netSuite.inFlight()).isZero();
		netSuite.reset();
		assertThat(token.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void hangingTokenEndpointAnswersAfterTheHang() {
		netSuite.tokenEndpointHangs(Duration.ofMillis(1200));
		long start = System.nanoTime();
		HttpResponse<String> token = send(
				tokenRequest(URI.create(netSuite.oauth2TokenUrl()), tokenForm(ClientAssertion.to(netSuite).sign())));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(json(token).get("access_token").asText()).isNotBlank();
	}

	@Test
	void stopLetsHeldTokenRequestsGo() throws Exception {
		try (NetSuiteDouble hanging = NetSuiteDouble.builder().oauth2(true).build().start()) {
			hanging.tokenEndpointHangs(Duration.ofDays(1));
			CompletableFuture<HttpResponse<String>> token = HTTP.sendAsync(
					tokenRequest(URI.create(hanging.oauth2TokenUrl()), "grant_type=client_credentials"),
					BodyHandlers.ofString());
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (hanging.tokenRequestCount() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(hanging.tokenRequestCount()).isEqualTo(1);
			long start = System.nanoTime();
			hanging.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			// Answered as the double went, or cut off by it: either way not held any more
			assertThat(token.handle((response, failure) -> "settled")).succeedsWithin(Duration.ofSeconds(10));
		}
	}

	// A lost token answer

	@Test
	void lostTokenAnswerIssuesTheTokenAndTheReplayIsRefused() {
		netSuite.loseNextTokenAnswers(1);
		String form = tokenForm(ClientAssertion.to(netSuite).sign());
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> HTTP.send(tokenRequest(URI.create(netSuite.oauth2TokenUrl()), form), BodyHandlers.ofString()));
		assertThat(lastAuditReason(netSuite)).isEqualTo("Success");
		assertThat(netSuite.lostAnswerCount()).isEqualTo(1);
		// The client cannot know; the same assertion again is a replay
		HttpResponse<String> replay = send(tokenRequest(URI.create(netSuite.oauth2TokenUrl()), form));
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(json(replay).get("error").asText()).isEqualTo("invalid_grant");
		assertThat(lastAuditReason(netSuite)).isEqualTo("AssertionReplayed");
		// A fresh assertion gets its token
		assertThat(ClientAssertion.to(netSuite).token()).isNotBlank();
	}

	// Reset

	@Test
	void resetSwitchesTheHostileAnswersOffAndForgetsReceivedRequests() throws IOException {
		netSuite.redirectTo(elsewhereUri(), 307)
			.redirectTokenRequests(elsewhereUri(), 307)
			.htmlNext(5, 502)
			.dripNext(5, Duration.ofSeconds(10))
			.truncateNext(5)
			.hugeNext(5, 200, 1L << 30)
			.tokenEndpointHangs(Duration.ofDays(1))
			.loseNextTokenAnswers(5);
		// A redirect, cut short: the faults compose
		RawHttp.Answer spoilt = RawHttp.exchange(SignedRequest.to(netSuite, "GET", SERVER_TIME).build(),
				Duration.ofSeconds(5));
		assertThat(spoilt.status()).isEqualTo(307);
		assertThat(spoilt.complete()).isFalse();
		netSuite.reset();
		assertThat(netSuite.receivedRequests()).isEmpty();
		HttpResponse<String> rest = serverTime();
		assertThat(rest.statusCode()).isEqualTo(200);
		assertThat(json(rest).get("serverTime").asText()).isNotBlank();
		assertThat(ClientAssertion.to(netSuite).token()).isNotBlank();
		assertThat(netSuite.receivedRequests()).hasSize(2);
	}

	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static final class CountingInputStream extends FilterInputStream {

		long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				this.count++;
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

	}

}
