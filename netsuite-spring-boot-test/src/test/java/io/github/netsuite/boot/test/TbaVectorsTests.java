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
import java.io.InputStream;
import java.net.URI;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double's verifier and the tests' signer both reproduce every known-answer case of
 * {@code tba-vectors.json}.
 */
class TbaVectorsTests {

	static Stream<JsonNode> vectors() throws IOException {
		try (InputStream json = TbaVectorsTests.class.getResourceAsStream("/tba-vectors.json")) {
			List<JsonNode> vectors = new ArrayList<>();
			new ObjectMapper().readTree(json).forEach(vectors::add);
			assertThat(vectors).hasSizeGreaterThanOrEqualTo(8);
			return vectors.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void verifierReproducesBaseStringAndSignature(JsonNode vector) {
		URI url = URI.create(vector.get("url").asText());
		String baseUri = url.getScheme() + "://" + url.getRawAuthority().toLowerCase() + url.getRawPath();
		List<Entry<String, String>> parameters = new ArrayList<>();
		oauthParameters(vector).forEach((name, value) -> parameters.add(new SimpleEntry<>(name, value)));
		parameters.addAll(TbaVerifier.parseParameters(url.getRawQuery(), false));
		String baseString = TbaVerifier.baseString(vector.get("method").asText(), baseUri, parameters);
		assertThat(baseString).isEqualTo(vector.get("signatureBaseString").asText());
		assertThat(TbaVerifier.sign(baseString, vector.get("consumerSecret").asText(),
				vector.get("tokenSecret").asText()))
			.isEqualTo(vector.get("signature").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void testSignerReproducesBaseStringAndSignature(JsonNode vector) {
		URI url = URI.create(vector.get("url").asText());
		String baseString = TestSigner.baseString(vector.get("method").asText(), url, oauthParameters(vector), null);
		assertThat(baseString).isEqualTo(vector.get("signatureBaseString").asText());
		assertThat(TestSigner.signature(baseString, vector.get("consumerSecret").asText(),
				vector.get("tokenSecret").asText(), "HmacSHA256"))
			.isEqualTo(vector.get("signature").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void verifierReadsTheHeaderTheTestSignerWrites(JsonNode vector) {
		Map<String, String> oauth = oauthParameters(vector);
		String header = TestSigner.authorizationHeader(vector.get("realm").asText(), oauth,
				vector.get("signature").asText());
		Map<String, String> parsed = TbaVerifier.parseAuthorizationHeader(header);
		assertThat(parsed).containsAllEntriesOf(oauth)
			.containsEntry("realm", vector.get("realm").asText())
			.containsEntry("oauth_signature", vector.get("signature").asText());
	}

	private static Map<String, String> oauthParameters(JsonNode vector) {
		Map<String, String> oauth = new LinkedHashMap<>();
		oauth.put("oauth_consumer_key", vector.get("consumerKey").asText());
		oauth.put("oauth_token", vector.get("tokenId").asText());
		oauth.put("oauth_signature_method", "HMAC-SHA256");
		oauth.put("oauth_timestamp", vector.get("timestamp").asText());
		oauth.put("oauth_nonce", vector.get("nonce").asText());
		oauth.put("oauth_version", "1.0");
		return oauth;
	}

}
