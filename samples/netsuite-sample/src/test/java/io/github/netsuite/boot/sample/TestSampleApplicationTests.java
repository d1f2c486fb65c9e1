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

import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestSampleApplication}: the sample run with {@code SpringApplication.from(…).with(…)}
 * talks over HTTP to the double its test configuration declares, through the double's
 * connection details, and starts no embedded double of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class TestSampleApplicationTests {

	@Test
	void servesCustomersFromTheDoubleOfTheTestConfiguration(CapturedOutput output) {
		NetSuiteDouble netSuite;
		SpringApplication.Running running = TestSampleApplication.run("--server.port=0");
		try (ConfigurableApplicationContext context = running.getApplicationContext()) {
			netSuite = context.getBean(NetSuiteDouble.class);
			assertThat(context.getBeanNamesForType(NetSuiteDouble.class)).containsExactly("netSuiteDouble");
			assertThat(context.getBean(NetSuiteConnectionDetails.class).getRestUrl()).hasToString(netSuite.restUrl());
			String port = context.getEnvironment().getProperty("local.server.port");
			String customer = RestClient.create("http://localhost:" + port)
				.get()
				.uri("/customers/1")
				.retrieve()
				.body(String.class);
			assertThat(customer).contains("\"companyName\":\"Demo Customer 1\"");
			assertThat(netSuite.loginAuditTrail()).extracting(LoginAttempt::path)
				.contains("/services/rest/record/v1/customer/1");
		}
		assertThat(netSuite.isRunning()).isFalse();
		assertThat(output).doesNotContain("running on the embedded NetSuite double");
	}

}
