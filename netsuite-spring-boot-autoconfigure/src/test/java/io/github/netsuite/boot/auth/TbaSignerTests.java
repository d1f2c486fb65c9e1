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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TbaSigner}.
 */
class TbaSignerTests {

	private static final Pattern NONCE = Pattern.compile("oauth_nonce=\"([^\"]*)\"");

	// The oauth_* parameters of fixedSigner() with nonce "nonce123" and timestamp "1".
	private static final String OAUTH = "oauth_consumer_key%3Dck%26oauth_nonce%3Dnonce123"
			+ "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1%26oauth_token%3Dtk%26oauth_version%3D1.0";

	static List<Vector> vectors() throws IOException {
		try (InputStream json = TbaSignerTests.class.getResourceAsStream("/tba-vectors.json")) {
			return JsonMapper.builder().build().readValue(json, new TypeReference<List<Vector>>() {
			});
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesBaseStringOfKnownAnswer(Vector vector) {
		assertThat(signer(vector).baseString(vector.method(), URI.create(vector.url()), null, vector.nonce(),
				vector.timestamp()))
			.isEqualTo(vector.signatureBaseString());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesSignatureOfKnownAnswer(Vector vector) {
		assertThat(signer(vector).signature(vector.signatureBaseString())).isEqualTo(vector.signature());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void writesAuthorizationHeaderOfKnownAnswer(Vector vector) {
		String header = signer(vector).authorizationHeader(vector.method(), URI.create(vector.url()), null);
		assertThat(header).isEqualTo("OAuth realm=\"" + vector.realm() + "\", oauth_consumer_key=\""
				+ vector.consumerKey() + "\", oauth_token=\"" + vector.tokenId()
				+ "\", oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"" + vector.timestamp()
				+ "\", oauth_nonce=\"" + vector.nonce() + "\", oauth_version=\"1.0\", oauth_signature=\""
				+ TbaSigner.encode(vector.signature()) + "\"");
	}

	@Test
	void signsFormBodyParametersLikeQueryParameters() {
		TbaSigner signer = fixedSigner();
		URI uri = URI.create("https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6");
		String base = signer.baseString("POST", uri, "name=M%C3%BCller+%26+Co&deploy=1", "nonce123", "1700000000");
		assertThat(base).endsWith("&deploy%3D1%26name%3DM%25C3%25BCller%2520%2526%2520Co%26oauth_consumer_key%3Dck"
				+ "%26oauth_nonce%3Dnonce123%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000"
				+ "%26oauth_token%3Dtk%26oauth_version%3D1.0%26script%3D6");
	}

	@Test
	void decodesPlusInQueryAsSpace() {
		TbaSigner signer = fixedSigner();
		String base = signer.baseString("GET", URI.create("https://a.example/x?q=a+b"), null, "nonce123", "1");
		assertThat(base).contains("q%3Da%2520b");
	}

	@Test
	void keepsEmptyAndValuelessParameters() {
		TbaSigner signer = fixedSigner();
		String base = signer.baseString("GET", URI.create("https://a.example/x?flag&empty="), null, "nonce123", "1");
		assertThat(base).startsWith("GET&https%3A%2F%2Fa.example%2Fx&empty%3D%26flag%3D%26oauth_");
	}

	@Test
	void sortsQueryParametersAmongTheOAuthOnesByNameThenValue() {
		TbaSigner signer = fixedSigner();
		String base = signer.baseString("GET", URI.create("https://a.example/x?oauth_p=1&z=2&a=3&oauth_nonce=a"), null,
				"nonce123", "1");
		assertThat(base).isEqualTo("GET&https%3A%2F%2Fa.example%2Fx&a%3D3%26oauth_consumer_key%3Dck"
				+ "%26oauth_nonce%3Da%26oauth_nonce%3Dnonce123%26oauth_p%3D1%26oauth_signature_method%3DHMAC-SHA256"
				+ "%26oauth_timestamp%3D1%26oauth_token%3Dtk%26oauth_version%3D1.0%26z%3D2");
	}

	@Test
	void sortsPercentEncodedParametersByTheirOnceEncodedForm() {
		TbaSigner signer = fixedSigner();
		String base = signer.baseString("GET", URI.create("https://a.example/x?b=x-y&b=x%2By&b=x+y&a%2fb=1&b=x.y"),
				null, "nonce123", "1");
		assertThat(base).startsWith("GET&https%3A%2F%2Fa.example%2Fx&a%252Fb%3D1%26b%3Dx%2520y%26b%3Dx%252By"
				+ "%26b%3Dx-y%26b%3Dx.y%26oauth_consumer_key%3Dck%26");
	}

	@Test
	void refusesASuppliedNonceThatIsNotLettersAndDigits() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.systemUTC(), () -> "abc\", oauth_x=\"1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer.authorizationHeader("GET", URI.create("https://a.example/x"), null))
			.withMessageContaining("letters and digits")
			.withMessageNotContaining("oauth_x");
	}

	@Test
	void dropsDefaultPortAndLowerCasesSchemeAndHost() {
		TbaSigner signer = fixedSigner();
		String base = signer.baseString("get", URI.create("HTTPS://A.Example:443/Path"), null, "nonce123", "1");
		assertThat(base).startsWith("GET&https%3A%2F%2Fa.example%2FPath&");
	}

	@Test
	void encodesTheOriginOfEachRequestWhenOneSignerSendsToSeveralHosts() {
		TbaSigner signer = fixedSigner();
		String[][] cases = { { "https://a.example/x", "GET&https%3A%2F%2Fa.example%2Fx&" },
				{ "https://b.example/x", "GET&https%3A%2F%2Fb.example%2Fx&" },
				{ "https://b.example:8443/x", "GET&https%3A%2F%2Fb.example%3A8443%2Fx&" },
				{ "http://b.example:8443/x", "GET&http%3A%2F%2Fb.example%3A8443%2Fx&" },
				{ "http://b.example:443/x", "GET&http%3A%2F%2Fb.example%3A443%2Fx&" },
				{ "https://b.example:443/x", "GET&https%3A%2F%2Fb.example%2Fx&" },
				{ "https://B.example/y", "GET&https%3A%2F%2Fb.example%2Fy&" },
				{ "https://a.example/x", "GET&https%3A%2F%2Fa.example%2Fx&" } };
		for (String[] c : cases) {
			assertThat(signer.baseString("GET", URI.create(c[0]), null, "nonce123", "1")).startsWith(c[1]);
		}
	}

	@Test
	void refusesMalformedPercentEncodingInFormBodyWithoutEchoingIt() {
		TbaSigner signer = fixedSigner();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer.authorizationHeader("POST", URI.create("https://a.example/x"), "q=secret%2"))
			.withMessageContaining("Malformed percent-encoding")
			.withMessageNotContaining("secret");
	}

	@Test
	void usesANewNonceAndTheClockOnEverySignature() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC), null);
		URI uri = URI.create("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/42");
		String first = signer.authorizationHeader("GET", uri, null);
		String second = signer.authorizationHeader("GET", uri, null);
		assertThat(nonce(first)).matches("[A-Za-z0-9]{24}").isNotEqualTo(nonce(second));
		assertThat(first).contains("oauth_timestamp=\"1700000000\"").isNotEqualTo(second);
	}

	@Test
	void writesTheTimestampOfEachSignatureWhenTheSecondChanges() {
		TbaSigner signer = fixedSigner();
		URI uri = URI.create("https://a.example/x");
		for (String timestamp : new String[] { "1700000000", "1700000000", "1700000001", "999", "1700000001" }) {
			assertThat(signer.baseString("GET", uri, null, "nonce123", timestamp))
				.contains("%26oauth_timestamp%3D" + timestamp + "%26");
		}
	}

	@Test
	void neverRepeatsANonceAcrossAMillionSignaturesOnManyThreads() throws Exception {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"));
		URI uri = URI.create("https://1234567.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=1000");
		int threads = 8;
		int perThread = 125_000;
		Set<String> nonces = ConcurrentHashMap.newKeySet(threads * perThread);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = IntStream.range(0, threads).<Future<?>>mapToObj((t) -> executor.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					nonces.add(nonce(signer.authorizationHeader("POST", uri, null)));
				}
			})).toList();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(nonces).hasSize(threads * perThread);
	}

	@Test
	void signsTwoEuroSignsFollowedByAsciiInQuery() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/?q=%E2%82%AC%E2%82%AC%21"), null,
				"nonce123", "1");
		assertThat(base).isEqualTo("GET&https%3A%2F%2Fh%2F&" + OAUTH + "%26q%3D%25E2%2582%25AC%25E2%2582%25AC%2521");
	}

	@Test
	void signsTwoEuroSignsFollowedByAsciiInFormBody() {
		String base = fixedSigner().baseString("POST", URI.create("https://h/"), "q=€€!", "nonce123", "1");
		assertThat(base).isEqualTo("POST&https%3A%2F%2Fh%2F&" + OAUTH + "%26q%3D%25E2%2582%25AC%25E2%2582%25AC%2521");
	}

	@Test
	void signsWithNonAsciiConsumerSecret() throws Exception {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "€€!", "tk", "ts"));
		assertThat(signer.signature("GET&x&y")).isEqualTo(hmac("%E2%82%AC%E2%82%AC%21&ts", "GET&x&y"));
	}

	@Test
	void signsWithReservedCharactersInSecrets() throws Exception {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "a&b=c", "tk", "x y+"));
		assertThat(signer.signature("GET&x&y")).isEqualTo(hmac("a%26b%3Dc&x%20y%2B", "GET&x&y"));
	}

	@Test
	void writesNonAsciiConsumerKeyPercentEncodedInHeader() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("clé", "cs", "tk", "ts"),
				Clock.fixed(Instant.ofEpochSecond(1), ZoneOffset.UTC), () -> "nonce123");
		assertThat(signer.authorizationHeader("GET", URI.create("https://h/"), null))
			.contains("oauth_consumer_key=\"cl%C3%A9\"");
	}

	@Test
	void signsLongNonAsciiPathOnNewSigner() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/" + "€".repeat(54) + "//"), null,
				"nonce123", "1");
		assertThat(base).startsWith("GET&https%3A%2F%2Fh%2F" + "%25E2%2582%25AC".repeat(54) + "%2F%2F&oauth_");
	}

	@Test
	void signsNonAsciiPathAsTheUtf8EscapesSentOnTheWire() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/M\u00fcller"), null, "nonce123", "1");
		assertThat(base).startsWith("GET&https%3A%2F%2Fh%2FM%25C3%25BCller&");
	}

	@Test
	void signsCombiningMarkInQueryAsTheNfcFormSentOnTheWire() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/?q=e\u0301"), null, "nonce123", "1");
		assertThat(base).endsWith("%26q%3D%25C3%25A9");
	}

	@Test
	void refusesUriWithoutHostNamingTheHost() {
		URI uri = URI.create("https://1234567_SB1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/42");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GET", uri, null))
			.withMessageContaining("no host")
			.withMessageContaining("'1234567_SB1.suitetalk.api.netsuite.com'");
	}

	@Test
	void refusesIdnHostNamingTheHost() {
		URI uri = URI.create("https://bücher.example/x");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GET", uri, null))
			.withMessageContaining("no host")
			.withMessageContaining("'bücher.example'")
			.withMessageContaining("IDN");
	}

	@Test
	void refusesRelativeUri() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GET", URI.create("/services/rest/x"), null))
			.withMessageContaining("relative");
	}

	@Test
	void refusesUriWithoutHostWithTheSameMessageWhateverWasSignedBefore() {
		URI uri = URI.create("https://1234567_SB1.suitetalk.api.netsuite.com/x");
		TbaSigner used = fixedSigner();
		used.authorizationHeader("GET", URI.create("https://a.example/x"), null);
		assertThatIllegalArgumentException().isThrownBy(() -> used.authorizationHeader("GET", uri, null))
			.withMessage(refusal(() -> fixedSigner().authorizationHeader("GET", uri, null)));
	}

	@Test
	void leavesUserInfoOutOfTheRefusalOfAUriWithoutHost() {
		URI uri = URI.create("https://me:pa55word@1234567_SB1.suitetalk.api.netsuite.com/x");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GET", uri, null))
			.withMessageNotContaining("pa55word");
	}

	@Test
	void leavesOauthSignatureQueryParameterOutOfBaseString() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/x?oauth_signature=abc&a=1"), null,
				"nonce123", "1");
		assertThat(base).isEqualTo("GET&https%3A%2F%2Fh%2Fx&a%3D1%26" + OAUTH);
	}

	@Test
	void leavesOauthSignatureFormParameterOutOfBaseString() {
		String base = fixedSigner().baseString("POST", URI.create("https://h/x"), "oauth%5Fsignature=abc&a=1",
				"nonce123", "1");
		assertThat(base).isEqualTo("POST&https%3A%2F%2Fh%2Fx&a%3D1%26" + OAUTH);
	}

	@Test
	void keepsRealmQueryParameterInBaseString() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/x?realm=r"), null, "nonce123", "1");
		assertThat(base).isEqualTo("GET&https%3A%2F%2Fh%2Fx&" + OAUTH + "%26realm%3Dr");
	}

	@Test
	void signsPercentFFAsOneByte() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/?q=%FF"), null, "nonce123", "1");
		assertThat(base).isEqualTo("GET&https%3A%2F%2Fh%2F&" + OAUTH + "%26q%3D%25FF");
	}

	@Test
	void signsLowerCaseHexEscapesAsUpperCase() {
		String base = fixedSigner().baseString("GET", URI.create("https://h/?q=%c3%a9"), null, "nonce123", "1");
		assertThat(base).endsWith("%26q%3D%25C3%25A9");
	}

	@Test
	void encodesCustomMethodInBaseString() {
		String base = fixedSigner().baseString("m!x", URI.create("https://h/"), null, "nonce123", "1");
		assertThat(base).startsWith("M%21X&https%3A%2F%2Fh%2F&");
	}

	@Test
	void refusesMethodThatIsNotAToken() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GE T", URI.create("https://h/"), null))
			.withMessageContaining("HTTP method");
	}

	@Test
	void refusesNonAsciiDigitsInEscape() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("POST", URI.create("https://h/"), "q=%\u0661\u0662"))
			.withMessageContaining("Malformed percent-encoding in the form body");
	}

	@Test
	void refusesTruncatedEscapeInQuery() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("POST", URI.create("https://h/"), "q=%4"))
			.withMessageContaining("Malformed percent-encoding in the form body");
	}

	@Test
	void refusesLoneHighSurrogate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("POST", URI.create("https://h/"), "q=\uD83Dab"))
			.withMessageContaining("form body")
			.withMessageContaining("lone surrogate");
	}

	@Test
	void refusesLoneHighSurrogateInPath() {
		URI uri = URI.create("https://h/\uD83Dab");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixedSigner().authorizationHeader("GET", uri, null))
			.withMessageContaining("path")
			.withMessageContaining("lone surrogate");
	}

	@Test
	void refusesLoneSurrogateInConsumerSecretWithoutEchoingIt() {
		TbaCredentials credentials = new TbaCredentials("ck", "s3cr3t\uD800", "tk", "ts");
		assertThatIllegalArgumentException().isThrownBy(() -> new TbaSigner(AccountId.of("1234567"), credentials))
			.withMessageContaining("consumer secret")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void refusesOneCharacterNonce() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.systemUTC(), () -> "a");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer.authorizationHeader("GET", URI.create("https://h/"), null))
			.withMessageContaining("6 to 64");
	}

	@Test
	void refusesSixtyFiveCharacterNonce() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.systemUTC(), () -> "a".repeat(65));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer.authorizationHeader("GET", URI.create("https://h/"), null))
			.withMessageContaining("6 to 64");
	}

	@Test
	void refusesTimestampBefore1970() {
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.fixed(Instant.ofEpochSecond(-1), ZoneOffset.UTC), () -> "nonce123");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer.authorizationHeader("GET", URI.create("https://h/"), null))
			.withMessageContaining("before 1970");
	}

	private static String refusal(Runnable signing) {
		try {
			signing.run();
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("Expected a refusal");
	}

	private static String hmac(String key, String baseString) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.US_ASCII)));
	}

	private static String nonce(String header) {
		Matcher matcher = NONCE.matcher(header);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static TbaSigner fixedSigner() {
		return new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"));
	}

	private static TbaSigner signer(Vector vector) {
		return new TbaSigner(AccountId.of(vector.realm()),
				new TbaCredentials(vector.consumerKey(), vector.consumerSecret(), vector.tokenId(),
						vector.tokenSecret()),
				Clock.fixed(Instant.ofEpochSecond(Long.parseLong(vector.timestamp())), ZoneOffset.UTC),
				vector::nonce);
	}

	record Vector(String name, String method, String url, String realm, String consumerKey, String consumerSecret,
			String tokenId, String tokenSecret, String nonce, String timestamp, String signatureBaseString,
			String signature) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
