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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Spring Batch: a
 * {@link NetSuiteBatchItems} bean whose reader and writer builders are set to the primary
 * account and the application's JSON mapper. The readers and writers themselves are the
 * application's beans, one per step.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ ItemStreamReader.class, StepSynchronizationManager.class })
@ConditionalOnBean(NetSuiteAccounts.class)
public final class NetSuiteBatchAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NetSuiteBatchItems netSuiteBatchItems(NetSuiteAccounts accounts, ObjectProvider<JsonMapper> jsonMapper) {
		return new NetSuiteBatchItems(accounts, jsonMapper.getIfAvailable(NetSuiteItemReaderBuilder::defaultMapper));
	}

}
