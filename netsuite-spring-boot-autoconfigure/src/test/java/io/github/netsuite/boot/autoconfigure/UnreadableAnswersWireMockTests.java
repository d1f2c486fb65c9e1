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
package io.github.netsuite.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteError;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NetSuiteScriptException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import io.github.netsuite.boot.NetSuiteValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers that are not NetSuite's (HTML pages, bytes that are not UTF-8, JSON nested too
 * deep or cut short, a write answered with a body or without its location, error bodies
 * with duplicate keys) through the auto-configured client, against a real HTTP server:
 * each a typed exception that says whether the write may have happened, never retried.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableAnswersWireMockTests {

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String JOB = "/services/rest/async/v1/job/42";

	private static final String HTML = "<!DOCTYPE html><html><body>Please sign in</body></html>";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms",
				"netsuite.async.poll-interval=10ms", "netsuite.async.max-poll-interval=40ms");

	@Test
	void readsAnHtmlPageAnsweredToARecordReadAsNotJsonWithoutRetrying(CapturedOutput output) {
		server.stubFor(any(anyUrl()).willReturn(html()));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client(context).record("customer", "1").get())
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON);
					assertThat(ex.mayHaveExecuted()).isFalse();
					assertThat(ex.getStatusCode()).isEqualTo(200);
					assertThat(ex.getContentType()).isEqualTo("text/html; charset=UTF-8");
					assertThat(ex.getMethod()).isEqualTo("GET");
					assertThat(ex.getPath()).isEqualTo("/services/rest/record/v1/customer/1");
					assertThat(ex).hasMessage("Account 'primary' (1234567_SB1): NetSuite answered 200 to GET /services/rest/record/v1/customer/1: "
							+ "an answer that is not JSON (text/html; charset=UTF-8)");
				});
			assertThat(requests()).isOne();
		});
		// Logged once, at WARN, without a stack trace and without the body.
		assertThat(output.getOut()).containsOnlyOnce("an answer that is not JSON")
			.doesNotContain("Please sign in")
			.doesNotContain("\tat io.github.netsuite");
	}

	@Test
	void saysACreateAnsweredWithAnHtmlPageMayHaveHappenedAndNamesExactlyOnceWrites() {
		server.stubFor(any(anyUrl()).willReturn(html()));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client(context).records("customer").create(Map.of("companyName", "Acme")))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON);
					assertThat(ex.mayHaveExecuted()).isTrue();
					assertThat(ex.getMethod()).isEqualTo("POST");
					assertThat(ex.getMessage()).contains("NetSuite may have executed the request")
						.contains("netsuite.records.exactly-once-writes")
						.doesNotContain("created the record");
				});
			assertThat(requests()).isOne();
		});
	}

	@Test
	void takesNoIdFromACreateAnsweredWithABody() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
			.withHeader(HttpHeaders.CONTENT_TYPE, "application/json")
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/7")
			.withBody("{\"id\":\"customer\"}")));
		assertCreateRefused(Reason.UNEXPECTED);
	}

	@Test
	void takesNoIdFromACreateAnsweredWithoutLocation() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
		assertCreateRefused(Reason.UNEXPECTED);
	}

	@Test
	void takesNoIdFromALocationOfAnotherRecordType() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/salesorder/7")));
		assertCreateRefused(Reason.UNEXPECTED);
	}

	@Test
	void takesNoIdFromALocationOnAnotherHost() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, "https://elsewhere.example.com/services/rest/record/v1/customer/7")));
		assertCreateRefused(Reason.UNEXPECTED);
	}

	@Test
	void takesTheIdFromNetSuitesOwnAnswerToACreate() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/customer/647")));
		this.contextRunner.run((context) -> assertThat(client(context).records("customer").create(Map.of()))
			.isEqualTo("647"));
	}

	@Test
	void saysAnUpdateOrDeleteAnsweredWithAPageMayHaveHappened() {
		server.stubFor(any(anyUrl()).willReturn(html()));
		this.contextRunner.run((context) -> {
			NetSuiteClient client = client(context);
			assertMayHaveExecuted(() -> client.record("customer", "1").update(Map.of("a", 1)), Reason.NOT_JSON);
			assertMayHaveExecuted(() -> client.records("customer").upsert("X1", Map.of("a", 1)), Reason.NOT_JSON);
			assertMayHaveExecuted(() -> client.record("customer", "1").delete(), Reason.NOT_JSON);
			assertThat(requests()).isEqualTo(3);
		});
	}

	@Test
	void readsAnHtmlPageAnsweredToSuiteQlAsNotJsonWithoutRetrying() {
		server.stubFor(any(anyUrl()).willReturn(html()));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client(context).suiteql("SELECT id FROM customer").stream().toList())
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON);
					assertThat(ex.mayHaveExecuted()).isFalse();
					assertThat(ex.getPath()).isEqualTo("/services/rest/query/v1/suiteql");
				});
			assertThat(requests()).isOne();
		});
	}

	@Test
	void refusesSuiteQlJsonThatIsNotAPageRatherThanAnsweringNoRows() {
		server.stubFor(any(anyUrl()).willReturn(okJson("[]")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> client(context).suiteql("SELECT id FROM customer").page(10, 0))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNEXPECTED)));
	}

	@Test
	void refusesARecordPageWithoutItems() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"hasMore\":false}")));
		this.contextRunner.run((context) -> assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> client(context).records("customer").page(10, 0))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNEXPECTED)));
	}

	@Test
	void readsBytesThatAreNotUtf8AsNotUtf8() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		server.stubFor(any(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader(HttpHeaders.CONTENT_TYPE, "application/json").withBody(body)));
		this.contextRunner.run((context) -> {
			assertUnreadable(() -> client(context).record("customer", "1").get(), Reason.NOT_UTF8);
			assertUnreadable(() -> client(context).suiteql("SELECT 1").page(1, 0), Reason.NOT_UTF8);
			assertUnreadable(() -> client(context).restlet("1", "1").get(String.class), Reason.NOT_UTF8);
		});
	}

	@Test
	void readsJsonNestedTenThousandDeepAsTooDeep() {
		String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		server.stubFor(any(anyUrl()).willReturn(okJson(deep)));
		this.contextRunner.run((context) -> {
			assertUnreadable(() -> client(context).record("customer", "1").get(), Reason.TOO_DEEP);
			assertUnreadable(() -> client(context).record("customer", "1").get(Map.class), Reason.TOO_DEEP);
			assertUnreadable(() -> client(context).suiteql("SELECT 1").page(1, 0), Reason.TOO_DEEP);
			assertThat(requests()).isEqualTo(3);
		});
	}

	@Test
	void readsJsonThatEndsEarlyAsCutShort() {
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"items\":[{\"id\":\"1\"},{\"id\"")));
		this.contextRunner.run((context) -> assertUnreadable(() -> client(context).suiteql("SELECT 1").page(10, 0),
				Reason.CUT_SHORT));
	}

	@Test
	void readsABodyCutShortOnTheWireAsCutShortAndSaysTheCreateMayHaveHappened() throws Exception {
		try (ShortServer shortServer = new ShortServer()) {
			this.contextRunner.withPropertyValues("netsuite.rest-url=" + shortServer.url()).run((context) -> {
				assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
					.isThrownBy(() -> client(context).record("customer", "1").get())
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo(Reason.CUT_SHORT);
						assertThat(ex.mayHaveExecuted()).isFalse();
					});
				assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
					.isThrownBy(() -> client(context).records("customer").create(Map.of()))
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo(Reason.CUT_SHORT);
						assertThat(ex.mayHaveExecuted()).isTrue();
					});
			});
			// Neither was repeated.
			assertThat(shortServer.connections.get()).isEqualTo(2);
		}
	}

	@Test
	void readsAMalformedChunkOfAWriteAsAnUnknownOutcome() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		this.contextRunner.run((context) -> {
			assertMayHaveExecuted(() -> client(context).restlet("1", "1").post(Map.of(), Map.class), Reason.CUT_SHORT);
			assertThat(requests()).isOne();
		});
	}

	@Test
	void refusesAnErrorBodyWithDuplicateCodesRatherThanTakeTheLastAsThrottling() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"o:errorDetails\":[{\"o:errorCode\":\"USER_ERROR\","
					+ "\"o:errorCode\":\"SSS_REQUEST_LIMIT_EXCEEDED\",\"detail\":\"Invalid\"}]}")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteValidationException.class)
				.isThrownBy(() -> client(context).record("customer", "1").get())
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isNull();
					assertThat(ex.getDetail()).isEqualTo(NetSuiteError.UNREADABLE);
				});
			assertThat(requests()).isOne();
			assertThat(permits(context).limit()).isEqualTo(5);
		});
	}

	@Test
	void refusesARestletErrorBodyWithDuplicateCodesRatherThanTakeTheLastAsThrottling() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"SCRIPT_ERROR\",\"code\":\"SSS_REQUEST_LIMIT_EXCEEDED\","
					+ "\"message\":\"boom\"}}")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteScriptException.class)
				.isThrownBy(() -> client(context).restlet("1", "1").get(String.class))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isNull());
			assertThat(requests()).isOne();
			assertThat(permits(context).limit()).isEqualTo(5);
		});
	}

	@Test
	void takesA400WithConcurrencyLimitExceededForAValidationErrorNotThrottling() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withBody("{\"o:errorDetails\":[{\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\",\"detail\":\"x\"}]}")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteValidationException.class)
				.isThrownBy(() -> client(context).record("customer", "1").get())
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED"));
			assertThat(requests()).isOne();
			assertThat(permits(context).limit()).isEqualTo(5);
		});
	}

	@Test
	void saysARestletPostAnsweredWithAPageMayHaveRunAndAGetNot() {
		server.stubFor(any(anyUrl()).willReturn(html()));
		this.contextRunner.run((context) -> {
			NetSuiteClient client = client(context);
			assertMayHaveExecuted(() -> client.restlet("1", "1").post(Map.of(), Map.class), Reason.NOT_JSON);
			assertMayHaveExecuted(() -> client.restlet("1", "1").put("x", Void.class), Reason.NOT_JSON);
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client.restlet("1", "1").get(new ParameterizedTypeReference<Map<String, Object>>() {
				}))
				.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isFalse());
			assertThat(requests()).isEqualTo(3);
		});
	}

	@Test
	void saysAnExactlyOnceCreateWhoseResultIsAnHtmlPageMayHaveHappened() {
		stubJob(html());
		this.contextRunner.run((context) -> {
			assertMayHaveExecuted(() -> client(context).records("customer").exactlyOnce().create(Map.of()),
					Reason.NOT_JSON);
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client(context).records("customer").exactlyOnce().create(Map.of()))
				.satisfies((ex) -> {
					assertThat(ex.getMethod()).isEqualTo("POST");
					assertThat(ex.getPath()).isEqualTo(CUSTOMERS);
					assertThat(ex.getHint()).contains("same idempotency key");
				});
		});
	}

	@Test
	void takesNoIdFromAnExactlyOnceCreateWhoseResultNamesAnotherRecordType() {
		stubJob(aResponse().withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + "/services/rest/record/v1/salesorder/5"));
		this.contextRunner.run((context) -> assertMayHaveExecuted(
				() -> client(context).records("customer").exactlyOnce().create(Map.of()), Reason.UNEXPECTED));
	}

	@Test
	void pollsAgainAJobWhoseAnswerWasAnHtmlPageRatherThanTakeItForCompletion() {
		stubJob(aResponse().withStatus(204).withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "/647"));
		server.stubFor(get(urlPathEqualTo(JOB)).inScenario("poll")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(html())
			.willSetStateTo("page seen"));
		server.stubFor(get(urlPathEqualTo(JOB)).inScenario("poll")
			.whenScenarioStateIs("page seen")
			.willReturn(okJson("{\"completed\":true,\"progress\":\"succeeded\"}")));
		this.contextRunner.run((context) -> {
			assertThat(client(context).records("customer").exactlyOnce().create(Map.of())).isEqualTo("647");
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo(JOB)))).hasSize(2);
		});
	}

	@Test
	void refusesAnAcceptedSubmissionWithoutAJobToFollow() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
		this.contextRunner.run((context) -> {
			assertMayHaveExecuted(() -> client(context).records("customer").exactlyOnce().create(Map.of()),
					Reason.UNEXPECTED);
			assertThat(requests()).isOne();
		});
	}

	private static void stubJob(ResponseDefinitionBuilder result) {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS))
			.willReturn(aResponse().withStatus(202).withHeader(HttpHeaders.LOCATION, server.baseUrl() + JOB)));
		server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"completed\":true,\"progress\":\"succeeded\"}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task")).willReturn(okJson("{\"count\":1,\"items\":[{\"links\":"
				+ "[{\"rel\":\"self\",\"href\":\"" + server.baseUrl() + JOB + "/task/7\"}]}]}")));
		server.stubFor(get(urlPathEqualTo(JOB + "/task/7/result")).willReturn(result));
	}

	private void assertCreateRefused(Reason reason) {
		this.contextRunner.run((context) -> {
			assertMayHaveExecuted(() -> client(context).records("customer").create(Map.of("companyName", "Acme")),
					reason);
			assertThat(requests()).isOne();
		});
	}

	private static void assertMayHaveExecuted(ThrowingCallable call, Reason reason) {
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.getReason()).isEqualTo(reason);
			assertThat(ex.mayHaveExecuted()).isTrue();
			assertThat(ex.getMessage()).contains("NetSuite may have executed the request");
			assertThat(ex.getHint()).isNotNull();
		});
	}

	private static void assertUnreadable(ThrowingCallable call, Reason reason) {
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private static ResponseDefinitionBuilder html() {
		return aResponse().withStatus(200).withHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").withBody(HTML);
	}

	private static NetSuiteClient client(org.springframework.context.ApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

	private static NetSuitePermits permits(org.springframework.context.ApplicationContext context) {
		NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
		assertThat(permits).isNotNull();
		return permits;
	}

	private static int requests() {
		return server.findAll(anyRequestedFor(anyUrl())).size();
	}

	/**
	 * Answers every request with a {@code Content-Length} longer than the body it sends,
	 * then closes the connection.
	 */
	private static final class ShortServer implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger connections = new AtomicInteger();

		private final Thread thread;

		ShortServer() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.thread = new Thread(this::serve, "short-server");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					this.connections.incrementAndGet();
					readHead(connection.getInputStream());
					OutputStream out = connection.getOutputStream();
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
							+ "{\"id\":\"1\",").getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		// The request line and headers, and a body as long as its Content-Length.
		private static void readHead(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b == -1) {
					return;
				}
				head.append((char) b);
			}
			for (String line : head.toString().split("\r\n")) {
				if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
					in.readNBytes(Integer.parseInt(line.substring(15).trim()));
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
