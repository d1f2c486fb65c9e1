package io.github.netsuite.boot.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
			.withMessageContaining("letters and digits");
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
