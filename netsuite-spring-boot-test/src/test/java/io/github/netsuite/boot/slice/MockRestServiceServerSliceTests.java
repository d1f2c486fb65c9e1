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
package io.github.netsuite.boot.slice;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A real {@link RestClientTest} that mocks the application's own client with the
 * auto-configured {@link MockRestServiceServer} while {@link NetSuiteClient} talks to the
 * double: NetSuite's clients are not bound to the mock server, yet get the application's
 * other customizers.
 */
@RestClientTest({ CustomerNames.class, Greetings.class })
@EnableNetSuiteDouble
@Import(MockRestServiceServerSliceTests.RecordingCustomizer.class)
class MockRestServiceServerSliceTests {

	@Autowired
	private MockRestServiceServer server;

	@Autowired
	private MockServerRestClientCustomizer mockServerCustomizer;

	@Autowired
	private Greetings greetings;

	@Autowired
	private CustomerNames customerNames;

	@Autowired
	private NetSuiteDouble netSuite;

	@Autowired
	private RecordingCustomizer recording;

	@Test
	void mocksTheApplicationsClientWhileNetSuiteClientTalksToTheDouble() {
		this.server.expect(requestTo(Greetings.BASE_URL + "/greetings/Acme"))
			.andRespond(withSuccess("Hello, Acme", MediaType.TEXT_PLAIN));
		this.netSuite.records("customer").put(3, Map.of("companyName", "Acme"));
		assertThat(this.customerNames.nameOf("3")).isEqualTo("Acme");
		assertThat(this.greetings.greeting("Acme")).isEqualTo("Hello, Acme");
		this.server.verify();
		assertThat(this.netSuite.requestCount()).isEqualTo(1);
	}

	@Test
	void bindsTheMockServerToTheApplicationsBuilderOnly() {
		assertThat(this.mockServerCustomizer.getServers()).hasSize(1);
	}

	@Test
	void appliesTheApplicationsOtherCustomizersToNetSuitesClients() {
		this.netSuite.records("customer").put(4, Map.of("companyName", "Globex"));
		assertThat(this.customerNames.nameOf("4")).isEqualTo("Globex");
		assertThat(this.recording.paths).contains("/services/rest/record/v1/customer/4");
	}

	/**
	 * A customizer of the application's, recording the path of every request its
	 * clients send.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingCustomizer {

		final List<String> paths = new CopyOnWriteArrayList<>();

		@Bean
		RestClientCustomizer recordingRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				this.paths.add(request.getURI().getRawPath());
				return execution.execute(request, body);
			});
		}

	}

}
