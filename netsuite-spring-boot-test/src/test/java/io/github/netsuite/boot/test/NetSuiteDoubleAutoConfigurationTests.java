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

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NetSuiteDoubleAutoConfiguration}: a {@link NetSuiteDouble} bean is all an
 * application needs to run on the double.
 */
class NetSuiteDoubleAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteDoubleAutoConfiguration.class));

	@Test
	void connectsThePrimaryAccountToTheApplicationsDoubleAheadOfItsProperties() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start()) {
			netSuite.records("customer").put(1, Map.of("companyName", "Double"));
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withPropertyValues("netsuite.account=9999999", "netsuite.consumer-key=real-key",
						"netsuite.consumer-secret=real-secret", "netsuite.token-id=real-token",
						"netsuite.token-secret=real-token-secret")
				.run((context) -> {
					assertThat(context).getBean(NetSuiteConnectionDetails.class)
						.isInstanceOf(NetSuiteDoubleConnectionDetails.class);
					assertThat(context.getBean(NetSuiteClient.class).record("customer", "1").get())
						.containsEntry("companyName", "Double");
					assertThat(netSuite.loginAuditTrail()).allMatch(LoginAttempt::successful);
				});
		}
	}

	@Test
	void connectsAnOAuth2DoubleWithItsClientCredentials() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().oauth2(true).build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite).run((context) -> {
				assertThat(context.getBean(NetSuiteConnectionDetails.class).getOAuth2Credentials()).isNotNull();
				assertThat(context.getBean(NetSuiteClient.class).restlet("1", "1").get(String.class))
					.hasValueSatisfying((answer) -> assertThat(answer).contains("GET"));
			});
		}
	}

	@Test
	void backsOffWhenTheApplicationHasConnectionDetailsOfItsOwn() {
		try (NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start();
				NetSuiteDouble other = NetSuiteDouble.builder().build().start()) {
			this.contextRunner.withBean(NetSuiteDouble.class, () -> netSuite)
				.withBean(NetSuiteConnectionDetails.class, () -> new NetSuiteDoubleConnectionDetails(other, false))
				.run((context) -> assertThat(context.getBean(NetSuiteConnectionDetails.class).getRestUrl())
					.hasToString(other.restUrl()));
		}
	}

	@Test
	void staysOutOfAnApplicationWithoutADouble() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteConnectionDetails.class)
			.doesNotHaveBean(NetSuiteClient.class));
	}

}
