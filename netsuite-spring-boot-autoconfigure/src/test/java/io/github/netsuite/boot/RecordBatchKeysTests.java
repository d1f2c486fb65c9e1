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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency keys of a seeded batch, against an independent spelling of RFC 4122's
 * name-based (MD5, version 3) UUID over the seed's UTF-8 bytes, on random seeds with
 * characters of every UTF-8 width.
 */
class RecordBatchKeysTests {

	private static final long SEED = 0x5EED_24L;

	@Test
	void keysAreTheVersion3UuidsOfTheSeedAndRequestNumberInUtf8() throws Exception {
		Random random = new Random(SEED);
		for (int run = 0; run < 2_000; run++) {
			String seed = randomText(random, 1 + random.nextInt(40));
			int request = random.nextInt(100_000);
			assertThat(RecordBatchRun.key(seed, request)).as("seed %s, request %d", seed, request)
				.isEqualTo(version3(utf8(seed + "/" + request)));
		}
	}

	@Test
	void keysOfTwoRequestsOrTwoSeedsDiffer() {
		assertThat(RecordBatchRun.key("job-42/chunk-7", 0)).isNotEqualTo(RecordBatchRun.key("job-42/chunk-7", 1))
			.isNotEqualTo(RecordBatchRun.key("job-42/chunk-8", 0));
	}

	private static String version3(byte[] name) throws Exception {
		byte[] hash = MessageDigest.getInstance("MD5").digest(name);
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		String hex = HexFormat.of().formatHex(hash);
		return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20);
	}

	// UTF-8 by hand, from code points: not through String.getBytes.
	private static byte[] utf8(String text) {
		ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
		text.codePoints().forEach((c) -> {
			if (c < 0x80) {
				bytes.put((byte) c);
			}
			else if (c < 0x800) {
				bytes.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
			}
			else if (c < 0x10000) {
				bytes.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F))).put((byte) (0x80 | (c & 0x3F)));
			}
			else {
				bytes.put((byte) (0xF0 | (c >> 18)))
					.put((byte) (0x80 | ((c >> 12) & 0x3F)))
					.put((byte) (0x80 | ((c >> 6) & 0x3F)))
					.put((byte) (0x80 | (c & 0x3F)));
			}
		});
		byte[] out = new byte[bytes.position()];
		bytes.flip().get(out);
		return out;
	}

	// Characters of one, two, three and four UTF-8 bytes, never a lone surrogate.
	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int c = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(0x80);
				case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
				case 2 -> {
					int candidate = 0x800 + random.nextInt(0x10000 - 0x800);
					yield (candidate >= 0xD800 && candidate <= 0xDFFF) ? 0xE000 : candidate;
				}
				default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
			};
			text.appendCodePoint(c);
		}
		return text.toString();
	}

}
