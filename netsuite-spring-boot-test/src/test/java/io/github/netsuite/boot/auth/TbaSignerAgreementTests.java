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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.LongStream;

import io.github.netsuite.boot.auth.RandomRequests.Request;
import io.github.netsuite.boot.test.TbaVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TbaSigner} against the NetSuite double's independent {@link TbaVerifier} on
 * random valid requests, one seed each (a failing seed replays with
 * {@link RandomRequests#request(long)}). Property-based in spirit, with a seeded JUnit
 * generator rather than a property-testing library.
 */
class TbaSignerAgreementTests {

	// More with -Dtba.agreement.cases=N; CI runs the default.
	private static final int CASES = Integer.getInteger("tba.agreement.cases", 1_000);

	static LongStream seeds() {
		return LongStream.range(0, CASES);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void verifierAcceptsWhatTheSignerSigns(long seed) {
		Request request = RandomRequests.request(seed);
		TbaVerifier verifier = new TbaVerifier(AccountId.of(request.realm()).realm(), request.consumerKey(),
				request.consumerSecret(), request.tokenId(), request.tokenSecret());
		String header = request.header();
		assertThat(verifier.verify(request.method(), request.uri(), request.formBody(), header,
				Instant.ofEpochSecond(request.timestamp())))
			.as("%s signed as %s", request, header)
			.isEqualTo("Success");
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void baseStringIsTheVerifiers(long seed) {
		Request request = RandomRequests.request(seed);
		String header = request.header();
		assertThat(request.baseString()).as("%s", request)
			.isEqualTo(TbaVerifier.signatureBaseString(request.method(), request.uri(), request.formBody(), header));
	}

	@Test
	void signsTheSampleRestletQueryOfIssue12SoThatTheDoubleAcceptsIt() {
		URI uri = URI.create("https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=x&deploy=y"
				+ "&p0_.=%27_%3E~.%E2%82%AC%23&p1_c=%2C%E6%9C%AC%22%2C%2C%3A~%23");
		TbaSigner signer = new TbaSigner(AccountId.of("1234567"), new TbaCredentials("ck", "cs", "tk", "ts"),
				Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC), () -> "nonce123");
		String header = signer.authorizationHeader("GET", uri, null);
		assertThat(new TbaVerifier("1234567", "ck", "cs", "tk", "ts").verify("GET", uri, null, header,
				Instant.ofEpochSecond(1_700_000_000)))
			.isEqualTo("Success");
	}

}
