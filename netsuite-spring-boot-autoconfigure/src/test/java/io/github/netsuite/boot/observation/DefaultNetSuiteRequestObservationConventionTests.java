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
package io.github.netsuite.boot.observation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultNetSuiteRequestObservationConvention}.
 */
class DefaultNetSuiteRequestObservationConventionTests {

	@Test
	void keepsNetSuiteErrorCodesAndFoldsAnythingElseIntoOneValue() {
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode(null)).isEqualTo("none");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("INVALID_LOGIN")).isEqualTo("INVALID_LOGIN");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("sss_request_limit_exceeded"))
			.isEqualTo("SSS_REQUEST_LIMIT_EXCEEDED");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("Customer 4711 not found")).isEqualTo("OTHER");
	}

}
