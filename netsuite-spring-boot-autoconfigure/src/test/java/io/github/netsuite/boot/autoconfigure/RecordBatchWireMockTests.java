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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteValidationException;
import io.github.netsuite.boot.RecordBatch;
import io.github.netsuite.boot.observation.NetSuiteMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch writes ({@link RecordBatch}) as auto-configured, against a real HTTP server that
 * answers as NetSuite's batch operations are documented to: a job per request, a task per
 * item in input order, and each task's result the answer the item's synchronous request
 * would have had.
 */
class RecordBatchWireMockTests {

	private static final String IDEMPOTENCY_KEY_HEADER = "X-NetSuite-Idempotency-Key";

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Batches netSuite = new Batches();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(netSuite))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		// The JDK client: Apache's would re-send some requests on its own, out of sight.
		.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl(),
				"netsuite.retry.initial-backoff=10ms", "netsuite.retry.max-backoff=50ms",
				"netsuite.batch.poll-interval=5ms", "netsuite.batch.max-poll-interval=20ms");

	@BeforeEach
	void answerAsNetSuite() {
		netSuite.reset();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Batches.NAME)));
	}

	@Test
	void sendsEachRequestAsyncWithNetSuitesCollectionTypeAUuidKeyAndTheItemsAsGiven() {
		this.contextRunner.run((context) -> {
			List<Map<String, Object>> customers = List.of(Map.of("n", 0, "companyName", "Ä \u00e9 \ud83d\ude00"),
					Map.of("n", 1, "companyName", "Acme", "email", "a@example.com"));
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers);
			assertThat(results).extracting(RecordBatch.Result::id).containsExactly("1000", "1001");
			List<LoggedRequest> submits = submits();
			assertThat(submits).hasSize(1);
			LoggedRequest submit = submits.get(0);
			assertThat(submit.getMethod().getName()).isEqualTo("POST");
			assertThat(submit.getUrl()).isEqualTo(CUSTOMERS);
			assertThat(submit.getHeader("Prefer")).isEqualTo("respond-async");
			assertThat(submit.getHeader("Content-Type")).startsWith(COLLECTION);
			assertThat(UUID.fromString(submit.getHeader(IDEMPOTENCY_KEY_HEADER))).isNotNull();
			assertThat(json.readTree(submit.getBodyAsString()))
				.isEqualTo(json.valueToTree(Map.of("items", customers)));
		});
	}

	@Test
	void splits250ItemsIntoRequestsOf100And100And50AndAnswersInInputOrder() {
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(250));
			assertThat(results).extracting(RecordBatch.Result::index)
				.containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
			assertThat(results).extracting(RecordBatch.Result::id)
				.containsExactlyElementsOf(IntStream.range(0, 250).mapToObj((n) -> String.valueOf(1000 + n)).toList());
			// Submitted in parallel: the order on the wire is any, the cut is not.
			assertThat(submits()).extracting((submit) -> items(submit).size()).containsExactlyInAnyOrder(100, 100, 50);
			assertThat(submits()).extracting((submit) -> items(submit).get(0).path("n").asInt())
				.containsExactlyInAnyOrder(0, 100, 200);
			assertThat(submits()).extracting((submit) -> submit.getHeader(IDEMPOTENCY_KEY_HEADER))
				.doesNotHaveDuplicates();
		});
	}

	@Test
	void failsOnlyTheItemNetSuiteRefusedWithItsCodeAndDetail() {
		this.contextRunner.run((context) -> {
			List<Map<String, Object>> customers = new ArrayList<>(customers(5));
			customers.set(2, Map.of("n", 2, "fail", true));
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers);
			assertThat(results).extracting(RecordBatch.Result::succeeded).containsExactly(true, true, false, true, true);
			assertThat(results.get(2).id()).isNull();
			assertThat(results.get(2).error()).isInstanceOfSatisfying(NetSuiteValidationException.class, (error) -> {
				assertThat(error.getStatusCode()).isEqualTo(400);
				assertThat(error.getErrorCode()).isEqualTo("USER_ERROR");
				assertThat(error.getDetail()).isEqualTo("Please enter value(s) for: Company Name.");
				assertThat(error.getMethod()).isEqualTo("POST");
				assertThat(error.getPath()).isEqualTo(CUSTOMERS);
			});
			assertThat(results.get(3).orElseThrow()).isEqualTo("1003");
		});
	}

	@Test
	void findsAnErrorInsideASuccessfulTaskResult() {
		this.contextRunner.run((context) -> {
			List<Map<String, Object>> customers = List.of(Map.of("n", 0), Map.of("n", 1, "errorInside", true));
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers);
			assertThat(results.get(0).id()).isEqualTo("1000");
			assertThat(results.get(1).error()).isNotNull()
				.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("USER_ERROR"));
		});
	}

	@Test
	void submitsAThrottledRequestAgainWithTheSameKey() {
		netSuite.throttleSubmits.set(1);
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(3));
			assertThat(results).extracting(RecordBatch.Result::id).containsExactly("1000", "1001", "1002");
			List<LoggedRequest> submits = submits();
			assertThat(submits).hasSize(2);
			assertThat(submits.get(1).getHeader(IDEMPOTENCY_KEY_HEADER))
				.isEqualTo(submits.get(0).getHeader(IDEMPOTENCY_KEY_HEADER));
			assertThat(netSuite.executed.get()).isEqualTo(1);
		});
	}

	@Test
	void submitsARequestWhoseAnswerWasLostAgainWithTheSameKeyAndFollowsTheOriginalJob() {
		netSuite.loseSubmitAnswers.set(1);
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(3));
			assertThat(results).extracting(RecordBatch.Result::id).containsExactly("1000", "1001", "1002");
			List<LoggedRequest> submits = submits();
			assertThat(submits).hasSize(2);
			assertThat(submits.get(1).getHeader(IDEMPOTENCY_KEY_HEADER))
				.isEqualTo(submits.get(0).getHeader(IDEMPOTENCY_KEY_HEADER));
			assertThat(netSuite.executed.get()).isEqualTo(1);
			assertThat(netSuite.idempotencyErrors.get()).isEqualTo(1);
		});
	}

	@Test
	void derivesTheKeysFromASeedSoThatWritingAgainFollowsTheOriginalJobs() {
		this.contextRunner.run((context) -> {
			RecordBatch batch = client(context).records("customer").batch().size(2).idempotencyKeys("job-42/chunk-7");
			List<RecordBatch.Result> first = batch.create(customers(3));
			List<RecordBatch.Result> again = batch.create(customers(3));
			assertThat(again).extracting(RecordBatch.Result::id)
				.containsExactlyElementsOf(first.stream().map(RecordBatch.Result::id).toList())
				.containsExactly("1000", "1001", "1002");
			assertThat(netSuite.executed.get()).isEqualTo(2);
			assertThat(netSuite.idempotencyErrors.get()).isEqualTo(2);
			assertThat(submits()).extracting((submit) -> submit.getHeader(IDEMPOTENCY_KEY_HEADER))
				.containsOnly(key("job-42/chunk-7/0"), key("job-42/chunk-7/1"));
		});
	}

	@Test
	void readsTheIdFromALocationOrFromTheSelfLinkOfAJsonResult() {
		this.contextRunner.run((context) -> {
			List<Map<String, Object>> customers = List.of(Map.of("n", 0), Map.of("n", 1, "json", true),
					Map.of("n", 2, "jsonId", true));
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers);
			assertThat(results).extracting(RecordBatch.Result::id).containsExactly("1000", "1001", "1002");
		});
	}

	@Test
	void givesEveryItemAnUnknownOutcomeWhenTheTasksDoNotMatchTheItems() {
		netSuite.missingTasks.set(1);
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(4));
			assertThat(results).hasSize(4).allSatisfy((result) -> {
				assertThat(result.succeeded()).isFalse();
				assertThat(result.error()).isInstanceOfSatisfying(NetSuiteUnreadableAnswerException.class,
						(error) -> {
							assertThat(error.mayHaveExecuted()).isTrue();
							assertThat(error.getMessage()).contains("3 tasks for 4 items");
						});
			});
		});
	}

	@Test
	void givesAnItemWhoseResultCannotBeReadAnUnknownOutcomeAndTheOthersTheirIds() {
		this.contextRunner.run((context) -> {
			List<Map<String, Object>> customers = List.of(Map.of("n", 0), Map.of("n", 1, "html", true),
					Map.of("n", 2));
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers);
			assertThat(results.get(0).id()).isEqualTo("1000");
			assertThat(results.get(1).error()).isInstanceOfSatisfying(NetSuiteUnreadableAnswerException.class,
					(error) -> assertThat(error.mayHaveExecuted()).isTrue());
			assertThat(results.get(2).id()).isEqualTo("1002");
		});
	}

	@Test
	void failsEveryItemOfARedirectedRequestWithoutFollowingIt() {
		server.stubFor(post(urlPathEqualTo(CUSTOMERS)).atPriority(1)
			.willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/elsewhere?token=x")));
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(3));
			assertThat(results).allSatisfy((result) -> assertThat(result.error())
				.isInstanceOf(NetSuiteRedirectException.class)
				.hasMessageNotContaining("token=x"));
			assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/elsewhere")))).isEmpty();
		});
	}

	@Test
	void givesEveryItemAnUnknownOutcomeWhenItsJobHangsPastTheBatchTimeout() {
		server.stubFor(get(urlPathMatching("/services/rest/async/v1/job/\\d+")).atPriority(1)
			.willReturn(aResponse().withFixedDelay(3_000).withStatus(200)));
		this.contextRunner.withPropertyValues("netsuite.attempt-timeout=200ms", "netsuite.batch.timeout=1s")
			.run((context) -> {
				long started = System.nanoTime();
				List<RecordBatch.Result> results = client(context).records("customer").batch().create(customers(2));
				assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
				assertThat(results).allSatisfy((result) -> assertThat(result.error())
					.isInstanceOfSatisfying(NetSuiteUnreadableAnswerException.class,
							(error) -> assertThat(error.mayHaveExecuted()).isTrue()));
			});
	}

	@Test
	void streamsResultsInInputOrderWithABoundedWindowOfRequestsInFlight() {
		// Two permits: a window of four requests.
		this.contextRunner.withPropertyValues("netsuite.concurrency.limit=2", "netsuite.concurrency.adaptive=false")
			.run((context) -> {
				AtomicInteger pulled = new AtomicInteger();
				Stream<Map<String, Object>> input = IntStream.range(0, 600)
					.mapToObj((n) -> Map.<String, Object>of("n", n))
					.peek((item) -> pulled.incrementAndGet());
				int consumed = 0;
				int mostAhead = 0;
				try (Stream<RecordBatch.Result> results = client(context).records("customer")
					.batch()
					.size(10)
					.create(input)) {
					for (RecordBatch.Result result : (Iterable<RecordBatch.Result>) results::iterator) {
						assertThat(result.index()).isEqualTo(consumed);
						assertThat(result.id()).isEqualTo(String.valueOf(1000 + consumed));
						consumed++;
						mostAhead = Math.max(mostAhead, pulled.get() - consumed);
					}
				}
				assertThat(consumed).isEqualTo(600);
				// The window's four requests and the one being read, at ten items each.
				assertThat(mostAhead).isLessThanOrEqualTo(50);
				assertThat(netSuite.mostJobsUnread.get()).isBetween(2, 4);
				assertThat(submits()).hasSize(60);
			});
	}

	@Test
	void pullsNothingFromTheInputBeforeTheStreamIsRead() {
		this.contextRunner.run((context) -> {
			AtomicInteger pulled = new AtomicInteger();
			Stream<Map<String, Object>> input = IntStream.range(0, 10)
				.mapToObj((n) -> Map.<String, Object>of("n", n))
				.peek((item) -> pulled.incrementAndGet());
			try (Stream<RecordBatch.Result> results = client(context).records("customer").batch().create(input)) {
				assertThat(pulled.get()).isZero();
				assertThat(results.findFirst()).hasValueSatisfying((result) -> assertThat(result.id()).isEqualTo("1000"));
			}
		});
	}

	@Test
	void pollsAJobUntilItCompletes() {
		netSuite.pendingPolls.set(3);
		this.contextRunner.run((context) -> {
			assertThat(client(context).records("customer").batch().create(customers(2)))
				.extracting(RecordBatch.Result::id)
				.containsExactly("1000", "1001");
			assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/services/rest/async/v1/job/1")))).hasSize(4);
		});
	}

	@Test
	void upsertsWithPutAndUpdatesWithPatchInNetSuitesCollectionType() {
		this.contextRunner.run((context) -> {
			RecordBatch batch = client(context).records("customer").batch();
			assertThat(batch.upsert(List.of(Map.of("n", 0, "externalId", "C0")))).extracting(RecordBatch.Result::id)
				.containsExactly("1000");
			assertThat(batch.update(List.of(Map.of("n", 1, "id", "1001")))).extracting(RecordBatch.Result::id)
				.containsExactly("1001");
			assertThat(submits()).extracting((submit) -> submit.getMethod().getName()).containsExactly("PUT", "PATCH");
			assertThat(submits()).allSatisfy((submit) -> {
				assertThat(submit.getUrl()).isEqualTo(CUSTOMERS);
				assertThat(submit.getHeader("Content-Type")).startsWith(COLLECTION);
				assertThat(submit.getHeader("Prefer")).isEqualTo("respond-async");
			});
		});
	}

	@Test
	void deletesByInternalAndExternalIdAndAnswersWithTheIdsGiven() {
		this.contextRunner.run((context) -> {
			List<RecordBatch.Result> results = client(context).records("customer")
				.batch()
				.delete(List.of("7", "eid:C|1 ü"));
			assertThat(results).extracting(RecordBatch.Result::id).containsExactly("7", "eid:C|1 ü");
			LoggedRequest submit = submits().get(0);
			assertThat(submit.getMethod().getName()).isEqualTo("DELETE");
			assertThat(submit.getHeader("Content-Type")).doesNotContain("type=collection");
			assertThat(json.readTree(submit.getBodyAsString())).isEqualTo(
					json.readTree("{\"items\":[{\"id\":\"7\"},{\"externalId\":\"C|1 ü\"}]}"));
			assertThat(submit.getHeader(IDEMPOTENCY_KEY_HEADER)).isNotNull();
		});
	}

	@Test
	void writesNothingFromAListWithAnItemThatIsNoId() {
		this.contextRunner.run((context) -> {
			RecordBatch batch = client(context).records("customer").batch();
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> batch.delete(java.util.Arrays.asList("7", " ")))
				.withMessageContaining("Item 1");
			assertThat(submits()).isEmpty();
		});
	}

	@Test
	void cutsRequestsAtTheConfiguredSizeForEachAccount() {
		this.contextRunner
			.withPropertyValues("netsuite.batch.size=2", "netsuite.accounts.eu.account=7654321",
					"netsuite.accounts.eu.consumer-key=ck2", "netsuite.accounts.eu.consumer-secret=cs2",
					"netsuite.accounts.eu.token-id=tk2", "netsuite.accounts.eu.token-secret=ts2",
					"netsuite.accounts.eu.rest-url=" + server.baseUrl(),
					"netsuite.accounts.eu.restlet-url=" + server.baseUrl(), "netsuite.accounts.eu.batch.size=1")
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				accounts.primary().client().records("customer").batch().create(customers(3));
				assertThat(submits()).hasSize(2);
				accounts.get("eu").client().records("customer").batch().create(customers(3));
				assertThat(submits()).hasSize(5);
			});
	}

	@Test
	void refusesABatchSizeAbove100NamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.batch.size=101")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.batch.size must be between 1 and 100"));
	}

	@Test
	void refusesABatchMaxPollIntervalShorterThanItsPollIntervalNamingTheKey() {
		this.contextRunner.withPropertyValues("netsuite.batch.poll-interval=2s", "netsuite.batch.max-poll-interval=1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.batch.max-poll-interval must not be shorter than"));
	}

	@Test
	void countsItemsSubmittedSucceededAndFailedByAccountAndRecordType() {
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(NetSuiteMetricsAutoConfiguration.class))
			.run((context) -> {
				List<Map<String, Object>> customers = new ArrayList<>(customers(5));
				customers.set(4, Map.of("n", 4, "fail", true));
				client(context).records("customer").batch().create(customers);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(count(meters, "netsuite.batch.items.submitted")).isEqualTo(5);
				assertThat(count(meters, "netsuite.batch.items.succeeded")).isEqualTo(4);
				assertThat(count(meters, "netsuite.batch.items.failed")).isEqualTo(1);
				assertThat(meters.get("netsuite.batch.jobs.in-flight")
					.tag("netsuite.account", "1234567_SB1")
					.tag("netsuite.record.type", "customer")
					.gauge()
					.value()).isZero();
			});
	}

	private static double count(MeterRegistry meters, String name) {
		return meters.get(name).tag("netsuite.account", "1234567_SB1").tag("netsuite.record.type", "customer").counter().count();
	}

	private static NetSuiteClient client(org.springframework.context.ApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

	private static List<Map<String, Object>> customers(int count) {
		return IntStream.range(0, count).mapToObj((n) -> Map.<String, Object>of("n", n, "companyName", "C" + n)).toList();
	}

	private static String key(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
	}

	private static List<LoggedRequest> submits() {
		return server.findAll(anyRequestedFor(urlPathEqualTo(CUSTOMERS)));
	}

	private static List<JsonNode> items(LoggedRequest submit) {
		List<JsonNode> items = new ArrayList<>();
		json.readTree(submit.getBodyAsString()).path("items").forEach(items::add);
		return items;
	}

	/**
	 * NetSuite's batch operations as documented: a job per accepted request, remembered by
	 * its idempotency key; one task per item in input order; each task's result the
	 * synchronous answer. Items steer their own result: {@code fail} (an error answer),
	 * {@code errorInside} (the error in a 200), {@code json} (the record's self link),
	 * {@code jsonId} (its id), {@code html} (a proxy's page). A record's ID is
	 * {@code 1000 + n}.
	 */
	static final class Batches implements ResponseDefinitionTransformerV2 {

		static final String NAME = "batches";

		private static final Pattern JOB = Pattern.compile("/services/rest/async/v1/job/(\\d+)(/task/?)?(?:(\\d+)/result)?");

		final AtomicInteger throttleSubmits = new AtomicInteger();

		final AtomicInteger loseSubmitAnswers = new AtomicInteger();

		final AtomicInteger missingTasks = new AtomicInteger();

		final AtomicInteger pendingPolls = new AtomicInteger();

		final AtomicInteger executed = new AtomicInteger();

		final AtomicInteger idempotencyErrors = new AtomicInteger();

		final AtomicInteger jobsUnread = new AtomicInteger();

		final AtomicInteger mostJobsUnread = new AtomicInteger();

		private final Map<String, Integer> keys = new ConcurrentHashMap<>();

		private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();

		void reset() {
			for (AtomicInteger counter : List.of(this.throttleSubmits, this.loseSubmitAnswers, this.missingTasks,
					this.pendingPolls, this.executed, this.idempotencyErrors, this.jobsUnread, this.mostJobsUnread)) {
				counter.set(0);
			}
			this.keys.clear();
			this.jobs.clear();
		}

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			Request request = serveEvent.getRequest();
			URI uri = URI.create(request.getAbsoluteUrl());
			String base = uri.getScheme() + "://" + uri.getAuthority();
			if (uri.getPath().equals(CUSTOMERS)) {
				return submit(request, base).build();
			}
			Matcher job = JOB.matcher(uri.getPath());
			if (!job.matches()) {
				return aResponse().withStatus(404).build();
			}
			Job known = this.jobs.get(Integer.valueOf(job.group(1)));
			if (job.group(3) != null) {
				return known.result(Integer.parseInt(job.group(3)), base).build();
			}
			if (job.group(2) != null) {
				return known.tasks(base).build();
			}
			return known.poll(base).build();
		}

		private ResponseDefinitionBuilder submit(Request request, String base) {
			if (this.throttleSubmits.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return aResponse().withStatus(429)
					.withBody("{\"status\":429,\"o:errorDetails\":[{\"detail\":\"Concurrent request limit exceeded. "
							+ "Request blocked.\",\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}");
			}
			String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
			Integer earlier = this.keys.get(key);
			if (earlier != null) {
				this.idempotencyErrors.incrementAndGet();
				return aResponse().withStatus(400)
					.withHeader("Location", base + "/services/rest/async/v1/job/" + earlier)
					.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
					.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"A request with the same idempotency "
							+ "key is already submitted.\",\"o:errorCode\":\"IDEMPOTENCY_ERROR\"}]}");
			}
			int id = this.executed.incrementAndGet();
			List<JsonNode> items = new ArrayList<>();
			json.readTree(request.getBodyAsString()).path("items").forEach(items::add);
			this.jobs.put(id, new Job(id, request.getMethod().getName(), items));
			this.keys.put(key, id);
			this.mostJobsUnread.accumulateAndGet(this.jobsUnread.incrementAndGet(), Math::max);
			if (this.loseSubmitAnswers.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				// Executed, but its answer never arrives.
				return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
			}
			return aResponse().withStatus(202)
				.withHeader("Preference-Applied", "respond-async")
				.withHeader("Location", base + "/services/rest/async/v1/job/" + id);
		}

		final class Job {

			private final int id;

			private final String method;

			private final List<JsonNode> items;

			private final AtomicInteger polls = new AtomicInteger();

			private final Map<Integer, Boolean> read = new ConcurrentHashMap<>();

			Job(int id, String method, List<JsonNode> items) {
				this.id = id;
				this.method = method;
				this.items = items;
			}

			private String path() {
				return "/services/rest/async/v1/job/" + this.id;
			}

			ResponseDefinitionBuilder poll(String base) {
				if (this.polls.incrementAndGet() <= Batches.this.pendingPolls.get()) {
					return json("{\"completed\":false,\"progress\":\"pending\"}");
				}
				return json("{\"completed\":true,\"progress\":\"succeeded\",\"task\":{\"links\":[{\"rel\":\"related\","
						+ "\"href\":\"" + base + path() + "/task\"}]}}");
			}

			ResponseDefinitionBuilder tasks(String base) {
				StringBuilder tasks = new StringBuilder();
				int count = this.items.size() - Batches.this.missingTasks.get();
				for (int n = 0; n < count; n++) {
					tasks.append((n > 0) ? "," : "")
						.append("{\"id\":\"")
						.append(n)
						.append("\",\"links\":[{\"rel\":\"self\",\"href\":\"")
						.append(base)
						.append(path())
						.append("/task/")
						.append(n)
						.append("\"}]}");
				}
				return json("{\"count\":" + count + ",\"hasMore\":false,\"items\":[" + tasks + "]}");
			}

			ResponseDefinitionBuilder result(int task, String base) {
				if (this.read.put(task, true) == null && this.read.size() == this.items.size()) {
					Batches.this.jobsUnread.decrementAndGet();
				}
				JsonNode item = this.items.get(task);
				String record = base + CUSTOMERS + "/" + (1000 + item.path("n").asInt());
				if (item.has("fail") || item.has("errorInside")) {
					String error = "{\"type\":\"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1\","
							+ "\"title\":\"Bad Request\",\"status\":400,\"o:errorDetails\":[{\"detail\":"
							+ "\"Please enter value(s) for: Company Name.\",\"o:errorCode\":\"USER_ERROR\"}]}";
					return aResponse().withStatus(item.has("fail") ? 400 : 200)
						.withHeader("Content-Type", "application/vnd.oracle.resource+json; type=error")
						.withBody(error);
				}
				if (item.has("json")) {
					return json("{\"links\":[{\"rel\":\"self\",\"href\":\"" + record + "\"}]}");
				}
				if (item.has("jsonId")) {
					return json("{\"id\":\"" + (1000 + item.path("n").asInt()) + "\"}");
				}
				if (item.has("html")) {
					return aResponse().withStatus(200)
						.withHeader("Content-Type", "text/html")
						.withBody("<html><body>Gateway</body></html>");
				}
				if (this.method.equals("DELETE")) {
					return aResponse().withStatus(204);
				}
				return aResponse().withStatus(204).withHeader("Location", record);
			}

			private static ResponseDefinitionBuilder json(String body) {
				return aResponse().withStatus(200)
					.withHeader("Content-Type", "application/vnd.oracle.resource+json")
					.withBody(body);
			}

		}

	}

}
