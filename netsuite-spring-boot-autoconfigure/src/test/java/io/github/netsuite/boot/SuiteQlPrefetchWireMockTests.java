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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SuiteQL pages fetched ahead, against a real HTTP server whose pages answer with chosen
 * delays and errors, through a chain with the account's concurrency permits.
 */
class SuiteQlPrefetchWireMockTests {

	private static final String QUERY = "SELECT id FROM customer ORDER BY id";

	private static final int PAGE_SIZE = 2;

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
		.build();

	private ConcurrencyGovernor governor;

	private final AtomicInteger onTheWire = new AtomicInteger();

	private final AtomicInteger mostOnTheWire = new AtomicInteger();

	private final Map<String, Thread> senders = new ConcurrentHashMap<>();

	private NetSuiteClient client;

	@BeforeEach
	void createClient() {
		createClient(5);
	}

	private void createClient(int limit) {
		TbaAuthentication authentication = new TbaAuthentication(new TbaSigner(AccountId.of("1234567_SB1"),
				new TbaCredentials("ck", "cs", "tk", "ts"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "nonce1"));
		this.governor = new ConcurrencyGovernor(limit, Duration.ofSeconds(30));
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory())
			.requestInterceptor(this.governor)
			.requestInterceptor((request, body, execution) -> {
				this.mostOnTheWire.accumulateAndGet(this.onTheWire.incrementAndGet(), Math::max);
				this.senders.put(request.getURI().getRawQuery(), Thread.currentThread());
				try {
					return execution.execute(request, body);
				}
				finally {
					this.onTheWire.decrementAndGet();
				}
			})
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.requestInterceptor(new NetSuiteAuthenticationInterceptor(authentication))
			.build();
		this.client = new NetSuiteClient(AccountId.of("1234567_SB1"), rest, rest, JsonMapper.builder().build(),
				new NetSuiteErrorDecoder(authentication), SuiteQlPageListener.NONE);
	}

	@Test
	void rowsComeInQueryOrderAndCompleteWhenLaterPagesAnswerFirst() {
		Random random = new Random(17);
		int pages = 20;
		for (int i = 0; i < pages; i++) {
			stubPage(i, pages, random.nextInt(40));
		}
		List<String> ids = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(4).stream()
			.map((row) -> (String) row.get("id"))
			.toList();
		assertThat(ids).containsExactlyElementsOf(ids(1, pages * PAGE_SIZE));
		assertThat(requestedOffsets()).containsExactlyInAnyOrderElementsOf(offsets(pages));
	}

	@Test
	void fetchesTheNextPagesAheadWhileTheConsumerReadsOne() {
		stubPages(10, 0);
		try (Stream<Map<String, Object>> rows = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(3).stream()) {
			Iterator<Map<String, Object>> iterator = rows.iterator();
			assertThat(iterator.next()).containsEntry("id", "1");
			awaitTrue(() -> requestedOffsets().size() == 4);
			// Only the consumer plans: nothing past the three ahead until it moves on
			assertThat(requestedOffsets()).containsExactlyInAnyOrder(0, 2, 4, 6);
		}
	}

	@Test
	void surfacesAnErrorOnPageSevenOfTenAtPageSevenAfterTheRowsOfPagesOneToSix() {
		// The pages before the failing one are slow, so its error arrives first
		for (int i = 0; i < 10; i++) {
			if (i != 6) {
				stubPage(i, 10, (i < 6) ? 60 : 0);
			}
		}
		server.stubFor(post(urlPathEqualTo(SuiteQlQuery.PATH)).withQueryParam("offset", equalTo("12"))
			.willReturn(aResponse().withStatus(400)
				.withBody("{\"status\":400,\"o:errorDetails\":[{\"detail\":\"Invalid search query.\","
						+ "\"o:errorCode\":\"INVALID_PARAMETER\"}]}")));
		List<String> read = new ArrayList<>();
		Stream<Map<String, Object>> rows = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(8).stream();
		assertThatExceptionOfType(NetSuiteValidationException.class)
			.isThrownBy(() -> rows.forEach((row) -> read.add((String) row.get("id"))))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("INVALID_PARAMETER"))
			.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("Invalid search query."));
		assertThat(read).containsExactlyElementsOf(ids(1, 12));
		awaitTrue(() -> this.governor.inFlight() == 0);
	}

	@Test
	void closingEarlyCancelsThePagesAheadAndReturnsEveryPermit() {
		createClient(2);
		stubPage(0, 10, 0);
		for (int i = 1; i < 10; i++) {
			stubPage(i, 10, 300);
		}
		Stream<Map<String, Object>> rows = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(6).stream();
		assertThat(rows.iterator().next()).containsEntry("id", "1");
		// Two pages ahead on the wire, the other four waiting for a permit
		awaitTrue(() -> this.governor.inFlight() == 2);
		rows.close();
		awaitTrue(() -> this.governor.waiting() == 0);
		awaitTrue(() -> this.governor.inFlight() == 0);
		// What waited for a permit never went out: the first page and at most the two on the wire
		assertThat(requestedOffsets()).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void fetchesThePagesAheadOnDaemonThreadsOfTheClientsOwnNotTheCommonPool() {
		stubPages(3, 0);
		assertThat(this.client.suiteql(QUERY).pageSize(PAGE_SIZE).stream().count()).isEqualTo(6);
		assertThat(this.senders.get("limit=2&offset=0")).isSameAs(Thread.currentThread());
		assertThat(List.of(this.senders.get("limit=2&offset=2"), this.senders.get("limit=2&offset=4")))
			.allSatisfy((thread) -> {
				assertThat(thread.getName()).startsWith("netsuite-suiteql-1234567_SB1-");
				assertThat(thread.isDaemon()).isTrue();
			});
	}

	@Test
	void holdsNoMoreThanPrefetchPlusOnePagesAtOnce() {
		for (int i = 0; i < 12; i++) {
			stubPage(i, 12, (i == 0) ? 0 : 50);
		}
		assertThat(this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(2).stream().count()).isEqualTo(24);
		// Two ahead while a page is read; while the next is awaited, the one after those too
		assertThat(this.mostOnTheWire).hasValue(3);
	}

	@Test
	void maxRowsFetchesNoPagePastThem() {
		stubPages(10, 0);
		List<String> ids = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(5).maxRows(5).stream()
			.map((row) -> (String) row.get("id"))
			.toList();
		assertThat(ids).containsExactly("1", "2", "3", "4", "5");
		assertThat(requestedOffsets()).containsExactlyInAnyOrder(0, 2, 4);
	}

	@Test
	void prefetchZeroReadsOnePageAtATimeAsTheConsumerReachesIt() {
		stubPages(3, 0);
		Iterator<Map<String, Object>> rows = this.client.suiteql(QUERY).pageSize(PAGE_SIZE).prefetch(0).stream()
			.iterator();
		List<String> ids = new ArrayList<>();
		List<Integer> requestsSeen = new ArrayList<>();
		while (rows.hasNext()) {
			ids.add((String) rows.next().get("id"));
			requestsSeen.add(requestedOffsets().size());
		}
		assertThat(ids).containsExactlyElementsOf(ids(1, 6));
		assertThat(requestsSeen).containsExactly(1, 1, 2, 2, 3, 3);
	}

	@Test
	void aPageFetchedAheadIsObservedAsAChildOfTheCallersObservation() {
		stubPages(4, 0);
		ObservationRegistry registry = ObservationRegistry.create();
		Map<Thread, ObservationView> parents = new ConcurrentHashMap<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				if (context.getName().equals("http.client.requests")) {
					parents.put(Thread.currentThread(), context.getParentObservation());
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		RestClient rest = RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory())
			.observationRegistry(registry)
			// As in every account's chain: the query's body buffered and sent with its length
			.requestInterceptor(new NetSuiteErrorInterceptor())
			.build();
		NetSuiteExchange exchange = new NetSuiteExchange(AccountId.of("1234567_SB1"), rest, rest,
				JsonMapper.builder().build(), new NetSuiteErrorDecoder(null), SuiteQlPageListener.NONE,
				new ReadAhead(3, null), SuiteQlExecutor.create("observed"), registry, false,
				NetSuiteJob.AsyncPolling.DEFAULTS);
		Observation caller = Observation.start("caller", registry);
		try (Observation.Scope scope = caller.openScope()) {
			assertThat(new SuiteQlQuery(exchange, QUERY, PAGE_SIZE, 3, Long.MAX_VALUE).stream().count()).isEqualTo(8);
		}
		finally {
			caller.stop();
		}
		assertThat(parents.keySet()).anySatisfy((thread) -> assertThat(thread.getName()).startsWith("netsuite-suiteql-observed-"));
		assertThat(parents.values()).containsOnly(caller);
	}

	private void stubPages(int pages, int delayMillis) {
		for (int i = 0; i < pages; i++) {
			stubPage(i, pages, delayMillis);
		}
	}

	private void stubPage(int index, int pages, int delayMillis) {
		int offset = index * PAGE_SIZE;
		StringBuilder items = new StringBuilder();
		for (int id = offset + 1; id <= offset + PAGE_SIZE; id++) {
			items.append((id > offset + 1) ? "," : "").append("{\"links\":[],\"id\":\"").append(id).append("\"}");
		}
		String body = "{\"links\":[],\"count\":" + PAGE_SIZE + ",\"hasMore\":" + (index < pages - 1) + ",\"items\":["
				+ items + "],\"offset\":" + offset + ",\"totalResults\":" + pages * PAGE_SIZE + "}";
		server.stubFor(post(urlPathEqualTo(SuiteQlQuery.PATH)).withQueryParam("offset", equalTo(String.valueOf(offset)))
			.willReturn(okJson(body).withFixedDelay(delayMillis)));
	}

	private static List<Integer> requestedOffsets() {
		return server.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.map((request) -> Integer.valueOf(request.queryParameter("offset").firstValue()))
			.toList();
	}

	private static List<String> ids(int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj(String::valueOf).toList();
	}

	private static List<Integer> offsets(int pages) {
		return IntStream.range(0, pages).map((i) -> i * PAGE_SIZE).boxed().toList();
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
