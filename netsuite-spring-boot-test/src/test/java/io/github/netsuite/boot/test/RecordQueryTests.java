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
package io.github.netsuite.boot.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The double's subset of the record collection's {@code q} filter.
 */
class RecordQueryTests {

	private static final Map<String, Object> ACME = Map.of("companyname", "Acme Ltd", "email", "ap@acme.test",
			"subsidiary", Map.of("id", "3"));

	@Test
	void joinsConditionsWithAnd() {
		assertThat(RecordQuery.parse("companyName START_WITH \"acme\" AND email CONTAIN acme.test").matches(ACME))
			.isTrue();
		assertThat(RecordQuery.parse("companyName START_WITH \"acme\" AND email IS nobody").matches(ACME)).isFalse();
	}

	@Test
	void comparesAReferenceByItsId() {
		assertThat(RecordQuery.parse("subsidiary IS 3").matches(ACME)).isTrue();
		assertThat(RecordQuery.parse("subsidiary IS_NOT 3").matches(ACME)).isFalse();
	}

	@Test
	void readsEscapedQuotesAndBackslashesInAQuotedValue() {
		Map<String, Object> row = Map.of("externalid", "say \"hi\" \\o/");
		assertThat(RecordQuery.parse("externalId IS \"say \\\"hi\\\" \\\\o/\"").matches(row)).isTrue();
	}

	@Test
	void tellsEmptyFieldsApart() {
		assertThat(RecordQuery.parse("phone EMPTY").matches(ACME)).isTrue();
		assertThat(RecordQuery.parse("email EMPTY_NOT").matches(ACME)).isTrue();
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordQuery.parse("email LIKE \"a%\""));
		assertThatIllegalArgumentException().isThrownBy(() -> RecordQuery.parse("email IS"));
		assertThatIllegalArgumentException().isThrownBy(() -> RecordQuery.parse("email EMPTY x"));
	}

}
