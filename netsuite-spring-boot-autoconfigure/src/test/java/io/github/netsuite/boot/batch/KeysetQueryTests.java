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
package io.github.netsuite.boot.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The SuiteQL text of keyset pages: the first page ordered by the key, each next one the
 * rows after the last key, the query's own condition kept with its meaning.
 */
class KeysetQueryTests {

	@Test
	void ordersTheFirstPageByTheKey() {
		assertThat(KeysetQuery.of("SELECT id, companyname FROM customer", "id").after(null))
			.isEqualTo("SELECT id, companyname FROM customer ORDER BY id");
	}

	@Test
	void continuesAfterANumericKeyUnquoted() {
		assertThat(KeysetQuery.of("SELECT id FROM customer", "id").after("647"))
			.isEqualTo("SELECT id FROM customer WHERE id > 647 ORDER BY id");
	}

	@Test
	void continuesAfterATextKeyAsAQuotedLiteral() {
		assertThat(KeysetQuery.of("SELECT externalid FROM customer", "externalid").after("O'Brien 1"))
			.isEqualTo("SELECT externalid FROM customer WHERE externalid > 'O''Brien 1' ORDER BY externalid");
	}

	@Test
	void addsTheKeyConditionToTheQuerysOwnWhere() {
		assertThat(KeysetQuery.of("SELECT id FROM customer WHERE isinactive = 'F'", "id").after("5"))
			.isEqualTo("SELECT id FROM customer WHERE isinactive = 'F' AND id > 5 ORDER BY id");
	}

	@Test
	void keepsAnOrInTheQuerysWhereApartFromTheKeyCondition() {
		assertThat(KeysetQuery.of("SELECT id FROM customer WHERE a = 1 OR b = 2", "id").after("5"))
			.isEqualTo("SELECT id FROM customer WHERE (a = 1 OR b = 2) AND id > 5 ORDER BY id");
	}

	@Test
	void ignoresKeywordsInsideStringsAndSubqueries() {
		KeysetQuery query = KeysetQuery.of(
				"SELECT id FROM customer WHERE companyname = 'ORDER BY x OR y' AND id IN (SELECT id FROM t WHERE a = 1 OR b = 2)",
				"id");
		assertThat(query.after("5")).isEqualTo(
				"SELECT id FROM customer WHERE companyname = 'ORDER BY x OR y' AND id IN (SELECT id FROM t WHERE a = 1 OR b = 2) AND id > 5 ORDER BY id");
	}

	@Test
	void answersTheKeyInLowerCaseWithoutItsTableAlias() {
		KeysetQuery query = KeysetQuery.of("SELECT c.ID FROM customer c", "c.ID");
		assertThat(query.after("5")).isEqualTo("SELECT c.ID FROM customer c WHERE c.ID > 5 ORDER BY c.ID");
		assertThat(query.field()).isEqualTo("id");
	}

	@Test
	void refusesAQueryWithAnOrderOfItsOwn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeysetQuery.of("SELECT id FROM customer ORDER BY companyname", "id"))
			.withMessageContaining("ORDER");
	}

	@Test
	void refusesAGroupedQuery() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeysetQuery.of("SELECT entity, COUNT(*) FROM transaction GROUP BY entity", "entity"))
			.withMessageContaining("GROUP");
	}

	@Test
	void refusesAKeyThatIsNotAColumnName() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeysetQuery.of("SELECT id FROM customer", "id; DROP"));
	}

}
