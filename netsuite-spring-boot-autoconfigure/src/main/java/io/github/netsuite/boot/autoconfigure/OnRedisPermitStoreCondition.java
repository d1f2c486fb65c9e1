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
package io.github.netsuite.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the primary account or any named one has
 * {@code concurrency.store=redis}.
 *
 * @author NetSuite Spring Boot team
 */
class OnRedisPermitStoreCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		if (binder.bind("netsuite.concurrency.store", NetSuiteAccountProperties.Concurrency.Store.class)
			.map(NetSuiteAccountProperties.Concurrency.Store.REDIS::equals)
			.orElse(false)) {
			return ConditionOutcome.match("netsuite.concurrency.store is redis");
		}
		Map<String, NetSuiteAccountProperties> accounts = binder
			.bind("netsuite.accounts", Bindable.mapOf(String.class, NetSuiteAccountProperties.class))
			.orElse(Map.of());
		for (Map.Entry<String, NetSuiteAccountProperties> account : accounts.entrySet()) {
			if (account.getValue().getConcurrency().getStore() == NetSuiteAccountProperties.Concurrency.Store.REDIS) {
				return ConditionOutcome.match("netsuite.accounts." + account.getKey() + ".concurrency.store is redis");
			}
		}
		return ConditionOutcome.noMatch("no NetSuite account has concurrency.store=redis");
	}

}
