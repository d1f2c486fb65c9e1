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

/**
 * Tests for {@link SuiteQlKeyset}.
 */
class SuiteQlKeysetTests {

	@Test
	void addsWhereClauseToQueryWithoutOne() {
		assertThat(SuiteQlKeyset.of("SELECT id, companyname FROM customer ORDER BY id").after("100000"))
			.isEqualTo("SELECT id, companyname FROM customer WHERE id > 100000 ORDER BY id");
	}

	@Test
	void keepsExistingConditionInParentheses() {
		assertThat(SuiteQlKeyset.of("select c.id from customer c where c.isinactive = 'F' or c.id < 5 order by c.id asc")
			.after("7"))
			.isEqualTo("select c.id from customer c WHERE (c.isinactive = 'F' or c.id < 5) AND c.id > 7 ORDER BY c.id");
	}

	@Test
	void ignoresWhereInsideSubqueriesAndLiterals() {
		assertThat(SuiteQlKeyset
			.of("SELECT id FROM (SELECT id FROM customer WHERE x = 1) t WHERE name = 'a WHERE b' ORDER BY id")
			.after("3")).isEqualTo(
					"SELECT id FROM (SELECT id FROM customer WHERE x = 1) t WHERE (name = 'a WHERE b') AND id > 3 ORDER BY id");
	}

	@Test
	void findsTheWhereClauseAfterTextWhoseUpperCaseIsLonger() {
		assertThat(SuiteQlKeyset.of("SELECT 'Straße' AS street, id FROM customer WHERE isinactive = 'F' ORDER BY id")
			.after("7")).isEqualTo(
					"SELECT 'Straße' AS street, id FROM customer WHERE (isinactive = 'F') AND id > 7 ORDER BY id");
	}

	@Test
	void quotesNonNumericIds() {
		assertThat(SuiteQlKeyset.of("SELECT id FROM t ORDER BY id").after("x' OR '1'='1"))
			.isEqualTo("SELECT id FROM t WHERE id > 'x'' OR ''1''=''1' ORDER BY id");
	}

	@Test
	void refusesQueriesNotOrderedByIdAlone() {
		assertThat(SuiteQlKeyset.of("SELECT id FROM customer ORDER BY companyname")).isNull();
		assertThat(SuiteQlKeyset.of("SELECT id FROM customer ORDER BY id DESC")).isNull();
		assertThat(SuiteQlKeyset.of("SELECT id FROM customer")).isNull();
		assertThat(SuiteQlKeyset.of("SELECT id, COUNT(*) FROM t GROUP BY id ORDER BY id")).isNull();
	}

}
