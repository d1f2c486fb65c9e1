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
package io.github.netsuite.boot.batch;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Batch auto-configuration: its reader and writer builders for the configured
 * accounts when Spring Batch is on the class path, and nothing otherwise.
 */
class NetSuiteBatchAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteBatchAutoConfiguration.class))
		.withPropertyValues("netsuite.account=1234567_SB1", "netsuite.consumer-key=ck", "netsuite.consumer-secret=cs",
				"netsuite.token-id=tk", "netsuite.token-secret=ts");

	@Test
	void providesReadersAndWritersOfThePrimaryAccount() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(NetSuiteBatchItems.class);
			assertThat(context.getBean(NetSuiteBatchItems.class)).hasToString("NetSuiteBatchItems[primary]");
		});
	}

	@Test
	void providesReadersAndWritersOfANamedAccount() {
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=ck",
					"netsuite.accounts.eu.consumer-secret=cs", "netsuite.accounts.eu.token-id=tk",
					"netsuite.accounts.eu.token-secret=ts")
			.run((context) -> assertThat(context.getBean(NetSuiteBatchItems.class).account("eu"))
				.hasToString("NetSuiteBatchItems[eu]"));
	}

	@Test
	void buildsAReaderNamedAsTheApplicationSays() {
		this.contextRunner.run((context) -> {
			NetSuiteItemReader<?> reader = context.getBean(NetSuiteBatchItems.class)
				.reader()
				.name("customers")
				.query("SELECT id FROM customer")
				.build();
			assertThat(reader).hasToString("NetSuiteItemReader[customers]");
		});
	}

	@Test
	void usesTheApplicationsJsonMapper() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.contextRunner.withBean(JsonMapper.class, () -> mapper)
			.run((context) -> assertThat(context.getBean(NetSuiteBatchItems.class)).extracting("mapper")
				.isSameAs(mapper));
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwn() {
		this.contextRunner.withUserConfiguration(OwnItems.class)
			.run((context) -> assertThat(context).getBean(NetSuiteBatchItems.class).isSameAs(context.getBean("mine")));
	}

	@Test
	void configuresNothingWithoutSpringBatch() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ItemStreamReader.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteBatchItems.class));
	}

	@Test
	void configuresNothingWithoutAnAccount() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
					NetSuiteBatchAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NetSuiteBatchItems.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnItems {

		@Bean
		NetSuiteBatchItems mine(NetSuiteAccounts accounts) {
			return new NetSuiteBatchItems(accounts, JsonMapper.builder().build());
		}

	}

}
