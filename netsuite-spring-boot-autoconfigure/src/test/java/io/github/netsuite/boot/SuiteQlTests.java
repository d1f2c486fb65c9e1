package io.github.netsuite.boot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SuiteQl}.
 */
class SuiteQlTests {

	@Test
	void quotesAndDoublesSingleQuotes() {
		assertThat(SuiteQl.literal("O'Brien")).isEqualTo("'O''Brien'");
	}

	@Test
	void keepsInjectionAttemptInsideTheLiteral() {
		assertThat("SELECT id FROM customer WHERE email = " + SuiteQl.literal("x' OR '1'='1"))
			.isEqualTo("SELECT id FROM customer WHERE email = 'x'' OR ''1''=''1'");
	}

	@Test
	void refusesNulCharacter() {
		assertThatIllegalArgumentException().isThrownBy(() -> SuiteQl.literal("a\0b"));
	}

}
