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
package io.github.netsuite.boot.sample;

import java.net.URI;
import java.util.List;

import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample signs what issue 12 found it could not: a RESTlet call whose query holds
 * escaped reserved and non-ASCII characters, checked by the embedded NetSuite double.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleSigningTests {

	@LocalServerPort
	private int port;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void signsRestletQueryWithEscapedReservedAndNonAsciiCharacters() {
		RestClient http = RestClient.builder().defaultStatusHandler((status) -> true, (request, response) -> {
		}).build();
		long before = this.netSuite.requestCount();
		// As sent, with no second encoding: the path and query of issue 12.
		URI uri = URI.create("http://localhost:" + this.port
				+ "/restlets/x/y?p0_.=%27_%3E~.%E2%82%AC%23&p1_c=%2C%E6%9C%AC%22%2C%2C%3A~%23");
		ResponseEntity<String> response = http.get().uri(uri).retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().is5xxServerError()).as("%s: %s", response.getStatusCode(),
				response.getBody())
			.isFalse();
		assertThat(this.netSuite.requestCount() - before).isEqualTo(1);
		List<LoginAttempt> audit = this.netSuite.loginAuditTrail();
		assertThat(audit.get(audit.size() - 1).successful()).isTrue();
	}

}
