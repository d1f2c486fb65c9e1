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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.errorCode;
import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Batch operations on the wire: a job with a task per item, items that fail alone, the
 * async processors' schedule, and what a synchronous write costs.
 */
class BatchTests {

	private static final String CUSTOMERS = "/services/rest/record/v1/customer";

	private static final String COLLECTION = "application/vnd.oracle.resource+json; type=collection";

	private static final int MAX_ITEMS = 100;

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@BeforeEach
	void reset() {
		netSuite.reset();
		netSuite.clearData();
	}

	private static SignedRequest batch(String method, String items) {
		SignedRequest request = SignedRequest.to(netSuite, method, CUSTOMERS).header("Prefer", "respond-async");
		request.json("{\"items\":" + items + "}");
		return method.equals("DELETE") ? request : request.header("Content-Type", COLLECTION);
	}

	private static String submit(String method, String items) {
		HttpResponse<String> response = batch(method, items).send();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static HttpResponse<String> get(String url) {
		return SignedRequest.to(netSuite, "GET", URI.create(url).getRawPath()).send();
	}

	private static JsonNode awaitCompleted(String job) throws InterruptedException {
		for (int i = 0; i < 500; i++) {
			JsonNode body = json(get(job));
			if (body.get("completed").asBoolean()) {
				return body;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The job " + job + " did not complete");
	}

	// Each task, read through the links of the job's task list
	private static List<JsonNode> tasks(String job) {
		List<JsonNode> tasks = new ArrayList<>();
		for (JsonNode item : json(get(job + "/task/")).get("items")) {
			tasks.add(json(get(item.at("/links/0/href").asText())));
		}
		return tasks;
	}

	private static HttpResponse<String> result(JsonNode task) {
		return get(task.at("/result/links/0/href").asText());
	}

	private static String createdId(HttpResponse<String> result) {
		assertThat(result.statusCode()).as(result.body()).isEqualTo(204);
		String location = result.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private static String customers(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "{\"companyName\":\"C" + i + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
	}

	@Test
	void aCreateItemMissingARequiredFieldFailsAloneWithItsErrorAsItsTaskResult() throws Exception {
		netSuite.requiredFields("customer", "companyName");
		String job = submit("POST", "[{\"companyName\":\"A\"},{\"email\":\"b@b.test\"},{\"companyName\":\"C\"}]");
		assertThat(awaitCompleted(job).get("progress").asText()).isEqualTo("partiallySucceeded");
		List<JsonNode> tasks = tasks(job);
		assertThat(tasks).hasSize(3);
		assertThat(tasks).extracting((task) -> task.get("progress").asText())
			.containsExactly("succeeded", "failed", "succeeded");
		assertThat(netSuite.records("customer").get(createdId(result(tasks.get(0))))).containsEntry("companyName", "A");
		assertThat(netSuite.records("customer").get(createdId(result(tasks.get(2))))).containsEntry("companyName", "C");
		HttpResponse<String> failure = result(tasks.get(1));
		assertThat(failure.statusCode()).isEqualTo(400);
		assertThat(errorCode(failure)).isEqualTo("USER_ERROR");
		assertThat(json(failure).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("Please enter value(s) for: companyName.");
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
	}

	@Test
	void aSynchronousCreateMissingARequiredFieldIsRefusedAndStoresNothing() {
		netSuite.requiredFields("customer", "companyName", "subsidiary");
		HttpResponse<String> response = SignedRequest.to(netSuite, "POST", CUSTOMERS)
			.json("{\"companyname\":\"Acme\",\"subsidiary\":\" \"}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("USER_ERROR");
		assertThat(json(response).at("/o:errorDetails/0/detail").asText())
			.isEqualTo("Please enter value(s) for: subsidiary.");
		assertThat(netSuite.records("customer").size()).isZero();
	}

	@Test
	void theJobListsOneTaskPerItemInInputOrderWithTimesAndResultLinks() throws Exception {
		String job = submit("POST", customers(5));
		assertThat(awaitCompleted(job).get("progress").asText()).isEqualTo("succeeded");
		List<JsonNode> tasks = tasks(job);
		assertThat(tasks).extracting((task) -> task.get("id").asText()).containsExactly("1", "2", "3", "4", "5");
		for (int i = 0; i < tasks.size(); i++) {
			JsonNode task = tasks.get(i);
			assertThat(task.has("startTime")).isTrue();
			assertThat(task.has("endTime")).isTrue();
			assertThat(netSuite.records("customer").get(createdId(result(task)))).containsEntry("companyName", "C" + i);
		}
	}

	@Test
	void aTaskHasNoResultUntilItEnds() {
		netSuite.timePerAsyncRecord(Duration.ofMinutes(5));
		String job = submit("POST", customers(1));
		JsonNode job1 = json(get(job));
		assertThat(job1.get("completed").asBoolean()).isFalse();
		assertThat(job1.get("progress").asText()).isEqualTo("pending");
		JsonNode task = tasks(job).get(0);
		assertThat(task.get("progress").asText()).isEqualTo("pending");
		assertThat(task.has("endTime")).isFalse();
		assertThat(get(job + "/task/1/result").statusCode()).isEqualTo(404);
		assertThat(get(job + "/task/2").statusCode()).isEqualTo(404);
	}

	@Test
	void aBatchOfMoreThan100ItemsIsRefusedWholeAndNothingIsCreated() {
		HttpResponse<String> response = batch("POST", customers(MAX_ITEMS + 1)).send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(errorCode(response)).isEqualTo("USER_ERROR");
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(netSuite.records("customer").size()).isZero();
		assertThat(batch("POST", customers(MAX_ITEMS)).send().statusCode()).isEqualTo(202);
	}

	@Test
	void aBodyWithoutItemsIsInvalidContent() {
		assertThat(errorCode(batch("POST", "[]").send())).isEqualTo("INVALID_CONTENT");
		HttpResponse<String> notItems = SignedRequest.to(netSuite, "POST", CUSTOMERS)
			.json("{\"companyName\":\"A\"}")
			.header("Content-Type", COLLECTION)
			.header("Prefer", "respond-async")
			.send();
		assertThat(notItems.statusCode()).isEqualTo(400);
		assertThat(errorCode(notItems)).isEqualTo("INVALID_CONTENT");
		assertThat(netSuite.records("customer").size()).isZero();
	}

	@Test
	void anItemThatIsNotAnObjectFailsAlone() throws Exception {
		String job = submit("POST", "[\"A\",{\"companyName\":\"B\"}]");
		awaitCompleted(job);
		List<JsonNode> tasks = tasks(job);
		assertThat(errorCode(result(tasks.get(0)))).isEqualTo("INVALID_CONTENT");
		assertThat(result(tasks.get(1)).statusCode()).isEqualTo(204);
	}

	@Test
	void aRepeatedIdempotencyKeyAnswersTheOriginalJobAndCreatesNothingMore() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = batch("POST", customers(3)).header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
		HttpResponse<String> second = batch("POST", customers(3)).header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(errorCode(second)).isEqualTo("IDEMPOTENCY_ERROR");
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		awaitCompleted(first.headers().firstValue("Location").orElseThrow());
		assertThat(netSuite.records("customer").size()).isEqualTo(3);
	}

	@Test
	void aLostAnswerOfABatchIsFoundAgainByItsKey() throws Exception {
		String key = UUID.randomUUID().toString();
		netSuite.loseAnswers(1);
		assertThatIllegalStateException()
			.isThrownBy(() -> batch("POST", customers(2)).header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send())
			.withCauseInstanceOf(IOException.class);
		netSuite.loseAnswers(0);
		HttpResponse<String> again = batch("POST", customers(2)).header(AsyncEndpoint.IDEMPOTENCY_KEY, key).send();
		assertThat(errorCode(again)).isEqualTo("IDEMPOTENCY_ERROR");
		List<JsonNode> tasks = tasks(again.headers().firstValue("Location").orElseThrow());
		assertThat(tasks).hasSize(2);
		assertThat(netSuite.records("customer").size()).isEqualTo(2);
	}

	@Test
	void patchItemsAddressRecordsByExternalIdOrByInternalIdWhichWins() throws Exception {
		netSuite.records("customer").put(1, Map.of("companyName", "One", "externalId", "EXT 1/é€😀"));
		netSuite.records("customer").put(2, Map.of("companyName", "Two", "externalId", "EXT2"));
		String job = submit("PATCH", "[{\"externalId\":\"EXT 1/é€😀\",\"email\":\"one@x.test\"},"
				+ "{\"id\":\"2\",\"externalId\":\"EXT 1/é€😀\",\"email\":\"two@x.test\"},{\"email\":\"none@x.test\"}]");
		awaitCompleted(job);
		List<JsonNode> tasks = tasks(job);
		assertThat(result(tasks.get(0)).statusCode()).isEqualTo(204);
		assertThat(result(tasks.get(1)).statusCode()).isEqualTo(204);
		assertThat(errorCode(result(tasks.get(2)))).isEqualTo("USER_ERROR");
		assertThat(netSuite.records("customer").get(1)).containsEntry("email", "one@x.test");
		assertThat(netSuite.records("customer").get(2)).containsEntry("email", "two@x.test");
	}

	@Test
	void itemsReachTheirRecordsByAnyExternalIdOfEveryUtf8Width() throws Exception {
		Random random = new Random(24);
		List<String> externalIds = new ArrayList<>();
		for (int i = 0; i < MAX_ITEMS; i++) {
			String externalId = randomText(random, 1 + random.nextInt(12)) + "#" + i;
			externalIds.add(externalId);
			netSuite.records("customer").put(i + 1, Map.of("externalId", externalId));
		}
		String items = externalIds.stream()
			.map((externalId) -> "{\"externalId\":" + Json.write(externalId) + ",\"email\":\"x@x.test\"}")
			.collect(Collectors.joining(",", "[", "]"));
		String job = submit("PATCH", items);
		awaitCompleted(job);
		assertThat(tasks(job)).allSatisfy((task) -> assertThat(result(task).statusCode()).isEqualTo(204));
		assertThat(netSuite.records("customer").all())
			.allSatisfy((record) -> assertThat(record).containsEntry("email", "x@x.test"));
	}

	@Test
	void externalIdsArePercentEncodedAsAnIndependentEncoderDoesAndDecodeBack() {
		Random random = new Random(2024);
		for (int i = 0; i < 2_000; i++) {
			String text = randomText(random, random.nextInt(16));
			String independent = URLEncoder.encode(text, StandardCharsets.UTF_8)
				.replace("+", "%20")
				.replace("*", "%2A")
				.replace("%7E", "~");
			assertThat(TbaVerifier.percentEncode(text)).as(text).isEqualTo(independent);
			assertThat(TbaVerifier.percentDecode(TbaVerifier.percentEncode(text), false)).isEqualTo(text);
		}
	}

	// Code points of every UTF-8 width (1 to 4 bytes), no lone surrogates
	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(4)) {
				case 0 -> 0x20 + random.nextInt(0x7F - 0x20);
				case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
				case 2 -> {
					int c = 0x800 + random.nextInt(0x10000 - 0x800);
					yield (c >= 0xD800 && c <= 0xDFFF) ? 0x4E2D : c;
				}
				default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	@Test
	void patchOfAnUnknownExternalIdFailsItsItemWith404() throws Exception {
		String job = submit("PATCH", "[{\"externalId\":\"NOPE\",\"email\":\"x@x.test\"}]");
		assertThat(awaitCompleted(job).get("progress").asText()).isEqualTo("failed");
		HttpResponse<String> result = result(tasks(job).get(0));
		assertThat(result.statusCode()).isEqualTo(404);
		assertThat(errorCode(result)).isEqualTo("NONEXISTENT_ID");
	}

	@Test
	void putItemsUpsertByExternalIdCreatingThenUpdating() throws Exception {
		String created = submit("PUT", "[{\"externalId\":\"U-1\",\"companyName\":\"First\"},{\"companyName\":\"No key\"}]");
		awaitCompleted(created);
		List<JsonNode> tasks = tasks(created);
		String id = createdId(result(tasks.get(0)));
		assertThat(errorCode(result(tasks.get(1)))).isEqualTo("USER_ERROR");
		String updated = submit("PUT", "[{\"externalId\":\"U-1\",\"companyName\":\"Second\"}]");
		awaitCompleted(updated);
		assertThat(createdId(result(tasks(updated).get(0)))).isEqualTo(id);
		assertThat(netSuite.records("customer").size()).isOne();
		assertThat(netSuite.records("customer").get(id)).containsEntry("companyName", "Second")
			.containsEntry("externalId", "U-1");
	}

	@Test
	void deleteItemsRemoveTheirRecordsAndAnUnknownIdFailsAlone() throws Exception {
		netSuite.records("customer").put(1, Map.of("companyName", "One"));
		netSuite.records("customer").put(2, Map.of("companyName", "Two", "externalId", "E2"));
		netSuite.records("customer").put(3, Map.of("companyName", "Three"));
		String job = submit("DELETE", "[{\"id\":\"1\"},{\"externalId\":\"E2\"},{\"id\":\"99\"}]");
		awaitCompleted(job);
		List<JsonNode> tasks = tasks(job);
		assertThat(result(tasks.get(0)).statusCode()).isEqualTo(204);
		assertThat(result(tasks.get(1)).statusCode()).isEqualTo(204);
		assertThat(errorCode(result(tasks.get(2)))).isEqualTo("NONEXISTENT_ID");
		assertThat(netSuite.records("customer").all()).extracting((record) -> record.get("id")).containsExactly("3");
	}

	@Test
	void theProcessorsRunAtMostPTasksAtOnceFirstComeFirstServed() throws Exception {
		netSuite.asyncProcessors(3).timePerAsyncRecord(Duration.ofMillis(50));
		String first = submit("POST", customers(7));
		String second = submit("POST", customers(2));
		awaitCompleted(second);
		awaitCompleted(first);
		List<Instant[]> firstTimes = times(tasks(first));
		List<Instant[]> all = new ArrayList<>(firstTimes);
		List<Instant[]> secondTimes = times(tasks(second));
		all.addAll(secondTimes);
		assertThat(all).allSatisfy((slot) -> assertThat(Duration.between(slot[0], slot[1])).hasMillis(50));
		assertThat(mostAtOnce(all)).isEqualTo(3);
		// Seven tasks on three processors: three rounds; the second job queues behind them
		assertThat(Duration.between(firstTimes.get(0)[0], firstTimes.get(6)[1])).hasMillis(150);
		assertThat(secondTimes.get(0)[0]).isAfterOrEqualTo(firstTimes.get(6)[0]);
	}

	@Test
	void batchWorkHoldsNoConcurrencySlot() {
		netSuite.concurrencyLimit(1).timePerAsyncRecord(Duration.ofMinutes(1));
		String job = submit("POST", customers(10));
		assertThat(json(get(job)).get("completed").asBoolean()).isFalse();
		assertThat(get(job).statusCode()).isEqualTo(200);
		assertThat(netSuite.maxInFlight()).isOne();
	}

	@Test
	void aSynchronousWriteHoldsItsSlotForTheWriteLatency() throws Exception {
		netSuite.concurrencyLimit(1).writeLatency(Duration.ofSeconds(2));
		CompletableFuture<HttpResponse<String>> write = CompletableFuture
			.supplyAsync(() -> SignedRequest.to(netSuite, "POST", CUSTOMERS).json("{}").send());
		while (netSuite.inFlight() == 0) {
			Thread.sleep(5);
		}
		HttpResponse<String> read = SignedRequest.to(netSuite, "GET", "/services/rest/system/v1/serverTime").send();
		assertThat(read.statusCode()).isEqualTo(429);
		assertThat(write.get().statusCode()).isEqualTo(204);
	}

	@Test
	void readsAndBatchSubmissionsDoNotPayTheWriteLatency() {
		netSuite.writeLatency(Duration.ofSeconds(20));
		long started = System.nanoTime();
		assertThat(SignedRequest.to(netSuite, "GET", CUSTOMERS).send().statusCode()).isEqualTo(200);
		assertThat(batch("POST", customers(1)).send().statusCode()).isEqualTo(202);
		// Far below the 20 s a write would have waited
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	private static List<Instant[]> times(List<JsonNode> tasks) {
		return tasks.stream()
			.map((task) -> new Instant[] { Instant.parse(task.get("startTime").asText()),
					Instant.parse(task.get("endTime").asText()) })
			.toList();
	}

	// The most tasks running at one instant: [start, end) intervals
	private static int mostAtOnce(List<Instant[]> slots) {
		int most = 0;
		for (Instant[] slot : slots) {
			Instant at = slot[0];
			int running = (int) slots.stream().filter((other) -> !at.isBefore(other[0]) && at.isBefore(other[1])).count();
			most = Math.max(most, running);
		}
		return most;
	}

}
