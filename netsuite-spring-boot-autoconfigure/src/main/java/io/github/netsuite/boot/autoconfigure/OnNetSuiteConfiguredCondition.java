package io.github.netsuite.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when NetSuite is configured: a {@code netsuite.*} credential is set, or the
 * application (or a test) defines its own {@link NetSuiteConnectionDetails}.
 *
 * @author NetSuite Spring Boot team
 */
class OnNetSuiteConfiguredCondition extends AnyNestedCondition {

	OnNetSuiteConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnNetSuiteCredentialsCondition.class)
	static class CredentialProperties {

	}

	@ConditionalOnBean(NetSuiteConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

}
