package io.github.netsuite.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one NetSuite credential property has a value, so that an
 * application without any stays free of NetSuite beans while a partial configuration
 * fails loudly.
 *
 * @author NetSuite Spring Boot team
 */
class OnNetSuiteCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		List<String> present = Arrays.stream(CredentialProperty.values())
			.map(CredentialProperty::key)
			.filter((key) -> !binder.bind(key, String.class).orElse("").isBlank())
			.toList();
		ConditionMessage.Builder message = ConditionMessage.forCondition("NetSuite credentials");
		if (present.isEmpty()) {
			return ConditionOutcome.noMatch(message.didNotFind("property").items(
					Arrays.stream(CredentialProperty.values()).map(CredentialProperty::key).toList()));
		}
		return ConditionOutcome.match(message.found("property", "properties").items(present));
	}

}
