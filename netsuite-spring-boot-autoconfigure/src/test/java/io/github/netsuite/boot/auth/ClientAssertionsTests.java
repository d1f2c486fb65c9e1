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
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClientAssertions} and {@link OAuth2Credentials}: what NetSuite's token
 * endpoint would verify.
 */
class ClientAssertionsTests {

	private static final URI TOKEN_URL = URI.create("https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token");

	private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000);

	@Test
	void signsWithPs256AndTheClaimsNetSuiteChecksForAnRsaKey() throws Exception {
		KeyPair keys = Keys.rsa();
		SignedJWT jwt = SignedJWT.parse(assertions(keys, null).next());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("PS256");
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("cert-1");
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("client-1");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TOKEN_URL.toString());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("rest_webservices,restlets");
		assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void signsWithEs256ForAnEcKey() throws Exception {
		KeyPair keys = Keys.ec();
		SignedJWT jwt = SignedJWT.parse(assertions(keys, null).next());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "secp256r1, ES256, SHA256withECDSAinP1363Format", "secp384r1, ES384, SHA384withECDSAinP1363Format",
			"secp521r1, ES512, SHA512withECDSAinP1363Format" })
	void signsWithTheAlgorithmOfTheEcKeysCurve(String curve, String algorithm, String jdkAlgorithm) throws Exception {
		KeyPair keys = Keys.ec(curve);
		SignedJWT jwt = SignedJWT.parse(assertions(keys, null).next());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm);
		assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
		Signature jdk = Signature.getInstance(jdkAlgorithm);
		jdk.initVerify(keys.getPublic());
		jdk.update(jwt.getSigningInput());
		assertThat(jdk.verify(jwt.getSignature().decode())).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "PS256, SHA-256, 32", "PS384, SHA-384, 48", "PS512, SHA-512, 64" })
	void signsWithTheRsaAlgorithmThatIsSet(String algorithm, String digest, int saltLength) throws Exception {
		KeyPair keys = Keys.rsa();
		SignedJWT jwt = SignedJWT.parse(assertions(keys, algorithm).next());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm);
		Signature jdk = Signature.getInstance("RSASSA-PSS");
		jdk.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength, 1));
		jdk.initVerify(keys.getPublic());
		jdk.update(jwt.getSigningInput());
		assertThat(jdk.verify(jwt.getSignature().decode())).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "secp256r1, ES512, 'ES512 does not fit an EC key on P-256, which takes ES256'",
			"secp384r1, ES256, 'ES256 does not fit an EC key on P-384, which takes ES384'",
			"secp521r1, PS256, 'PS256 does not fit an EC key on P-521, which takes ES512'" })
	void refusesAnAlgorithmOtherThanTheEcCurvesNamingTheCurve(String curve, String algorithm, String message) {
		KeyPair keys = Keys.ec(curve);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2Credentials("client-1", "cert-1", keys.getPrivate(), algorithm, List.of()))
			.withMessage(message);
	}

	@Test
	void refusesAnEcAlgorithmForAnRsaKeyNamingTheOnesThatFit() {
		KeyPair keys = Keys.rsa();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2Credentials("client-1", "cert-1", keys.getPrivate(), "es256", List.of()))
			.withMessage("ES256 does not fit a 2048-bit RSA key, which takes PS256, PS384 or PS512");
	}

	@Test
	void refusesAnRsaKeyTooShortToSignWith() {
		KeyPair keys = Keys.rsa(1024);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2Credentials("client-1", "cert-1", keys.getPrivate(), null, List.of()))
			.withMessageStartingWith("The private key is a 1024-bit RSA key: NetSuite's RSA keys have at least 2048");
	}

	@Test
	void givesEveryAssertionItsOwnJti() throws Exception {
		ClientAssertions assertions = assertions(Keys.ec(), null);
		assertThat(SignedJWT.parse(assertions.next()).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(assertions.next()).getJWTClaimsSet().getJWTID());
	}

	@Test
	void refusesAnAlgorithmThatDoesNotFitTheKeyWithoutShowingIt() {
		KeyPair keys = Keys.ec();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2Credentials("client-1", "cert-1", keys.getPrivate(), "PS256", List.of()))
			.withMessageContaining("PS256 does not fit an EC key")
			.withMessageNotContaining(Keys.pem(keys).substring(40, 80));
	}

	@Test
	void refusesAScopeNetSuiteDoesNotHave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2Credentials("c", "k", Keys.ec().getPrivate(), null, List.of("restlet")))
			.withMessageContaining("'restlet' is not a NetSuite scope");
	}

	@Test
	void keepsThePrivateKeyOutOfToString() {
		KeyPair keys = Keys.rsa();
		OAuth2Credentials credentials = new OAuth2Credentials("client-123456789", "cert-1", keys.getPrivate(), null,
				List.of());
		assertThat(credentials.toString()).contains("privateKey=******")
			.doesNotContain("client-123456789")
			.doesNotContain(Keys.pem(keys).substring(40, 80));
	}

	private static ClientAssertions assertions(KeyPair keys, String algorithm) {
		return new ClientAssertions(new OAuth2Credentials("client-1", "cert-1", keys.getPrivate(), algorithm, List.of()),
				TOKEN_URL, Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
