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
