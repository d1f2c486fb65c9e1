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
package io.github.netsuite.boot.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * The lifecycle and cache key of the doubles {@link EnableNetSuiteDouble} starts, on contexts
 * built by hand so that a test can close them.
 */
class NetSuiteDoubleContextCustomizerTests {

	private final NetSuiteDoubleContextCustomizerFactory factory = new NetSuiteDoubleContextCustomizerFactory();

	@Test
	void stopsEveryDoubleWhenTheContextCloses() {
		GenericApplicationContext context = new GenericApplicationContext();
		NetSuiteDoubles doubles = customize(context, TwoAccounts.class);
		context.refresh();
		assertThat(doubles.all()).hasSize(3).allMatch(NetSuiteDouble::isRunning);
		context.close();
		assertThat(doubles.all()).noneMatch(NetSuiteDouble::isRunning);
	}

	@Test
	void stopsEveryDoubleWhenTheContextFailsToRefresh() {
		GenericApplicationContext context = new GenericApplicationContext();
		NetSuiteDoubles doubles = customize(context, TwoAccounts.class);
		context.registerBean(Failing.class);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(context::refresh);
		assertThat(doubles.all()).hasSize(3).noneMatch(NetSuiteDouble::isRunning);
	}

	@Test
	void sharesAContextBetweenEqualAccountNames() {
		ContextCustomizer customizer = customizer(TwoAccounts.class);
		ContextCustomizer same = customizer(SameTwoAccounts.class);
		assertThat(customizer).isEqualTo(same).hasSameHashCodeAs(same);
	}

	@Test
	void doesNotShareAContextBetweenDifferentAccountNames() {
		assertThat(customizer(TwoAccounts.class)).isNotEqualTo(customizer(OneAccount.class))
			.isNotEqualTo(customizer(NoAccounts.class));
	}

	@Test
	void refusesAnAccountNameThatCannotKeyAProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizer(UpperCaseAccount.class))
			.withMessageContaining("'EU'");
	}

	@Test
	void refusesAnAccountNamedTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizer(DuplicateAccounts.class))
			.withMessageContaining("'eu' is named twice");
	}

	@Test
	void refusesANamedAccountWithThePrimarysAccountId() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizer(CollidingAccounts.class))
			.withMessageContaining("TSTDRV25973");
	}

	@Test
	void putsEveryAccountTheEnvironmentConfiguresOnADoubleWhenNoneIsListed() {
		GenericApplicationContext context = withApplicationProperties(Map.of("netsuite.accounts.eu.consumer-key",
				"${NETSUITE_EU_CONSUMER_KEY}", "netsuite.accounts.sandbox.oauth2.client-id",
				"${NETSUITE_SANDBOX_CLIENT_ID}"));
		NetSuiteDoubles doubles = customize(context, NoAccounts.class);
		try {
			assertThat(doubles.names()).containsExactlyInAnyOrder("eu", "sandbox");
			assertThat(doubles.get("eu").isOAuth2Enabled()).isFalse();
			assertThat(doubles.get("sandbox").isOAuth2Enabled()).isTrue();
			assertThat(context.getEnvironment().getProperty("netsuite.accounts.eu.consumer-key"))
				.isEqualTo(doubles.get("eu").consumerKey());
			assertThat(context.getEnvironment().getProperty("netsuite.accounts.sandbox.oauth2.client-id"))
				.isEqualTo(doubles.get("sandbox").oauth2ClientId());
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void findsAnAccountConfiguredThroughAnEnvironmentVariable() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
					Map.of("NETSUITE_ACCOUNTS_EU_CONSUMER_KEY", "from-the-environment")));
		NetSuiteDoubles doubles = customize(context, NoAccounts.class);
		try {
			assertThat(doubles.names()).containsExactly("eu");
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void leavesAnAccountAloneThatAlreadyRunsOnThisMachine() {
		GenericApplicationContext context = withApplicationProperties(Map.of("netsuite.accounts.eu.rest-url",
				"http://127.0.0.1:8089", "netsuite.accounts.apac.rest-url", "http://localhost:8090",
				"netsuite.accounts.sandbox.rest-url", "https://${NETSUITE_SANDBOX_ACCOUNT}.suitetalk.api.netsuite.com"));
		NetSuiteDoubles doubles = customize(context, NoAccounts.class);
		try {
			assertThat(doubles.names()).containsExactly("sandbox");
			assertThat(rawProperty(context, "netsuite.accounts.eu.rest-url")).isEqualTo("http://127.0.0.1:8089");
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void takesABlankOAuth2ClientIdForUnset() {
		GenericApplicationContext context = withApplicationProperties(
				Map.of("netsuite.accounts.eu.account", "7654321", "netsuite.accounts.eu.oauth2.client-id", " "));
		NetSuiteDoubles doubles = customize(context, NoAccounts.class);
		try {
			assertThat(doubles.get("eu").isOAuth2Enabled()).isFalse();
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void givesAListedAccountTheAuthenticationTheEnvironmentConfigures() {
		GenericApplicationContext context = withApplicationProperties(Map.of("netsuite.accounts.eu.oauth2.private-key",
				"${NETSUITE_EU_PRIVATE_KEY}", "netsuite.accounts.sandbox.account", "${NETSUITE_SANDBOX_ACCOUNT}"));
		NetSuiteDoubles doubles = customize(context, OneAccount.class);
		try {
			assertThat(doubles.names()).containsExactly("eu");
			assertThat(doubles.get("eu").isOAuth2Enabled()).isTrue();
			assertThat(rawProperty(context, "netsuite.accounts.sandbox.account")).isEqualTo("${NETSUITE_SANDBOX_ACCOUNT}");
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void putsNoNamedAccountOnADoubleWhenConfiguredAccountsIsOff() {
		GenericApplicationContext context = withApplicationProperties(
				Map.of("netsuite.accounts.eu.account", "${NETSUITE_EU_ACCOUNT}"));
		NetSuiteDoubles doubles = customize(context, NoConfiguredAccounts.class);
		try {
			assertThat(doubles.names()).isEmpty();
			assertThat(rawProperty(context, "netsuite.accounts.eu.account")).isEqualTo("${NETSUITE_EU_ACCOUNT}");
		}
		finally {
			doubles.stop();
		}
	}

	@Test
	void refusesAConfiguredAccountNameADoubleCannotServeNamingItsKeys() {
		GenericApplicationContext context = withApplicationProperties(
				Map.of("netsuite.accounts.usWest.account", "${NETSUITE_US_WEST_ACCOUNT}"));
		assertThatIllegalStateException().isThrownBy(() -> customize(context, NoAccounts.class))
			.withMessageContaining("netsuite.accounts.usWest.*")
			.withMessageContaining("@EnableNetSuiteDouble(accounts = ...)")
			.withMessageNotContaining("${");
	}

	@Test
	void doesNotShareAContextBetweenConfiguredAccountsAndNone() {
		assertThat(customizer(NoAccounts.class)).isNotEqualTo(customizer(NoConfiguredAccounts.class));
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	/**
	 * A context whose environment has the given properties, as from an application.yml.
	 */
	private static GenericApplicationContext withApplicationProperties(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addLast(new MapPropertySource("application", properties));
		return context;
	}

	/**
	 * The value of the highest property source that has the key, placeholders unresolved.
	 */
	private static @Nullable Object rawProperty(GenericApplicationContext context, String key) {
		for (PropertySource<?> source : context.getEnvironment().getPropertySources()) {
			if (source.containsProperty(key)) {
				return source.getProperty(key);
			}
		}
		return null;
	}

	private NetSuiteDoubles customize(GenericApplicationContext context, Class<?> testClass) {
		customizer(testClass).customizeContext(context, mock(MergedContextConfiguration.class));
		return context.getBeanFactory().getBean(NetSuiteDoubles.class);
	}

	@EnableNetSuiteDouble(accounts = { "eu", "us-west" })
	static class TwoAccounts {

	}

	@EnableNetSuiteDouble(accounts = { "eu", "us-west" })
	static class SameTwoAccounts {

	}

	@EnableNetSuiteDouble(accounts = "eu")
	static class OneAccount {

	}

	@EnableNetSuiteDouble
	static class NoAccounts {

	}

	@EnableNetSuiteDouble(configuredAccounts = false)
	static class NoConfiguredAccounts {

	}

	@EnableNetSuiteDouble(accounts = "EU")
	static class UpperCaseAccount {

	}

	@EnableNetSuiteDouble(accounts = { "eu", "eu" })
	static class DuplicateAccounts {

	}

	@EnableNetSuiteDouble(account = "TSTDRV25973", accounts = "eu")
	static class CollidingAccounts {

	}

	static class Failing {

		Failing() {
			throw new IllegalStateException("This bean fails the refresh");
		}

	}

}
