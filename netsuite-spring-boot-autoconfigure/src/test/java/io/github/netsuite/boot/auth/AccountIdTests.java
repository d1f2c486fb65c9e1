package io.github.netsuite.boot.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AccountId}.
 */
class AccountIdTests {

	@ParameterizedTest
	@CsvSource({ "1234567, 1234567, 1234567", "1234567_SB1, 1234567_SB1, 1234567-sb1",
			"1234567-sb1, 1234567_SB1, 1234567-sb1", "1234567_sb1, 1234567_SB1, 1234567-sb1",
			"1234567-RP, 1234567_RP, 1234567-rp", "TSTDRV1234567, TSTDRV1234567, tstdrv1234567",
			"tstdrv1234567, TSTDRV1234567, tstdrv1234567", "1234567_SB12, 1234567_SB12, 1234567-sb12" })
	void convertsEitherSpellingToRealmAndHost(String value, String realm, String host) {
		AccountId id = AccountId.of(value);
		assertThat(id.realm()).isEqualTo(realm);
		assertThat(id.host()).isEqualTo(host);
	}

	@Test
	void trimsSurroundingWhitespace() {
		assertThat(AccountId.of(" 1234567_SB1\n").realm()).isEqualTo("1234567_SB1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567 SB1", "1234567.sb1", "1234567__SB1", "_1234567", "1234567-", "1234567/x",
			"https://1234567.app.netsuite.com" })
	void refusesAnythingElse(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(value))
			.withMessageContaining("is not a NetSuite account ID");
	}

	@Test
	void equalsByRealmWhateverTheSpelling() {
		assertThat(AccountId.of("1234567-sb1")).isEqualTo(AccountId.of("1234567_SB1"))
			.hasSameHashCodeAs(AccountId.of("1234567_SB1"));
	}

}
