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

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded property tests of external IDs in record paths: random IDs of every UTF-8 width,
 * with spaces and reserved characters, go on the wire as NetSuite's {@code eid:} path,
 * checked against an encoder and a decoder written apart from Spring's.
 */
class ExternalIdPathRandomTests {

	private static final long SEED = 0x25E1DL;

	private static final int RUNS = 200;

	private static final String CUSTOMERS = "/services/rest/record/v1/customer/";

	// Every ASCII character a system of record may put in an ID, reserved ones included.
	private static final String ASCII = " !\"#$%&'()*+,-.:;<=>?@[]^_`{}~0123456789AZaz";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TbaSigner signer = new TbaSigner(AccountId.of("1234567_SB1"),
			new TbaCredentials("ck", "cs", "tk", "ts"), Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC),
			() -> "fixedNonce123");

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
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"externalId\":\"none\"}")));
	}

	@Test
	void externalIdGoesOnTheWireAsItsUtf8EscapesAndDecodesBackExactly() {
		Random random = new Random(SEED);
		for (int run = 0; run < RUNS; run++) {
			String externalId = externalId(random, false);
			server.resetRequests();
			this.client.records("customer").externalId(externalId).get();
			LoggedRequest request = onlyRequest();
			String rawPath = request.getUrl();
			assertThat(rawPath).as("external ID %s", codePoints(externalId))
				.isEqualTo(CUSTOMERS + "eid:" + encode(externalId));
			assertThat(decode(rawPath.substring(CUSTOMERS.length()))).as("external ID %s", codePoints(externalId))
				.isEqualTo("eid:" + externalId);
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(
					this.signer.authorizationHeader("GET", URI.create(request.getAbsoluteUrl()), null));
		}
	}

	@Test
	void upsertPutsTheSamePathAsAReadDoes() {
		Random random = new Random(SEED + 1);
		server.stubFor(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(204)
			.withHeader(HttpHeaders.LOCATION, server.baseUrl() + CUSTOMERS + "9")));
		for (int run = 0; run < RUNS / 3; run++) {
			String externalId = externalId(random, false);
			server.resetRequests();
			assertThat(this.client.records("customer").upsert(externalId, java.util.Map.of())).isEqualTo("9");
			assertThat(decode(onlyRequest().getUrl().substring(CUSTOMERS.length())))
				.as("external ID %s", codePoints(externalId))
				.isEqualTo("eid:" + externalId);
		}
	}

	@Test
	void externalIdThePathCannotCarryIsLookedUpWithAQueryThatDecodesToItsEscapedForm() {
		Random random = new Random(SEED + 2);
		for (int run = 0; run < RUNS / 3; run++) {
			String externalId = externalId(random, true);
			server.resetRequests();
			server.stubFor(any(anyUrl()).willReturn(okJson("{\"items\":[],\"hasMore\":false,\"totalResults\":0}")));
			try {
				this.client.records("customer").externalId(externalId).get();
			}
			catch (NetSuiteNotFoundException expected) {
				// Nothing has it: the query is what is checked here
			}
			LoggedRequest request = onlyRequest();
			String query = request.getUrl().substring(request.getUrl().indexOf("&q=") + 3);
			String escaped = externalId.replace("\\", "\\\\").replace("\"", "\\\"");
			assertThat(query).as("external ID %s", codePoints(externalId))
				.isEqualTo(encode("externalId IS \"" + escaped + "\""));
			assertThat(codePoints(decode(query))).isEqualTo(codePoints("externalId IS \"" + escaped + "\""));
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(
					this.signer.authorizationHeader("GET", URI.create(request.getAbsoluteUrl()), null));
		}
	}

	// 1 to 12 characters of every UTF-8 width, never blank; with one of '|', '/' or '\'
	// when 'unaddressable', else without.
	private static String externalId(Random random, boolean unaddressable) {
		StringBuilder id = new StringBuilder();
		int length = 1 + random.nextInt(12);
		for (int i = 0; i < length; i++) {
			id.appendCodePoint(codePoint(random));
		}
		if (unaddressable) {
			// Between two characters, never inside a surrogate pair
			int at = id.offsetByCodePoints(0, random.nextInt(id.codePointCount(0, id.length()) + 1));
			id.insert(at, "|/\\".charAt(random.nextInt(3)));
		}
		String text = id.toString();
		return text.isBlank() ? "x" + text : text;
	}

	private static int codePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> ASCII.charAt(random.nextInt(ASCII.length()));
			case 1 -> 0xA0 + random.nextInt(0x800 - 0xA0);
			case 2 -> {
				int c = 0x800 + random.nextInt(0x10000 - 0x800 - 0x800);
				// Past the surrogates, which are no characters on their own
				yield (c >= 0xD800) ? c + 0x800 : c;
			}
			default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
		};
	}

	// RFC 3986's unreserved characters as they are, every other UTF-8 byte as %XX.
	private static String encode(String text) {
		return RecordOperationsWireMockTests.rfc3986(text);
	}

	private static String decode(String escaped) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '%') {
				bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				assertThat(c).isLessThan((char) 0x80);
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String codePoints(String text) {
		return text.codePoints().mapToObj((c) -> String.format("U+%04X", c)).toList().toString();
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
