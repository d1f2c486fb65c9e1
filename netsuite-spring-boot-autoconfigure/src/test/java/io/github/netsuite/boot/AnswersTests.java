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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link Answers}: random JSON documents, written here by hand (not by Jackson)
 * with characters of every UTF-8 width, read back equal to Jackson's own reading of them;
 * and the same documents cut short, with bytes that are not UTF-8 or behind an HTML page,
 * never read as anything but a {@link NetSuiteUnreadableAnswerException}.
 */
class AnswersTests {

	private static final long SEED = 20261206L;

	private static final int DOCUMENTS = 3000;

	// One-, two-, three- and four-byte UTF-8 characters, and ones JSON must escape.
	private static final String[] CHARACTERS = { "a", "Z", "0", " ", "é", "ß", "Ж", "€", "中", "\uFFFD", "😀",
			"\uD834\uDD1E", "\"", "\\", "\n", "\t", "\u0001", "/" };

	private final JsonMapper mapper = JsonMapper.builder().build();

	// Thousands of unreadable documents would log as many warnings.
	@BeforeAll
	static void quiet() {
		LoggingSystem.get(AnswersTests.class.getClassLoader()).setLogLevel(Answers.class.getName(), LogLevel.ERROR);
	}

	@AfterAll
	static void loud() {
		LoggingSystem.get(AnswersTests.class.getClassLoader()).setLogLevel(Answers.class.getName(), null);
	}

	private final Answers.Answer answer = new Answers.Answer(200, "application/json", "GET", "/x", false, null);

	@Test
	void readsEveryRandomDocumentEqualToJacksonsReadingOfIt() {
		Random random = new Random(SEED);
		for (int i = 0; i < DOCUMENTS; i++) {
			String json = value(random, 0);
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			JsonNode expected = this.mapper.readTree(bytes);
			JsonNode read = Answers.tree(this.mapper, this.answer, new ByteArrayInputStream(bytes));
			assertThat(read).as("document %d: %s", i, json).isEqualTo(expected);
		}
	}

	@Test
	void readsEveryCorruptedDocumentAsUnreadableOrEqualToJacksonsReading() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < DOCUMENTS; i++) {
			byte[] bytes = value(random, 0).getBytes(StandardCharsets.UTF_8);
			byte[] corrupted = switch (random.nextInt(3)) {
				case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
				case 1 -> notUtf8(random, bytes);
				default -> concat("<html><body>".getBytes(StandardCharsets.US_ASCII), bytes);
			};
			try {
				JsonNode read = Answers.tree(this.mapper, this.answer, new ByteArrayInputStream(corrupted));
				// A cut can leave a whole document (a number cut to fewer digits, say), or none.
				if (read == null) {
					assertThat(new String(corrupted, StandardCharsets.UTF_8)).isBlank();
				}
				else {
					assertThat(read).isEqualTo(this.mapper.readTree(corrupted));
				}
			}
			catch (NetSuiteUnreadableAnswerException ex) {
				assertThat(ex.getReason()).isNotEqualTo(Reason.TOO_LARGE);
				assertThat(ex.getCause()).isNull();
			}
			catch (RuntimeException ex) {
				fail("document %d threw %s", i, ex.toString());
			}
		}
	}

	@Test
	void readsInvalidUtf8AsNotUtf8WhereverItIs() {
		Random random = new Random(SEED + 2);
		for (int i = 0; i < 500; i++) {
			byte[] bytes = ("{\"k\":\"" + text(random) + "\"}").getBytes(StandardCharsets.UTF_8);
			byte[] corrupted = notUtf8(random, bytes);
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.as("%s", HexFormat.of().formatHex(corrupted))
				.isThrownBy(() -> Answers.tree(this.mapper, this.answer, new ByteArrayInputStream(corrupted)))
				.satisfies((ex) -> assertThat(ex.getReason()).isIn(Reason.NOT_UTF8, Reason.NOT_JSON));
		}
	}

	@Test
	void readsAnHtmlPageAsNotJson() {
		assertReason("<html><body>Bad gateway</body></html>", Reason.NOT_JSON);
	}

	@Test
	void readsJsonThatEndsEarlyAsCutShort() {
		assertReason("{\"items\":[{\"id\":1}", Reason.CUT_SHORT);
	}

	@Test
	void readsJsonNestedTenThousandDeepAsTooDeep() {
		assertReason("[".repeat(10_000) + "]".repeat(10_000), Reason.TOO_DEEP);
	}

	@Test
	void readsTwoDocumentsAsUnexpected() {
		assertReason("{}{}", Reason.UNEXPECTED);
	}

	@Test
	void readsAnEmptyBodyAsNoDocument() {
		assertThat(Answers.tree(this.mapper, this.answer, new ByteArrayInputStream(new byte[0]))).isNull();
	}

	@Test
	void readsAStreamThatFailsMidwayAsCutShortKeepingTheFailureAsCause() {
		InputStream failing = new InputStream() {

			private int left = 5;

			@Override
			public int read() throws IOException {
				if (this.left-- > 0) {
					return '[';
				}
				throw new IOException("Connection reset");
			}

		};
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.tree(this.mapper, this.answer, failing))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CUT_SHORT);
				assertThat(ex.getCause()).hasMessage("Connection reset");
			});
	}

	@Test
	void letsTheBodyStreamsOwnNetSuiteExceptionPassUnchanged() {
		NetSuiteUnreadableAnswerException tooLarge = new NetSuiteUnreadableAnswerException(Reason.TOO_LARGE, 200,
				"application/json", false, "GET", "/x", null);
		InputStream limited = new InputStream() {

			private int left = 5;

			@Override
			public int read() {
				if (this.left-- > 0) {
					return '[';
				}
				throw tooLarge;
			}

		};
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.tree(this.mapper, this.answer, limited))
			.isSameAs(tooLarge);
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.bytes(this.answer, limited))
			.isSameAs(tooLarge);
	}

	@Test
	void letsTheBodyStreamsOwnNetSuiteExceptionPassUnchangedWhenReadingIntoAType() {
		NetSuiteUnreadableAnswerException tooLarge = new NetSuiteUnreadableAnswerException(Reason.TOO_LARGE, 200,
				"application/json", false, "GET", "/x", null);
		byte[] start = "{\"a\":{\"b\":[1,2,".getBytes(StandardCharsets.UTF_8);
		InputStream limited = new InputStream() {

			private int at;

			@Override
			public int read() {
				if (this.at < start.length) {
					return start[this.at++];
				}
				throw tooLarge;
			}

		};
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.value(this.mapper,
					this.mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class), this.answer,
					limited))
			.isSameAs(tooLarge);
	}

	@Test
	void readsJsonOfAnotherShapeThanTheTypeAsUnexpected() {
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.value(this.mapper,
					this.mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class), this.answer,
					new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNEXPECTED));
	}

	@Test
	void takesTheCreatedIdOnlyFromALocationOfTheSameTypeOnTheSameHost() {
		URI requested = URI.create("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer");
		assertThat(Answers.createdId("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/647",
				requested, "customer"))
			.isEqualTo("647");
		assertThat(Answers.createdId("/services/rest/record/v1/customer/648", requested, "customer")).isEqualTo("648");
		assertThat(Answers.createdId("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/salesorder/1",
				requested, "customer"))
			.isNull();
		assertThat(Answers.createdId("https://evil.example.com/services/rest/record/v1/customer/1", requested,
				"customer"))
			.isNull();
		assertThat(Answers.createdId("http://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1",
				requested, "customer"))
			.isNull();
		assertThat(Answers.createdId("https://1234567.suitetalk.api.netsuite.com/services/rest/async/v1/job/1",
				requested, "customer"))
			.isNull();
		assertThat(Answers.createdId("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/",
				requested, "customer"))
			.isNull();
		assertThat(Answers.createdId("not a uri", requested, "customer")).isNull();
		assertThat(Answers.createdId(null, requested, "customer")).isNull();
	}

	private void assertReason(String body, Reason reason) {
		assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
			.isThrownBy(() -> Answers.tree(this.mapper, this.answer,
					new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(reason);
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex.getContentType()).isEqualTo("application/json");
				assertThat(ex.getMessage()).doesNotContain(body.substring(0, Math.min(body.length(), 12)));
			});
	}

	// An ASCII byte replaced by a sequence that is never valid UTF-8: a lone continuation byte,
	// a start byte without its continuation, an overlong form, or a byte UTF-8 never uses.
	private static byte[] notUtf8(Random random, byte[] bytes) {
		byte[][] invalid = { { (byte) 0x80 }, { (byte) 0xBF }, { (byte) 0xC3, '(' }, { (byte) 0xE2, (byte) 0x28 },
				{ (byte) 0xC0, (byte) 0xAF }, { (byte) 0xF5 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 } };
		// An ASCII byte: a continuation byte in place of another would still be UTF-8.
		int at;
		do {
			at = random.nextInt(bytes.length);
		}
		while (bytes[at] < 0);
		byte[] replacement = invalid[random.nextInt(invalid.length)];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(bytes, 0, at);
		out.writeBytes(replacement);
		out.write(bytes, at + 1, bytes.length - at - 1);
		return out.toByteArray();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	// JSON written by hand, independently of Jackson's writer.
	private static String value(Random random, int depth) {
		int kind = (depth >= 6) ? random.nextInt(4) : random.nextInt(6);
		return switch (kind) {
			case 0 -> quoted(text(random));
			case 1 -> number(random);
			case 2 -> random.nextBoolean() ? "true" : "false";
			case 3 -> (random.nextInt(4) == 0) ? "null" : quoted(text(random));
			case 4 -> {
				StringBuilder array = new StringBuilder("[");
				int n = random.nextInt(5);
				for (int i = 0; i < n; i++) {
					array.append((i > 0) ? "," : "").append(space(random)).append(value(random, depth + 1));
				}
				yield array.append(space(random)).append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				int n = random.nextInt(5);
				for (int i = 0; i < n; i++) {
					// Keys distinct, so that the oracle's reading is not a matter of last-wins.
					object.append((i > 0) ? "," : "")
						.append(quoted(i + text(random)))
						.append(space(random))
						.append(':')
						.append(value(random, depth + 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	private static String space(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> " ";
			case 1 -> "\n  ";
			default -> "";
		};
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int n = random.nextInt(12);
		for (int i = 0; i < n; i++) {
			text.append(CHARACTERS[random.nextInt(CHARACTERS.length)]);
		}
		return text.toString();
	}

	private static String quoted(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '/' -> quoted.append("\\/");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

	private static String number(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> Integer.toString(random.nextInt());
			case 1 -> Long.toString(random.nextLong());
			case 2 -> random.nextInt(1000) + "." + random.nextInt(1000);
			default -> (random.nextBoolean() ? "-" : "") + random.nextInt(100) + "e" + (random.nextInt(20) - 10);
		};
	}

}
