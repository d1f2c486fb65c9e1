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

import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableNetSuiteDouble} starts every test with a fresh health result, although the
 * default {@code netsuite.health.cache-ttl} (30 s) outlives a test that switched a fault.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleHealthTests.TestApplication.class)
@EnableNetSuiteDouble
@TestMethodOrder(OrderAnnotation.class)
class EnableNetSuiteDoubleHealthTests {

	@Autowired
	private NetSuiteHealthIndicator health;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	@Order(1)
	void isDownInATestThatDisablesTheRole() {
		this.netSuite.roleDisabled(true);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	@Order(2)
	void isUpAgainInTheNextTest() {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	@Order(3)
	void isDownAgainInATestThatDisablesTheRoleOnceMore() {
		this.netSuite.roleDisabled(true);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
