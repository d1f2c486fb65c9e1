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

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
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

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
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
