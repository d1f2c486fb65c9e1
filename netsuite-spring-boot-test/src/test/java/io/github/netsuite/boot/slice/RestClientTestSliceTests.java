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

import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link RestClientTest} of a service that uses {@link NetSuiteClient}: the slice
 * loads the starter's auto-configuration, and the client talks to the double.
 */
@RestClientTest(CustomerNames.class)
@EnableNetSuiteDouble
class RestClientTestSliceTests {

	@Autowired
	private CustomerNames customerNames;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void loadsTheNetSuiteClientForTheServiceUnderTest() {
		this.netSuite.records("customer").put(3, Map.of("companyName", "Acme"));
		assertThat(this.customerNames.nameOf("3")).isEqualTo("Acme");
	}

}
