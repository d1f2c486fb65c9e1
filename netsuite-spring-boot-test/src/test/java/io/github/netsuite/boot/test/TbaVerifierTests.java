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

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for how {@link TbaVerifier} decodes what it signs.
 */
class TbaVerifierTests {

	private static final String HEADER = "OAuth realm=\"1234567\", oauth_consumer_key=\"ck\", oauth_token=\"tk\", "
			+ "oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"1\", oauth_nonce=\"nonce123\", "
			+ "oauth_version=\"1.0\", oauth_signature=\"x\"";

	@Test
	void decodesPercentFFToOneByte() {
		assertThat(TbaVerifier.percentDecodeBytes("%FF", false)).containsExactly((byte) 0xFF);
	}

	@Test
	void signsPercentFFAsItself() {
		assertThat(TbaVerifier.signatureBaseString("GET", URI.create("https://h/?q=%FF"), null, HEADER))
			.endsWith("%26q%3D%25FF");
	}

	@Test
	void refusesNonAsciiDigitsInEscape() {
		assertThatIllegalArgumentException().isThrownBy(() -> TbaVerifier.percentDecodeBytes("%\u0661\u0662", false))
			.withMessageContaining("percent-encoding");
	}

	@Test
	void refusesLoneHighSurrogate() {
		assertThatIllegalArgumentException().isThrownBy(() -> TbaVerifier.percentDecodeBytes("\uD83Dx", false))
			.withMessageContaining("surrogate");
	}

	@Test
	void leavesOauthSignatureQueryParameterOutOfBaseString() {
		assertThat(TbaVerifier.signatureBaseString("GET", URI.create("https://h/?oauth_signature=abc&a=1"), null,
				HEADER))
			.isEqualTo("GET&https%3A%2F%2Fh%2F&a%3D1%26oauth_consumer_key%3Dck%26oauth_nonce%3Dnonce123"
					+ "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1%26oauth_token%3Dtk"
					+ "%26oauth_version%3D1.0");
	}

	@Test
	void encodesCustomMethodInBaseString() {
		assertThat(TbaVerifier.signatureBaseString("m!x", URI.create("https://h/"), null, HEADER))
			.startsWith("M%21X&https%3A%2F%2Fh%2F&");
	}

	@Test
	void keepsPercentDecodeOfRecordIdsAsText() {
		assertThat(TbaVerifier.percentDecode("eid%3AM%C3%BCller", false)).isEqualTo("eid:Müller");
	}

}
