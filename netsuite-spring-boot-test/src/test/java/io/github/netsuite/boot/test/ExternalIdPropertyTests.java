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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * External IDs from outside, on random text of every UTF-8 width and NetSuite's troublesome
 * characters (seeded, so a failure repeats): the double decodes a path's {@code eid:} once
 * into exactly the text an independent encoder encoded, and its {@code q} filter finds
 * exactly the record whose external ID a quoted value spells.
 */
class ExternalIdPropertyTests {

	private static final long SEED = 0x25_0E1DL;

	private static final int CASES = 150;

	// The characters that break paths, queries and quoting, besides letters of every width
	private static final String SPECIAL = " %+\"\\|/?#&=:;,'*~!$()[]{}<>^`@";

	private static final String CUSTOMER = "/services/rest/record/v1/customer";

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@Test
	void decodesEveryPercentEncodedExternalIdInThePathOnce() {
		Random random = new Random(SEED);
		int upserted = 0;
		for (int i = 0; i < CASES; i++) {
			String externalId = externalId(random);
			if (externalId.contains("|") || externalId.contains("/")) {
				// Never found by path, as NetSuite: those go through the filter below
				continue;
			}
			netSuite.records("customer").clear();
			HttpResponse<String> response = SignedRequest
				.to(netSuite, "PUT", CUSTOMER + "/" + encode("eid:" + externalId))
				.json("{\"companyName\":\"Case " + i + "\"}")
				.send();
			assertThat(response.statusCode()).as("PUT of %s", externalId).isEqualTo(204);
			assertThat(netSuite.records("customer").all()).as("%s", externalId)
				.singleElement()
				.satisfies((customer) -> assertThat(customer).containsEntry("externalId", externalId));
			upserted++;
		}
		assertThat(upserted).isGreaterThan(CASES / 3);
	}

	@Test
	void findsExactlyTheRecordWhoseExternalIdAQuotedFilterValueSpells() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < CASES; i++) {
			String externalId = externalId(random);
			netSuite.records("customer").clear();
			netSuite.records("customer").put(1, Map.of("externalId", externalId));
			netSuite.records("customer").put(2, Map.of("externalId", externalId + "x"));
			String filter = "externalId IS \"" + quoted(externalId) + "\"";
			HttpResponse<String> response = SignedRequest.to(netSuite, "GET", CUSTOMER + "?q=" + encode(filter)).send();
			assertThat(response.statusCode()).as("q=%s", filter).isEqualTo(200);
			assertThat(json(response).get("totalResults").asInt()).as("q=%s", filter).isEqualTo(1);
			assertThat(json(response).at("/items/0/id").asText()).isEqualTo("1");
		}
	}

	private static String externalId(Random random) {
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(12);
		while (text.length() < length) {
			switch (random.nextInt(6)) {
				case 0 -> text.append((char) ('A' + random.nextInt(26)));
				case 1 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
				// Two, three and four UTF-8 bytes
				case 2 -> text.appendCodePoint(0x00C0 + random.nextInt(0x0700));
				case 3 -> text.appendCodePoint(0x4E00 + random.nextInt(0x5000));
				case 4 -> text.appendCodePoint(0x1F300 + random.nextInt(0x0300));
				default -> text.append((char) ('0' + random.nextInt(10)));
			}
		}
		return text.toString();
	}

	// RFC 3986 percent-encoding of UTF-8 bytes, every byte but the unreserved ones
	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	// A quote and a backslash escaped with a backslash, as the client quotes a filter value
	private static String quoted(String text) {
		StringBuilder quoted = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			if (codePoint == '"' || codePoint == '\\') {
				quoted.append('\\');
			}
			quoted.appendCodePoint(codePoint);
		});
		return quoted.toString();
	}

}
