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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnresolvedPlaceholders}: a {@code ${…}} placeholder that nothing
 * resolved stops start-up naming the key and what to set, never a resolved value.
 */
class UnresolvedPlaceholdersTests {

	private static final String ACCOUNT = "netsuite.account=1234567_SB1";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@Test
	void stopsStartUpOnAPlaceholderNamingTheKeyAndTheVariable() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.consumer-key=${NETSUITE_CONSUMER_KEY}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessage("Invalid NetSuite configuration: netsuite.consumer-key is the unresolved placeholder "
						+ "${NETSUITE_CONSUMER_KEY}: nothing named NETSUITE_CONSUMER_KEY is set"));
	}

	@Test
	void stopsStartUpOnThePlaceholdersOfTheReadmeWithoutItsVariables() {
		// As an application.yml would: a property source of its own, resolved through the Environment.
		Map<String, Object> applicationYml = new LinkedHashMap<>();
		applicationYml.put("netsuite.account", "1234567_SB1");
		applicationYml.put("netsuite.consumer-key", "${NETSUITE_CONSUMER_KEY}");
		applicationYml.put("netsuite.consumer-secret", "${NETSUITE_CONSUMER_SECRET}");
		applicationYml.put("netsuite.token-id", "${NETSUITE_TOKEN_ID}");
		applicationYml.put("netsuite.token-secret", "${NETSUITE_TOKEN_SECRET}");
		Map<String, Object> environment = Map.of("NETSUITE_TOKEN_ID", "tk", "NETSUITE_TOKEN_SECRET", "ts-secret");
		this.contextRunner.withInitializer((context) -> {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource("application.yml", applicationYml));
		}).run((context) -> {
			InvalidNetSuitePropertiesException failure = failure(context.getStartupFailure());
			assertThat(failure.getProblems()).extracting(InvalidNetSuitePropertiesException.Problem::key)
				.containsExactly("netsuite.consumer-key", "netsuite.consumer-secret");
			assertThat(failure).hasMessageContaining(
					"netsuite.consumer-secret is the unresolved placeholder ${NETSUITE_CONSUMER_SECRET}")
				.hasMessageNotContaining("ts-secret");
		});
	}

	@Test
	void startsWhenTheEnvironmentResolvesEveryPlaceholder() {
		Map<String, Object> environment = Map.of("NS_CK", "ck", "NS_CS", "cs", "NS_TK", "tk", "NS_TS", "ts");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.withPropertyValues(ACCOUNT, "netsuite.consumer-key=${NS_CK}", "netsuite.consumer-secret=${NS_CS}",
					"netsuite.token-id=${NS_TK}", "netsuite.token-secret=${NS_TS}")
			.run((context) -> {
				// The secrets are not readable here; unresolved, they would have stopped start-up.
				assertThat(context).hasNotFailed();
				TbaCredentials credentials = context.getBean(NetSuiteConnectionDetails.class).getCredentials();
				assertThat(List.of(credentials.consumerKey(), credentials.tokenId())).containsExactly("ck", "tk");
			});
	}

	@Test
	void startsOnAPlaceholderWithADefaultForItResolves() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.consumer-key=${NETSUITE_UNSET_CONSUMER_KEY:ck-default}")
			.run((context) -> assertThat(
					context.getBean(NetSuiteConnectionDetails.class).getCredentials().consumerKey())
				.isEqualTo("ck-default"));
	}

	@Test
	void reportsAPlaceholderInTheAccountAsUnresolvedNotMalformed() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.account=${NETSUITE_ACCOUNT}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.account is the unresolved placeholder "
						+ "${NETSUITE_ACCOUNT}: nothing named NETSUITE_ACCOUNT is set"));
	}

	@Test
	void reportsEveryKeyOfThePrimaryAndOfANamedAccountAndNothingElseOfThem() {
		List<String> keys = List.of("account", "consumer-key", "consumer-secret", "token-id", "token-secret",
				"oauth2.client-id", "oauth2.certificate-id", "oauth2.private-key", "oauth2.certificate", "rest-url",
				"restlet-url", "oauth2.token-url");
		String[] properties = keys.stream()
			.flatMap((key) -> List.of("netsuite." + key + "=${UNSET_" + variable(key) + "}",
					"netsuite.accounts.eu." + key + "=${UNSET_EU_" + variable(key) + "}")
				.stream())
			.toArray(String[]::new);
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			InvalidNetSuitePropertiesException failure = failure(context.getStartupFailure());
			for (String key : keys) {
				assertThat(failure).hasMessageContaining("netsuite." + key + " is the unresolved placeholder ${UNSET_"
						+ variable(key) + "}: nothing named UNSET_" + variable(key) + " is set")
					.hasMessageContaining("netsuite.accounts.eu." + key + " is the unresolved placeholder ${UNSET_EU_"
							+ variable(key) + "}");
			}
			// Both kinds of credentials are there, placeholders or not: that is all the rest.
			assertThat(failure.getProblems()).hasSize(2 * keys.size() + 2)
				.filteredOn((problem) -> !problem.reason().contains("unresolved"))
				.extracting(InvalidNetSuitePropertiesException.Problem::reason)
				.containsOnly("is set beside the token-based authentication credentials");
		});
	}

	@Test
	void reportsAPlaceholderInsideOtherTextWithoutThatText() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.token-secret=ts-prefix-${NETSUITE_TOKEN_SUFFIX}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.token-secret holds the unresolved placeholder "
						+ "${NETSUITE_TOKEN_SUFFIX}: nothing named NETSUITE_TOKEN_SUFFIX is set"));
	}

	@Test
	void neverPrintsAValueResolvedBesideAnUnresolvedPlaceholder() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("ns.first-half=resolved-half-of-secret",
					"netsuite.consumer-secret=${ns.first-half}${NETSUITE_SECOND_HALF}")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidNetSuitePropertiesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("netsuite.consumer-secret holds the unresolved placeholder "
							+ "${NETSUITE_SECOND_HALF}");
				assertThat(analysis.getDescription() + analysis.getAction() + context.getStartupFailure())
					.doesNotContain("resolved-half-of-secret");
			});
	}

	@Test
	void neverPrintsAValueResolvedInsideAnUnresolvedPlaceholder() {
		// ${${ns.name}} binds as ${secret-name-value}: not as written, so not quoted.
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("ns.name=secret-name-value", "netsuite.token-secret=${${ns.name}}")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Invalid NetSuite configuration: netsuite.token-secret holds an unresolved ${…} "
							+ "placeholder");
				FailureAnalysis analysis = new InvalidNetSuitePropertiesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secret-name-value");
			});
	}

	@Test
	void namesTheEnvironmentVariableOfAPlaceholderThatNamesAProperty() {
		FailureAnalysis analysis = analyze("netsuite.accounts.sandbox.consumer-key=${sandbox.consumer-key}");
		assertThat(analysis.getDescription())
			.contains("netsuite.accounts.sandbox.consumer-key is the unresolved placeholder ${sandbox.consumer-key}");
		assertThat(analysis.getAction()).contains("netsuite.accounts.sandbox.consumer-key: set the environment "
				+ "variable SANDBOX_CONSUMER_KEY or the property sandbox.consumer-key (or "
				+ "netsuite.accounts.sandbox.consumer-key itself) to the consumer key of the integration record "
				+ "(Setup > Integration > Manage Integrations)");
	}

	@Test
	void explainsInTheFailureAnalysisWhatToSetAndWhereInNetSuiteTheValueComesFrom() {
		FailureAnalysis analysis = analyze("netsuite.consumer-key=${NETSUITE_CONSUMER_KEY}",
				"netsuite.rest-url=${NETSUITE_REST_URL}");
		assertThat(analysis.getDescription()).contains(
				"netsuite.consumer-key is the unresolved placeholder ${NETSUITE_CONSUMER_KEY}: nothing named "
						+ "NETSUITE_CONSUMER_KEY is set",
				"netsuite.rest-url is the unresolved placeholder ${NETSUITE_REST_URL}");
		assertThat(analysis.getAction()).contains(
				"netsuite.consumer-key: set the environment variable NETSUITE_CONSUMER_KEY (or netsuite.consumer-key "
						+ "itself) to the consumer key of the integration record (Setup > Integration > Manage "
						+ "Integrations)",
				"netsuite.rest-url: set the environment variable NETSUITE_REST_URL (or netsuite.rest-url itself) to "
						+ "the account's REST web services URL (Setup > Company > Company Information > Company URLs",
				"Spring Boot binds a ${…} placeholder as its own text when nothing of its name is set",
				"Write ${NAME:} to leave an optional key unset");
	}

	@Test
	void saysNothingOfPlaceholdersWhenThereIsNone() {
		assertThat(analyze("netsuite.token-secret=").getAction()).doesNotContain("placeholder");
	}

	@Test
	void leavesThePrimaryAccountsPlaceholdersToConnectionDetailsTheApplicationDefines() {
		this.contextRunner.withPropertyValues("netsuite.consumer-key=${NETSUITE_CONSUMER_KEY}")
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> assertThat(context.getBean(NetSuiteAccounts.class).primary().id().realm())
				.isEqualTo("7654321"));
	}

	@Test
	void findsTheOutermostPlaceholdersInOrder() {
		assertThat(UnresolvedPlaceholders.find("a${B}c${D:${E}}f${G")).containsExactly("${B}", "${D:${E}}");
		assertThat(UnresolvedPlaceholders.find("no placeholder $ {here}")).isEmpty();
	}

	private static String variable(String key) {
		return key.toUpperCase().replace('.', '_').replace('-', '_');
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.accounts.sandbox.account=7654321",
					"netsuite.accounts.sandbox.consumer-key=eck", "netsuite.accounts.sandbox.consumer-secret=ecs",
					"netsuite.accounts.sandbox.token-id=etk", "netsuite.accounts.sandbox.token-secret=ets")
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new InvalidNetSuitePropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static InvalidNetSuitePropertiesException failure(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof InvalidNetSuitePropertiesException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InvalidNetSuitePropertiesException.class);
		return (InvalidNetSuitePropertiesException) cause;
	}

}
