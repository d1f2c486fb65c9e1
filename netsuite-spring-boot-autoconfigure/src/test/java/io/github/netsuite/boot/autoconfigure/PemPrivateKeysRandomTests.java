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
package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.netsuite.boot.auth.ClientAssertions;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Random keys rendered as PEM the ways they arrive (any line length, CRLF, newlines as the
 * two characters {@code \n}, surrounding whitespace) all read as the JDK reads the original
 * encoding and sign assertions their public key verifies; random corruptions of them all end
 * in the start-up error naming {@code netsuite.oauth2.private-key}, showing no part of the
 * key.
 */
class PemPrivateKeysRandomTests {

	private static final int KEYS = 3;

	private static final int RENDERINGS = 40;

	private static final URI TOKEN_URL = URI.create("https://1234567.suitetalk.api.netsuite.com/token");

	private static final List<String> SEPARATORS = List.of("\n", "\r\n", "\\n", "\\r\\n");

	private static final String WHITESPACE = " \t\r\n";

	private static final String NOT_BASE64 = "!*#$%&()[]{}<>?~^|\"'`,;é€";

	private static final List<String> WRONG_LABELS = List.of("PUBLIC KEY", "CERTIFICATE", "ENCRYPTED PRIVATE KEY",
			"RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVAT KEY", "OPENSSH PRIVATE KEY", "DSA PRIVATE KEY");

	@ParameterizedTest
	@CsvSource({ "RSA, 2048, PS256, 20261206", "secp256r1, 256, ES256, 1", "secp384r1, 384, ES384, 2",
			"secp521r1, 521, ES512, 3" })
	void everyRenderingReadsAsTheJdkReadsTheKeyAndSignsWhatItsPublicKeyVerifies(String kind, int bits,
			String algorithm, long seed) throws Exception {
		Random random = new Random(seed);
		for (int k = 0; k < KEYS; k++) {
			KeyPair keys = kind.equals("RSA") ? Keys.rsa(bits) : Keys.ec(kind);
			byte[] encoded = keys.getPrivate().getEncoded();
			PrivateKey expected = KeyFactory.getInstance(kind.equals("RSA") ? "RSA" : "EC")
				.generatePrivate(new PKCS8EncodedKeySpec(encoded));
			JWSVerifier verifier = (keys.getPublic() instanceof ECPublicKey ec) ? new ECDSAVerifier(ec)
					: new RSASSAVerifier((RSAPublicKey) keys.getPublic());
			for (int r = 0; r < RENDERINGS; r++) {
				String pem = render("PRIVATE KEY", Base64.getEncoder().encodeToString(encoded), random);
				OAuth2Credentials credentials = credentials(pem);
				assertThat(Keys.privateKey(credentials)).as("rendering %d of key %d", r, k).isEqualTo(expected);
				assertThat(Keys.privateKey(credentials).getEncoded()).isEqualTo(expected.getEncoded());
				assertThat(credentials.algorithm()).isEqualTo(algorithm);
				SignedJWT jwt = SignedJWT.parse(new ClientAssertions(credentials, TOKEN_URL, Clock.systemUTC()).next());
				assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm);
				assertThat(jwt.verify(verifier)).as("rendering %d of key %d verifies", r, k).isTrue();
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "RSA, 11", "secp256r1, 12", "secp384r1, 13", "secp521r1, 14" })
	void everyCorruptionEndsInTheStartUpErrorNamingTheKey(String kind, long seed) {
		Random random = new Random(seed);
		for (int k = 0; k < KEYS; k++) {
			KeyPair keys = kind.equals("RSA") ? Keys.rsa() : Keys.ec(kind);
			String base64 = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
			for (int r = 0; r < RENDERINGS; r++) {
				int corruption = random.nextInt(5);
				String value = corrupt(corruption, base64, random);
				Throwable thrown = catchThrowable(() -> credentials(value));
				assertThat(thrown).as("corruption %d, rendering %d of key %d", corruption, r, k)
					.isInstanceOf(InvalidNetSuitePropertiesException.class);
				List<Problem> problems = ((InvalidNetSuitePropertiesException) thrown).getProblems();
				assertThat(problems).singleElement()
					.extracting(Problem::key)
					.isEqualTo(PemPrivateKeysTests.KEY);
				assertThat(thrown.getMessage() + problems.get(0).action())
					.satisfies(PemPrivateKeysTests.showsNoPartOf(base64));
			}
		}
	}

	private static String corrupt(int corruption, String base64, Random random) {
		return switch (corruption) {
			// Cut anywhere before the END line is whole.
			case 0 -> {
				String pem = render("PRIVATE KEY", base64, random);
				yield pem.substring(0, random.nextInt(pem.indexOf("-----END") + 12));
			}
			// A run of base64 lost between whole BEGIN and END lines (the padding kept).
			case 1 -> {
				int start = random.nextInt(base64.length() - 8);
				int end = start + 1 + random.nextInt(base64.length() - 4 - start - 1);
				yield render("PRIVATE KEY", base64.substring(0, start) + base64.substring(end), random);
			}
			// Base64 of random bytes.
			case 2 -> {
				byte[] garbage = new byte[1 + random.nextInt(2000)];
				random.nextBytes(garbage);
				yield render("PRIVATE KEY", Base64.getEncoder().encodeToString(garbage), random);
			}
			// Characters that are not base64 among the base64.
			case 3 -> {
				StringBuilder body = new StringBuilder(base64);
				for (int i = 1 + random.nextInt(3); i > 0; i--) {
					body.insert(random.nextInt(body.length()), NOT_BASE64.charAt(random.nextInt(NOT_BASE64.length())));
				}
				yield render("PRIVATE KEY", body.toString(), random);
			}
			// A wrong label, on both lines or on the BEGIN line only.
			default -> {
				String label = WRONG_LABELS.get(random.nextInt(WRONG_LABELS.size()));
				String pem = render(label, base64, random);
				yield random.nextBoolean() ? pem : pem.replace("-----END " + label, "-----END PRIVATE KEY");
			}
		};
	}

	// Lines of a random length, one separator throughout, random whitespace around.
	static String render(String label, String base64, Random random) {
		String separator = SEPARATORS.get(random.nextInt(SEPARATORS.size()));
		int length = random.nextBoolean() ? 64 : 1 + random.nextInt(base64.length());
		StringBuilder pem = new StringBuilder(whitespace(random)).append("-----BEGIN ")
			.append(label)
			.append("-----")
			.append(separator);
		for (int i = 0; i < base64.length(); i += length) {
			pem.append(base64, i, Math.min(base64.length(), i + length)).append(separator);
		}
		pem.append("-----END ").append(label).append("-----");
		if (random.nextBoolean()) {
			pem.append(separator);
		}
		return pem.append(whitespace(random)).toString();
	}

	private static String whitespace(Random random) {
		StringBuilder whitespace = new StringBuilder();
		for (int i = random.nextInt(4); i > 0; i--) {
			whitespace.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
		}
		return whitespace.toString();
	}

	static NetSuiteAccountProperties properties(String privateKey) {
		NetSuiteAccountProperties properties = new NetSuiteAccountProperties();
		properties.setAccount("1234567");
		properties.getOauth2().setClientId("client-1");
		properties.getOauth2().setCertificateId("cert-1");
		properties.getOauth2().setPrivateKey(privateKey);
		return properties;
	}

	// As at start-up: checked, then read for the account's authentication.
	static OAuth2Credentials credentials(String privateKey) {
		return Objects.requireNonNull(validated("netsuite.", properties(privateKey)).getOAuth2Credentials());
	}

	// The validation names the keys by the connection's own prefix.
	static PropertiesNetSuiteConnectionDetails validated(String prefix, NetSuiteAccountProperties properties) {
		PropertiesNetSuiteConnectionDetails connection = new PropertiesNetSuiteConnectionDetails(prefix, properties);
		NetSuitePropertiesValidation.validate(new NetSuiteProperties(), connection, Map.of(),
				UnresolvedPlaceholders.Written.UNKNOWN);
		return connection;
	}

}
