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

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteRequests}.
 */
class NetSuiteRequestsTests {

	@Test
	void readsTheApiFromTheMarkNotThePath() {
		MockClientHttpRequest request = request(HttpMethod.POST, "/app/site/hosting/restlet.nl");
		request.getAttributes().put(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.SUITEQL);
		assertThat(NetSuiteRequests.api(request)).isEqualTo(NetSuiteRequests.SUITEQL);
	}

	@Test
	void tellsTheApiOfAnHttpServiceInterfacesRequestByItsPath() {
		assertThat(NetSuiteRequests.apiOf("/app/site/hosting/restlet.nl")).isEqualTo(NetSuiteRequests.RESTLET);
		assertThat(NetSuiteRequests.apiOf("/services/rest/query/v1/suiteql")).isEqualTo(NetSuiteRequests.SUITEQL);
		assertThat(NetSuiteRequests.apiOf("/services/rest/record/v1/customer/42")).isEqualTo(NetSuiteRequests.REST);
	}

	@Test
	void takesAnUnmarkedRequestForRestWebServices() {
		assertThat(NetSuiteRequests.api(request(HttpMethod.GET, "/app/site/hosting/restlet.nl")))
			.isEqualTo(NetSuiteRequests.REST);
	}

	@Test
	void takesPutAndDeleteOfRestWebServicesAsSafeToRepeat() {
		assertThat(NetSuiteRequests.isIdempotent(request(HttpMethod.PUT, "/x"))).isTrue();
		assertThat(NetSuiteRequests.isIdempotent(request(HttpMethod.DELETE, "/x"))).isTrue();
		assertThat(NetSuiteRequests.isIdempotent(request(HttpMethod.POST, "/x"))).isFalse();
		assertThat(NetSuiteRequests.isIdempotent(request(HttpMethod.PATCH, "/x"))).isFalse();
	}

	@Test
	void takesOnlyReadingMethodsOfRestletsAsSafeToRepeat() {
		MockClientHttpRequest put = request(HttpMethod.PUT, "/x");
		put.getAttributes().put(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.RESTLET);
		MockClientHttpRequest get = request(HttpMethod.GET, "/x");
		get.getAttributes().put(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.RESTLET);
		assertThat(NetSuiteRequests.isIdempotent(put)).isFalse();
		assertThat(NetSuiteRequests.isIdempotent(get)).isTrue();
	}

	@Test
	void letsTheMarkOverruleTheMethod() {
		MockClientHttpRequest query = request(HttpMethod.POST, "/services/rest/query/v1/suiteql");
		query.getAttributes().put(NetSuiteRequests.IDEMPOTENT_ATTRIBUTE, true);
		assertThat(NetSuiteRequests.isIdempotent(query)).isTrue();
	}

	@Test
	void readsTheIdempotencyKeyFromTheMarkNotTheHeader() {
		MockClientHttpRequest marked = request(HttpMethod.POST, "/services/rest/record/v1/customer");
		marked.getAttributes().put(NetSuiteRequests.IDEMPOTENCY_KEY_ATTRIBUTE, "k-1");
		MockClientHttpRequest headerOnly = request(HttpMethod.POST, "/services/rest/record/v1/customer");
		headerOnly.getHeaders().set(NetSuiteRequests.IDEMPOTENCY_KEY_HEADER, "k-2");
		assertThat(NetSuiteRequests.idempotencyKey(marked)).isEqualTo("k-1");
		assertThat(NetSuiteRequests.idempotencyKey(headerOnly)).isNull();
	}

	private static MockClientHttpRequest request(HttpMethod method, String path) {
		return new MockClientHttpRequest(method, URI.create("https://h" + path));
	}

}
