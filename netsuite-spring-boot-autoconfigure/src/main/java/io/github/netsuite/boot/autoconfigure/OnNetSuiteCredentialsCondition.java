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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one NetSuite credential property has a value, of the primary
 * account or of a named one, so that an application without any stays free of NetSuite
 * beans while a partial configuration fails loudly.
 * <p>
 * Always matches during AOT processing: what it decides then is fixed in the generated
 * code, and credentials are secrets that belong to the run, not to the build. An AOT
 * application therefore always has its NetSuite beans (unless built with
 * {@code netsuite.enabled=false}) and, started without credentials, fails naming them.
 *
 * @author NetSuite Spring Boot team
 */
class OnNetSuiteCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("NetSuite credentials");
		if (context.getEnvironment().getProperty(AbstractAotProcessor.AOT_PROCESSING, Boolean.class, false)) {
			return ConditionOutcome.match(message.because("they are given at run time to an AOT-processed application"));
		}
		List<String> present = presentCredentials(context.getEnvironment());
		if (present.isEmpty()) {
			return ConditionOutcome.noMatch(message.didNotFind("property")
				.items(Arrays.stream(CredentialProperty.values())
					.map((property) -> property.key(NetSuitePropertiesValidation.PRIMARY_PREFIX))
					.toList()));
		}
		return ConditionOutcome.match(message.found("property", "properties").items(present));
	}

	/**
	 * Return the keys of the credential properties that have a value, of every account.
	 */
	static List<String> presentCredentials(Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> present = new ArrayList<>(present(binder, NetSuitePropertiesValidation.PRIMARY_PREFIX));
		Map<String, Object> named = binder.bind("netsuite.accounts", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		for (String name : named.keySet()) {
			present.addAll(present(binder, NetSuitePropertiesValidation.prefix(name)));
		}
		return present;
	}

	private static List<String> present(Binder binder, String prefix) {
		return Arrays.stream(CredentialProperty.values())
			.map((property) -> property.key(prefix))
			.filter((key) -> !binder.bind(key, String.class).orElse("").isBlank())
			.toList();
	}

}
