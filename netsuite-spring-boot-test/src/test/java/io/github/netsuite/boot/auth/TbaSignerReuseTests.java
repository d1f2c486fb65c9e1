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
package io.github.netsuite.boot.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.netsuite.boot.auth.RandomRequests.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link TbaSigner} used again and again signs exactly as a new one does: nothing an
 * earlier request left behind changes a later one.
 */
class TbaSignerReuseTests {

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

	private static final TbaCredentials CREDENTIALS = new TbaCredentials("ck€", "cs&", "tk", "ts本");

	@Test
	void signsGrowingInputsAsANewSignerDoes() {
		TbaSigner shared = signer();
		for (int n = 0; n <= 300; n += 7) {
			URI uri = URI.create("https://h/" + "€".repeat(n) + "//?" + "q=%E2%82%AC%21&".repeat(n) + "end");
			String formBody = "f=€€!&".repeat(n);
			assertThat(shared.authorizationHeader("POST", uri, formBody)).as("n = %d", n)
				.isEqualTo(signer().authorizationHeader("POST", uri, formBody));
		}
	}

	@Test
	void signsShrinkingInputsAsANewSignerDoes() {
		TbaSigner shared = signer();
		for (int n = 300; n >= 0; n -= 7) {
			URI uri = URI.create("https://h/" + "本".repeat(n) + "?q=" + "%F0%9F%98%80".repeat(n));
			assertThat(shared.authorizationHeader("GET", uri, null)).as("n = %d", n)
				.isEqualTo(signer().authorizationHeader("GET", uri, null));
		}
	}

	@Test
	void signsAlternatingHostsAsANewSignerDoes() {
		TbaSigner shared = signer();
		String[] uris = { "https://a.example/x", "https://b.example/x", "https://b.example:8443/x",
				"http://b.example:8443/x", "http://b.example:443/x", "https://B.example:443/x", "HTTP://a.example:80/x" };
		for (int round = 0; round < 3; round++) {
			for (String uri : uris) {
				assertThat(shared.authorizationHeader("GET", URI.create(uri), null)).as(uri)
					.isEqualTo(signer().authorizationHeader("GET", URI.create(uri), null));
			}
		}
	}

	@Test
	void signsFromManyThreadsAsANewSignerDoes() throws Exception {
		List<Request> requests = IntStream.range(0, 400).mapToObj(RandomRequests::request).toList();
		List<String> expected = requests.stream().map(Request::header).toList();
		// One signer per credentials and clock, shared by every thread.
		List<TbaSigner> shared = requests.stream().map(Request::signer).toList();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				futures.add(executor.submit(() -> {
					List<String> headers = new ArrayList<>();
					for (int round = 0; round < 5; round++) {
						for (int i = 0; i < requests.size(); i++) {
							Request request = requests.get(i);
							headers.add(shared.get(i)
								.authorizationHeader(request.method(), request.uri(), request.formBody()));
						}
					}
					return headers;
				}));
			}
			for (Future<List<String>> future : futures) {
				List<String> headers = future.get();
				for (int i = 0; i < headers.size(); i++) {
					assertThat(headers.get(i)).isEqualTo(expected.get(i % requests.size()));
				}
			}
		}
		finally {
			executor.shutdown();
		}
	}

	private static TbaSigner signer() {
		return new TbaSigner(AccountId.of("1234567_SB1"), CREDENTIALS, CLOCK, () -> "nonce123");
	}

}
