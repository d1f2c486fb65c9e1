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
