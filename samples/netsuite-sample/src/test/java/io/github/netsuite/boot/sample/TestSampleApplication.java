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

import io.github.netsuite.boot.test.NetSuiteDouble;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample locally on a NetSuite double of the test class path, the way Spring
 * Boot runs an application against Testcontainers: {@code SpringApplication.from(…).with(…)}.
 * The {@link NetSuiteDouble} bean of {@link NetSuiteDoubleConfiguration} is all it takes:
 * the test module gives the starter the double's connection details, ahead of any
 * {@code netsuite.*} property, as {@code @ServiceConnection} does. Run {@code main} from
 * the IDE, or {@code ./mvnw -pl samples/netsuite-sample spring-boot:test-run}.
 *
 * @author NetSuite Spring Boot team
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		run(args);
	}

	static SpringApplication.Running run(String... args) {
		return SpringApplication.from(SampleApplication::main)
			.with(NetSuiteDoubleConfiguration.class)
			// Its application-netsuite-double.yml turns off the double the sample embeds
			.withAdditionalProfiles("netsuite-double")
			.run(args);
	}

	/**
	 * A started NetSuite double with the sample's demo data, stopped with the context.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class NetSuiteDoubleConfiguration {

		@Bean(destroyMethod = "stop")
		NetSuiteDouble netSuiteDouble() {
			NetSuiteDouble netSuite = NetSuiteDouble.builder().build().start();
			NetSuiteDoubleInitializer.DemoData.load(netSuite);
			return netSuite;
		}

	}

}
