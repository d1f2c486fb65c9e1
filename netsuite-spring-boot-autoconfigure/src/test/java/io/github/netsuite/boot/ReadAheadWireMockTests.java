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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams fetching ahead as many pages as the account's permits allow by default, against
 * a real HTTP server, through a chain with the account's concurrency governor: what is on
 * the wire at once, how an adaptive limit that shrinks is followed, that another caller
 * still gets a permit, and the {@code limit} a stream with fewer rows wanted asks for.
 */
class ReadAheadWireMockTests {

	private static final String QUERY = "SELECT id FROM customer ORDER BY id";

	private static final int PAGE_SIZE = 2;

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
		.build();

	// Requests that asked for a permit and have no answer yet: waiting, or on the wire.
	private final AtomicInteger outstanding = new AtomicInteger();

	private final AtomicInteger onTheWire = new AtomicInteger();

	private final AtomicInteger sequence = new AtomicInteger();

	// What every request found when it asked for a permit, and when it went on the wire.
	private final List<Moment> asked = new CopyOnWriteArrayList<>();

	private final List<Moment> sent = new CopyOnWriteArrayList<>();

	@Test
	void keepsEveryPermitBusyWithALimitOfFive() {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(5, Duration.ofSeconds(30));
		stubPages(20, 150);
		assertThat(client(governor, false).suiteql(QUERY).pageSize(PAGE_SIZE).stream().count()).isEqualTo(40);
		assertThat(this.sent).extracting(Moment::onTheWire).contains(5).allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(5));
		// Never more out than the permits and the one page waiting for the next to come free
		assertThat(this.asked).allSatisfy((moment) -> assertThat(moment.outstanding()).isLessThanOrEqualTo(5));
	}

	@Test
	void followsAnAdaptiveLimitThatShrinksAfterA429() {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(8, Duration.ofSeconds(30), true, null);
		int pages = 40;
		stubPages(pages, 200);
		// The fourth page is throttled once, then answered; late, so that the first eight are all out
		server.stubFor(post(urlPathEqualTo(SuiteQlQuery.PATH)).withQueryParam("offset", equalTo("6"))
			.inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withFixedDelay(600)
				.withBody("{\"status\":429,\"o:errorDetails\":[{\"detail\":\"Concurrent request limit exceeded. "
						+ "Request blocked.\",\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}"))
			.willSetStateTo("answered"));
		assertThat(client(governor, true).suiteql(QUERY).pageSize(PAGE_SIZE).stream().count())
			.isEqualTo(pages * PAGE_SIZE);
		assertThat(governor.throttled()).isEqualTo(1);
		// How far it shrinks depends on how many were in flight when the 429 came (at most 6)
		int shrunk = indexOf(this.sent, (moment) -> moment.limit() < 8);
		// Before: all eight permits in use
		assertThat(this.sent.subList(0, shrunk)).extracting(Moment::onTheWire).contains(8);
		// Once the pages planned under the old limit are through: the limit in force, no more
		List<Moment> late = this.asked.subList(this.asked.size() - 15, this.asked.size());
		assertThat(late).allSatisfy((moment) -> {
			assertThat(moment.limit()).isLessThanOrEqualTo(6);
			assertThat(moment.outstanding()).isLessThanOrEqualTo(moment.limit());
		});
		assertThat(this.sent.subList(this.sent.size() - 15, this.sent.size()))
			.anySatisfy((moment) -> assertThat(moment.onTheWire()).isEqualTo(moment.limit()));
	}

	@Test
	void anotherCallerGetsAPermitBeforeTheStreamsNextPages() throws Exception {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(3, Duration.ofSeconds(30));
		stubPages(30, 150);
		server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/42"))
			.willReturn(okJson("{\"id\":\"42\",\"companyName\":\"Acme\"}")));
		NetSuiteClient client = client(governor, false);
		CompletableFuture<Long> stream = CompletableFuture
			.supplyAsync(() -> client.suiteql(QUERY).pageSize(PAGE_SIZE).stream().count());
		// The stream reads ahead: every permit in use and one of its pages waiting
		awaitTrue(() -> governor.inFlight() == 3 && governor.waiting() == 1);
		Map<String, Object> record = client.record("customer", "42").get();
		assertThat(record).containsEntry("companyName", "Acme");
		assertThat(stream.isDone()).isFalse();
		assertThat(stream.get(30, TimeUnit.SECONDS)).isEqualTo(60);
		Moment asked = this.asked.get(indexOf(this.asked, Moment::isRecord));
		Moment sent = this.sent.get(indexOf(this.sent, Moment::isRecord));
		// Behind the one page of the stream that waited before it at most, none of those after it
		assertThat(asked.outstanding()).isLessThanOrEqualTo(4);
		assertThat(this.sent).filteredOn((page) -> page.order() > asked.order() && page.order() < sent.order())
			.hasSizeLessThanOrEqualTo(1);
		// Early in the stream, not once it had drained: most of its pages went out after the caller's
		assertThat(this.sent).filteredOn((page) -> page.order() > sent.order()).hasSizeGreaterThanOrEqualTo(15);
	}

	@Test
	void maxRowsBelowAPageAsksForThoseRowsOnly() {
		stubAnyPage(7);
		NetSuiteClient client = client(new ConcurrencyGovernor(5, Duration.ofSeconds(30)), false);
		assertThat(client.suiteql(QUERY).maxRows(7).stream().count()).isEqualTo(7);
		assertThat(requestedQueries()).containsExactly("limit=7&offset=0");
	}

	@Test
	void maxRowsOverSeveralPagesSpreadsThemEvenlyAtOffsetsThatAreMultiplesOfTheLimit() {
		stubAnyPage(834);
		NetSuiteClient client = client(new ConcurrencyGovernor(5, Duration.ofSeconds(30)), false);
		assertThat(client.suiteql(QUERY).maxRows(2_500).stream().count()).isEqualTo(2_500);
		assertThat(requestedQueries()).containsExactlyInAnyOrder("limit=834&offset=0", "limit=834&offset=834",
				"limit=834&offset=1668");
	}

	@Test
	void recordCollectionStreamsReadAheadWithinThePermitsToo() {
		ConcurrencyGovernor governor = new ConcurrencyGovernor(4, Duration.ofSeconds(30));
		int pages = 12;
		for (int i = 0; i < pages; i++) {
			int offset = i * PAGE_SIZE;
			server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer"))
				.withQueryParam("offset", equalTo(String.valueOf(offset)))
				.willReturn(okJson(page(offset, i < pages - 1, pages * PAGE_SIZE)).withFixedDelay((i == 0) ? 0 : 150)));
		}
		List<Object> ids = client(governor, false).records("customer").pageSize(PAGE_SIZE).stream()
			.map((item) -> item.get("id"))
			.toList();
		assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, pages * PAGE_SIZE).mapToObj(String::valueOf).toList());
		assertThat(this.sent).extracting(Moment::onTheWire).contains(4).allSatisfy((n) -> assertThat(n).isLessThanOrEqualTo(4));
	}

	// A client whose exchange reads ahead by the governor's permits, as an account's does.
	private NetSuiteClient client(ConcurrencyGovernor governor, boolean retry) {
		TbaAuthentication authentication = new TbaAuthentication(new TbaSigner(AccountId.of("1234567_SB1"),
				new TbaCredentials("ck", "cs", "tk", "ts"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "nonce1"));
		RestClient.Builder builder = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory());
		if (retry) {
			builder.requestInterceptor(
					new RetryInterceptor(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)));
		}
		RestClient rest = builder.requestInterceptor(recorder(this.asked, governor, 0))
			.requestInterceptor(governor)
			.requestInterceptor(recorder(this.sent, governor, 1))
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		NetSuiteExchange exchange = new NetSuiteExchange(AccountId.of("1234567_SB1"), rest, rest,
				JsonMapper.builder().build(), new NetSuiteErrorDecoder(authentication), SuiteQlPageListener.NONE,
				new ReadAhead(NetSuiteClient.DEFAULT_SUITEQL_PREFETCH_PAGES, governor),
				SuiteQlExecutor.create("read-ahead"), ObservationRegistry.NOOP, false,
				NetSuiteJob.AsyncPolling.DEFAULTS);
		return new NetSuiteClient(exchange);
	}

	// Records the moment a request reaches it, before the governor (0) or after it, on the
	// wire (1); counts it as outstanding, or on the wire, until its answer comes.
	private ClientHttpRequestInterceptor recorder(List<Moment> moments, ConcurrencyGovernor governor, int wire) {
		AtomicInteger counter = (wire == 1) ? this.onTheWire : this.outstanding;
		return (request, body, execution) -> {
			int others = counter.getAndIncrement();
			moments.add(new Moment(this.sequence.incrementAndGet(), request.getURI().getRawPath(), governor.limit(),
					(wire == 1) ? -1 : others, (wire == 1) ? others + 1 : -1));
			try {
				return execution.execute(request, body);
			}
			finally {
				counter.decrementAndGet();
			}
		};
	}

	private void stubPages(int pages, int delayMillis) {
		for (int i = 0; i < pages; i++) {
			int offset = i * PAGE_SIZE;
			server.stubFor(post(urlPathEqualTo(SuiteQlQuery.PATH)).withQueryParam("offset", equalTo(String.valueOf(offset)))
				.willReturn(okJson(page(offset, i < pages - 1, pages * PAGE_SIZE)).withFixedDelay((i == 0) ? 0 : delayMillis)));
		}
	}

	// Every offset answers 'rows' rows of a query with more.
	private void stubAnyPage(int rows) {
		StringBuilder items = new StringBuilder();
		for (int id = 1; id <= rows; id++) {
			items.append((id > 1) ? "," : "").append("{\"links\":[],\"id\":\"").append(id).append("\"}");
		}
		server.stubFor(post(urlPathEqualTo(SuiteQlQuery.PATH)).willReturn(okJson("{\"links\":[],\"count\":" + rows
				+ ",\"hasMore\":true,\"items\":[" + items + "],\"offset\":0,\"totalResults\":100000}")));
	}

	private static String page(int offset, boolean hasMore, int total) {
		StringBuilder items = new StringBuilder();
		for (int id = offset + 1; id <= offset + PAGE_SIZE; id++) {
			items.append((id > offset + 1) ? "," : "").append("{\"links\":[],\"id\":\"").append(id).append("\"}");
		}
		return "{\"links\":[],\"count\":" + PAGE_SIZE + ",\"hasMore\":" + hasMore + ",\"items\":[" + items
				+ "],\"offset\":" + offset + ",\"totalResults\":" + total + "}";
	}

	private static List<String> requestedQueries() {
		return server.findAll(anyRequestedFor(anyUrl())).stream().map((request) -> request.getUrl().replaceFirst(".*\\?", "")).toList();
	}

	private static int indexOf(List<Moment> moments, java.util.function.Predicate<Moment> which) {
		for (int i = 0; i < moments.size(); i++) {
			if (which.test(moments.get(i))) {
				return i;
			}
		}
		throw new AssertionError("No such request in " + moments);
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	/**
	 * When (in the order of all moments), a request's path, the limit in force, and when it
	 * asks for a permit the other requests outstanding (waiting for a permit or on the
	 * wire), when it is sent those on the wire, itself included.
	 */
	private record Moment(int order, String path, int limit, int outstanding, int onTheWire) {

		boolean isRecord() {
			return this.path.startsWith("/services/rest/record/");
		}

	}

}
