package io.github.netsuite.boot.observation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultNetSuiteRequestObservationConvention} and the API a path
 * addresses.
 */
class DefaultNetSuiteRequestObservationConventionTests {

	@Test
	void derivesTheApiFromThePath() {
		assertThat(NetSuiteRequestContext.apiOf("/services/rest/query/v1/suiteql")).isEqualTo("suiteql");
		assertThat(NetSuiteRequestContext.apiOf("/app/site/hosting/restlet.nl")).isEqualTo("restlet");
		assertThat(NetSuiteRequestContext.apiOf("/services/rest/record/v1/customer/42")).isEqualTo("rest");
		assertThat(NetSuiteRequestContext.apiOf("/services/rest/system/v1/serverTime")).isEqualTo("rest");
	}

	@Test
	void keepsNetSuiteErrorCodesAndFoldsAnythingElseIntoOneValue() {
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode(null)).isEqualTo("none");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("INVALID_LOGIN")).isEqualTo("INVALID_LOGIN");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("sss_request_limit_exceeded"))
			.isEqualTo("SSS_REQUEST_LIMIT_EXCEEDED");
		assertThat(DefaultNetSuiteRequestObservationConvention.errorCode("Customer 4711 not found")).isEqualTo("OTHER");
	}

}
