package io.github.netsuite.boot.auth;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

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
