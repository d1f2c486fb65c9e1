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

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * An {@link AbstractFailureAnalyzer} that explains a missing NetSuite bean
 * ({@link NetSuiteClient}, {@link NetSuiteAccounts}, the authentication interceptor or a
 * signed {@code RestClient}) when {@link NetSuiteAutoConfiguration} did not apply: which
 * keys and environment variables to set, or, under AOT, that the decision was made at
 * build time.
 *
 * @author NetSuite Spring Boot team
 */
class NoSuchNetSuiteBeanFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private static final Set<Class<?>> NETSUITE_TYPES = Set.of(NetSuiteClient.class, NetSuiteAccounts.class);

	private static final Set<String> NETSUITE_BEAN_NAMES = Set.of(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME,
			NetSuiteAutoConfiguration.RESTLET_CLIENT_BEAN_NAME,
			NetSuiteAutoConfiguration.AUTHENTICATION_INTERCEPTOR_BEAN_NAME);

	private final Environment environment;

	// Not the condition evaluation report: a failed context destroys it before analysis.
	NoSuchNetSuiteBeanFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		String missing = missingNetSuiteBean(rootFailure, cause);
		if (missing == null) {
			return null;
		}
		String configuration = NetSuiteAutoConfiguration.class.getSimpleName();
		if (AotDetector.useGeneratedArtifacts()) {
			// Conditions are not evaluated again at run time.
			return new FailureAnalysis(missing + " could not be found. The application runs from AOT-generated "
					+ "code, in which " + configuration + " was left out when the application was built "
					+ "(spring-boot:process-aot): its conditions were evaluated at build time, with the properties of "
					+ "the build, not with the ones it runs with.",
					"Build the application again without netsuite.enabled=false and without excluding "
							+ configuration + ". The credentials need not be there at build time; set them when "
							+ "it runs:" + System.lineSeparator() + System.lineSeparator() + credentials(),
					cause);
		}
		if (!this.environment.getProperty("netsuite.enabled", Boolean.class, true)) {
			return new FailureAnalysis(missing + " could not be found because " + configuration
					+ " is switched off by netsuite.enabled=false.",
					"Remove netsuite.enabled=false (or set it to true) to use NetSuite.", cause);
		}
		if (!OnNetSuiteCredentialsCondition.presentCredentials(this.environment).isEmpty()) {
			// Configured, so something else kept the beans away (an exclusion, a test slice).
			return null;
		}
		return new FailureAnalysis(missing + " could not be found because no NetSuite credential is set (no "
				+ "netsuite.* credential property and no NetSuiteConnectionDetails bean), so " + configuration
				+ " backed off.",
				"Set the NetSuite account and its credentials, as properties or environment variables:"
						+ System.lineSeparator() + System.lineSeparator() + credentials() + System.lineSeparator()
						+ System.lineSeparator() + "or define a NetSuiteConnectionDetails bean. In a test, add "
						+ "netsuite-spring-boot-test and annotate the test with @EnableNetSuiteDouble.",
				cause);
	}

	private static String credentials() {
		String prefix = NetSuitePropertiesValidation.PRIMARY_PREFIX;
		List<CredentialProperty> tba = List.of(CredentialProperty.ACCOUNT, CredentialProperty.CONSUMER_KEY,
				CredentialProperty.CONSUMER_SECRET, CredentialProperty.TOKEN_ID, CredentialProperty.TOKEN_SECRET);
		List<CredentialProperty> oauth2 = List.of(CredentialProperty.ACCOUNT, CredentialProperty.OAUTH2_CLIENT_ID,
				CredentialProperty.OAUTH2_CERTIFICATE_ID, CredentialProperty.OAUTH2_PRIVATE_KEY);
		return "token-based authentication:" + System.lineSeparator() + lines(prefix, tba) + System.lineSeparator()
				+ "or OAuth 2.0 client credentials:" + System.lineSeparator() + lines(prefix, oauth2);
	}

	private static String lines(String prefix, List<CredentialProperty> properties) {
		return properties.stream()
			.map((property) -> "\t- " + property.key(prefix) + " (" + property.environmentVariable(prefix) + "): "
					+ property.source())
			.collect(Collectors.joining(System.lineSeparator()));
	}

	// A description of the missing bean when it is one of NetSuite's.
	private @Nullable String missingNetSuiteBean(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getBeanType();
		if (type == null && cause.getResolvableType() != null) {
			type = cause.getResolvableType().resolve();
		}
		if (type != null && NETSUITE_TYPES.contains(type)) {
			return "A " + type.getSimpleName() + " bean";
		}
		String name = cause.getBeanName();
		if (name == null) {
			name = qualifier(rootFailure);
		}
		if (name != null && NETSUITE_BEAN_NAMES.contains(name)) {
			return "The '" + name + "' bean";
		}
		return null;
	}

	private @Nullable String qualifier(Throwable rootFailure) {
		UnsatisfiedDependencyException unsatisfied = findCause(rootFailure, UnsatisfiedDependencyException.class);
		InjectionPoint injectionPoint = (unsatisfied != null) ? unsatisfied.getInjectionPoint() : null;
		Qualifier qualifier = (injectionPoint != null) ? injectionPoint.getAnnotation(Qualifier.class) : null;
		return (qualifier != null) ? qualifier.value() : null;
	}

	// Before Boot's generic analysis of a missing bean.
	@Override
	public int getOrder() {
		return 0;
	}

}
