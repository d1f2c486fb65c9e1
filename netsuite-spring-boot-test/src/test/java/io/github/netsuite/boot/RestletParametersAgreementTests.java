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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.RestletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESTlet parameters on random input, every UTF-8 width and every reserved character
 * included, as {@link RestletRequest} encodes and signs them, checked against the
 * double's own decoding and signature check, written apart from the client's.
 */
@SpringBootTest(classes = RestletParametersAgreementTests.TestApplication.class)
@EnableNetSuiteDouble
class RestletParametersAgreementTests {

	// Reserved and special characters of URLs and of the signature's encoding.
	private static final String SPECIAL = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private static final ParameterizedTypeReference<Map<String, String>> PARAMETERS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private NetSuiteClient client;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void everyRandomParameterArrivesAsSentAndSignedAsNetSuiteChecksIt() {
		this.netSuite.restlet("customscript_params", "customdeploy_params",
				(call) -> RestletResponse.json(call.parameters()));
		for (long seed = 0; seed < 300; seed++) {
			Random random = new Random(seed);
			Map<String, String> sent = new LinkedHashMap<>();
			int count = 1 + random.nextInt(6);
			for (int i = 0; i < count; i++) {
				sent.put("p" + i + text(random, 0, 3), text(random, 0, 12));
			}
			Map<String, String> expected = new LinkedHashMap<>();
			expected.put("script", "customscript_params");
			expected.put("deploy", "customdeploy_params");
			expected.putAll(sent);
			RestletRequest request = this.client.restlet("customscript_params", "customdeploy_params").params(sent);
			assertThat(request.get(PARAMETERS)).as("seed %d", seed).contains(expected);
		}
	}

	// Characters of one to four UTF-8 bytes, the special ones of URLs among them.
	private static String text(Random random, int min, int max) {
		StringBuilder text = new StringBuilder();
		int length = min + random.nextInt(max - min + 1);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
				case 1 -> text.append((char) ('a' + random.nextInt(26)));
				case 2 -> text.appendCodePoint(0x80 + random.nextInt(0x800 - 0x80));
				case 3 -> text.appendCodePoint(randomThreeByteCodePoint(random));
				default -> text.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
			}
		}
		return text.toString();
	}

	// Any three-byte code point but the surrogates, which are not characters on their own.
	private static int randomThreeByteCodePoint(Random random) {
		int codePoint = 0x800 + random.nextInt(0x10000 - 0x800 - 0x800);
		return (codePoint >= 0xD800) ? codePoint + 0x800 : codePoint;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
