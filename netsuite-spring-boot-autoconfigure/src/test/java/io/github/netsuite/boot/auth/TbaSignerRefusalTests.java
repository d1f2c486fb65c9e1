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
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Adversarial input, one seed each: stray {@code %}, non-ASCII digits, lone surrogates,
 * hosts {@link URI} cannot read, relative URIs, bad nonces. The signer signs or refuses
 * with an {@link IllegalArgumentException} that does not quote a secret; it never throws
 * anything else.
 */
class TbaSignerRefusalTests {

	private static final String SECRET_MARK = "SeCrEt";

	// Pieces that make input malformed, or nearly so.
	private static final String[] PIECES = { "%", "%4", "%G1", "%\u0661\u0662", "\uD83D", "\uDE00", "\uD83D\uDE00",
			"€", "+", "&", "=", "%FF", "%ff", "a", "Z", "9", "~", " ", "\"" };

	private static final String[] URIS = { "https://1234567_SB1.suitetalk.api.netsuite.com/x", "https://bücher.example/",
			"/relative/path?q=1", "mailto:someone@example.com", "https://h", "https://h/\uD83D?q=\uDE00",
			"https://user:pw@h_x/y", "https://[::1]:8443/x?q=%E2%82%AC%E2%82%AC%21", "https://h/%E2%82%AC" };

	static LongStream seeds() {
		return LongStream.range(0, 500);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void signsOrRefusesWithAnIllegalArgumentExceptionThatQuotesNoSecret(long seed) {
		Random random = new Random(seed);
		String consumerSecret = SECRET_MARK + garbage(random);
		String tokenSecret = SECRET_MARK + garbage(random);
		String nonce = (random.nextInt(4) == 0) ? garbage(random) : "nonce123";
		Instant now = Instant.ofEpochSecond(random.nextInt(4) == 0 ? -random.nextInt(1000) - 1 : 1_700_000_000);
		String uri = URIS[random.nextInt(URIS.length)] + (random.nextBoolean() ? "?q=" + garbage(random) : "");
		String formBody = random.nextBoolean() ? "a=" + garbage(random) + "&" + garbage(random) : null;
		Throwable thrown = catchThrowable(() -> {
			TbaSigner signer = new TbaSigner(AccountId.of("1234567"),
					new TbaCredentials("ck" + garbage(random), consumerSecret, "tk", tokenSecret),
					Clock.fixed(now, ZoneOffset.UTC), () -> nonce);
			signer.authorizationHeader("POST", parse(uri), formBody);
		});
		if (thrown instanceof UnparsableUri) {
			return;
		}
		if (thrown != null) {
			assertThat(thrown).as("%s %s", uri, formBody).isExactlyInstanceOf(IllegalArgumentException.class);
			assertThat(thrown.getMessage()).isNotBlank().doesNotContain(SECRET_MARK);
		}
	}

	private static String garbage(Random random) {
		StringBuilder garbage = new StringBuilder();
		for (int i = random.nextInt(6); i > 0; i--) {
			garbage.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return garbage.toString();
	}

	// What java.net.URI refuses never reaches a signer.
	private static URI parse(String uri) {
		try {
			return new URI(uri);
		}
		catch (URISyntaxException ex) {
			throw new UnparsableUri();
		}
	}

	private static final class UnparsableUri extends RuntimeException {

	}

}
