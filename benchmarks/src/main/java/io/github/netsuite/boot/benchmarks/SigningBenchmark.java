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
package io.github.netsuite.boot.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What signing a request costs: {@link #sign()} is the whole of {@link TbaSigner}'s work
 * for a typical SuiteQL request (nonce, timestamp, base string, HMAC, header), and
 * {@link #hmacFloor()} is the part no signer can avoid, HMAC-SHA256 and Base64 of a base
 * string of the same length with the key set up once. The target is {@code sign} at no
 * more than twice {@code hmacFloor}.
 *
 * @author NetSuite Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SigningBenchmark {

	static final URI SUITEQL = URI.create(
			"https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=1000&offset=2000");

	// Shaped like real NetSuite credentials: 64 hex digits each.
	static final String CONSUMER_KEY = "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4";

	static final String CONSUMER_SECRET = "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9a8f5";

	static final String TOKEN_ID = "2c53fdc1e4a9b6c0c0b1e0e5f3f0bd0c1e64fbd4a3f94ad7b6b5a4e0c19f2a77";

	static final String TOKEN_SECRET = "c8a2ed7f2b0f9e1c3d4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9";

	private TbaSigner signer;

	private Mac mac;

	private byte[] floorInput;

	@Setup
	public void setUp() throws GeneralSecurityException {
		// Shared, as the auto-configured signer is shared by every thread of an application.
		this.signer = new TbaSigner(AccountId.of("1234567_SB1"),
				new TbaCredentials(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET));
		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(new SecretKeySpec((CONSUMER_SECRET + "&" + TOKEN_SECRET).getBytes(StandardCharsets.US_ASCII),
				"HmacSHA256"));
		String nonce = "Kx7fQ2mZpL9aR4tW1vB8nC3d";
		this.floorInput = suiteqlBaseString(nonce, "1700000000").getBytes(StandardCharsets.US_ASCII);
		// The floor must hash what the signer hashes: check it against a signer with the same inputs.
		TbaSigner fixed = new TbaSigner(AccountId.of("1234567_SB1"),
				new TbaCredentials(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET),
				Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC), () -> nonce);
		String expected = URLEncoder.encode(hmacFloor(), StandardCharsets.US_ASCII);
		if (!fixed.authorizationHeader("POST", SUITEQL, null).endsWith("oauth_signature=\"" + expected + "\"")) {
			throw new IllegalStateException("hmacFloor does not hash the base string that sign() hashes");
		}
	}

	/**
	 * Sign the SuiteQL request as the starter does: system clock, strong random nonce.
	 * @return the {@code Authorization} header
	 */
	@Benchmark
	public String sign() {
		return this.signer.authorizationHeader("POST", SUITEQL, null);
	}

	/**
	 * HMAC-SHA256 and Base64 of a base string as long as the one {@link #sign()} makes.
	 * @return the Base64 signature
	 */
	@Benchmark
	public String hmacFloor() {
		return Base64.getEncoder().encodeToString(this.mac.doFinal(this.floorInput));
	}

	/**
	 * The base string (RFC 5849 §3.4.1) that {@link #sign()} signs, with the given nonce
	 * and timestamp of the same lengths as the signer's.
	 */
	static String suiteqlBaseString(String nonce, String timestamp) {
		return "POST&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql"
				+ "&limit%3D1000%26oauth_consumer_key%3D" + CONSUMER_KEY + "%26oauth_nonce%3D" + nonce
				+ "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D" + timestamp + "%26oauth_token%3D"
				+ TOKEN_ID + "%26oauth_version%3D1.0%26offset%3D2000";
	}

}
