package io.github.netsuite.boot.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TbaCredentials}.
 */
class TbaCredentialsTests {

	@Test
	void toStringShowsNoSecretAndOnlyThePrefixOfIdentifiers() {
		TbaCredentials credentials = new TbaCredentials("consumer-key-value", "consumer-secret-value",
				"token-id-value", "token-secret-value");
		assertThat(credentials.toString()).doesNotContain("consumer-secret-value", "token-secret-value",
				"consumer-key-value", "token-id-value")
			.contains("consum…", "token-…");
	}

}
