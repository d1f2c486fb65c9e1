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

import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.LoginAttempt;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.ReceivedRequest;
import io.github.netsuite.boot.test.RestletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP service interfaces in the {@code netsuite} group against the NetSuite double, which
 * checks every signature as NetSuite does; an interface of another group stays unsigned.
 */
@SpringBootTest(classes = HttpServiceInterfacesDoubleTests.TestApplication.class)
@EnableNetSuiteDouble
class HttpServiceInterfacesDoubleTests {

	@Autowired
	private Orders orders;

	@Autowired
	private Unsigned unsigned;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void callsARestletThroughAnInterfaceSignedAndCheckedByTheDouble() {
		this.netSuite.restlet("customscript_orders", "customdeploy_orders",
				(call) -> RestletResponse.json(Map.of("accepted", call.parameters().get("priority"), "method",
						call.method())));
		Map<String, Object> ack = this.orders.submit("high", Map.of("item", "A"));
		assertThat(ack).containsEntry("accepted", "high").containsEntry("method", "POST");
		List<LoginAttempt> logins = this.netSuite.loginAuditTrail();
		assertThat(logins).isNotEmpty().allSatisfy((login) -> assertThat(login.successful()).isTrue());
	}

	@Test
	void readsARecordThroughAnInterface() {
		this.netSuite.records("customer").put(7, Map.of("companyName", "Acme"));
		assertThat(this.orders.customer("7")).containsEntry("companyName", "Acme");
	}

	@Test
	void surfacesARestletsFailureAsATypedException() {
		this.netSuite.restlet("customscript_orders", "customdeploy_orders", (call) -> {
			throw new IllegalStateException("The script failed on purpose");
		});
		assertThatExceptionOfType(NetSuiteScriptException.class)
			.isThrownBy(() -> this.orders.submit("high", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("UNEXPECTED_ERROR");
				assertThat(ex.getDetail()).isEqualTo("The script failed on purpose");
			});
	}

	@Test
	void surfacesAMissingRecordAsNotFound() {
		assertThatExceptionOfType(NetSuiteNotFoundException.class).isThrownBy(() -> this.orders.customer("404"));
	}

	@Test
	void leavesAnInterfaceOfAnotherGroupUnsigned() {
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(this.unsigned::hello);
		List<ReceivedRequest> received = this.netSuite.receivedRequests();
		assertThat(received).isNotEmpty();
		assertThat(received.get(received.size() - 1).hasCredentials()).isFalse();
	}

	interface Orders {

		@PostExchange("/app/site/hosting/restlet.nl?script=customscript_orders&deploy=customdeploy_orders")
		Map<String, Object> submit(@RequestParam String priority, @RequestBody Map<String, Object> order);

		@GetExchange("/services/rest/record/v1/customer/{id}")
		Map<String, Object> customer(@PathVariable String id);

	}

	interface Unsigned {

		@GetExchange("/app/site/hosting/restlet.nl?script=customscript_orders&deploy=customdeploy_orders")
		Map<String, Object> hello();

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "netsuite", types = Orders.class)
	@ImportHttpServices(group = "elsewhere", types = Unsigned.class)
	static class TestApplication {

		// The other group reaches the double too, which refuses what is not signed.
		@Bean
		RestClientHttpServiceGroupConfigurer elsewhere(NetSuiteDouble netSuite) {
			return (groups) -> groups.filterByName("elsewhere")
				.forEachClient((group, builder) -> builder.baseUrl(netSuite.restletUrl()));
		}

	}

}
