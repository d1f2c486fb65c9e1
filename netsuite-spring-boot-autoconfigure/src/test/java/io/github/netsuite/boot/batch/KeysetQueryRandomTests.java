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
package io.github.netsuite.boot.batch;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys from NetSuite go into the next page's query text: on random keys of every UTF-8 width,
 * quotes and digits, the key read back from the query by an independent reading of SuiteQL
 * literals is the key, and only numbers go in unquoted.
 */
class KeysetQueryRandomTests {

	private static final long SEED = 0x5eed_24L;

	// One character of each UTF-8 width, quotes, and what a number is made of
	private static final String[] PIECES = { "a", "Z", "0", "7", "9", "-", "'", "''", " ", "é", "ß", "中", "€", "😀",
			"\uD834\uDD1E", ")", "(", "OR", ";" };

	@Test
	void everyRandomKeyReadsBackFromTheQueryItContinuesAfter() {
		Random random = new Random(SEED);
		KeysetQuery query = KeysetQuery.of("SELECT id FROM customer WHERE a = 1 OR b = 'x'", "id");
		String prefix = "SELECT id FROM customer WHERE (a = 1 OR b = 'x') AND id > ";
		String suffix = " ORDER BY id";
		for (int i = 0; i < 20_000; i++) {
			String key = randomKey(random);
			String text = query.after(key);
			assertThat(text).startsWith(prefix).endsWith(suffix);
			String literal = text.substring(prefix.length(), text.length() - suffix.length());
			assertThat(readLiteral(literal)).as("key %s", key).isEqualTo(key);
			assertThat(!literal.startsWith("'")).as("unquoted %s", key).isEqualTo(isNumber(key));
		}
	}

	private static String randomKey(Random random) {
		StringBuilder key = new StringBuilder();
		if (random.nextInt(4) == 0) {
			// Numbers, some too long for a SuiteQL integer
			key.append(random.nextBoolean() ? "-" : "");
			int digits = 1 + random.nextInt(22);
			for (int d = 0; d < digits; d++) {
				key.append((char) ('0' + random.nextInt(10)));
			}
			return key.toString();
		}
		int length = 1 + random.nextInt(12);
		for (int p = 0; p < length; p++) {
			key.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return key.toString();
	}

	// A SuiteQL literal read by hand: a number, or a quoted string whose quotes are doubled
	private static String readLiteral(String literal) {
		if (!literal.startsWith("'")) {
			return literal;
		}
		assertThat(literal).endsWith("'").hasSizeGreaterThanOrEqualTo(2);
		StringBuilder value = new StringBuilder();
		for (int i = 1; i < literal.length() - 1; i++) {
			char c = literal.charAt(i);
			if (c == '\'') {
				assertThat(literal.charAt(i + 1)).as("a lone quote inside %s", literal).isEqualTo('\'');
				i++;
			}
			value.append(c);
		}
		return value.toString();
	}

	private static boolean isNumber(String key) {
		String digits = key.startsWith("-") ? key.substring(1) : key;
		return !digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}
