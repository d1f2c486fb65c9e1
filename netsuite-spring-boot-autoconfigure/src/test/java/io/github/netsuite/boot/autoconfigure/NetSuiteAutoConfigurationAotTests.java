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

import java.util.function.Consumer;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NetSuiteAutoConfiguration} processed ahead of time, as
 * {@code spring-boot:process-aot} does: the build has no credentials, the run has them.
 */
// The generated code calls package-private bean methods: it must share their class loader.
@CompileWithForkedClassLoader
class NetSuiteAutoConfigurationAotTests {

	// One build, two runs: compiling the generated code is what costs time here.
	@Test
	void aotBuildWithoutCredentialsTakesThemAtRunTimeAndFailsNamingThemWhenAbsent() {
		compileAheadOfTime((initializer) -> {
			try (GenericApplicationContext context = runtimeContext(initializer,
					NetSuiteAutoConfigurationTests.CREDENTIALS)) {
				context.refresh();
				assertThat(context.getBean(NetSuiteClient.class)).isNotNull();
				assertThat(context.getBean(NetSuiteAccounts.class).primary().id().realm()).isEqualTo("1234567_SB1");
				assertThat(context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME)).isNotNull();
			}
			try (GenericApplicationContext context = runtimeContext(initializer)) {
				assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh)
					.havingRootCause()
					.isInstanceOf(InvalidNetSuitePropertiesException.class)
					.withMessageContaining("netsuite.account is missing")
					.withMessageContaining("netsuite.token-secret is missing");
			}
		});
	}

	@Test
	void aotBuildWithNetSuiteDisabledHasNoClient() {
		compileAheadOfTime((initializer) -> {
			try (GenericApplicationContext context = runtimeContext(initializer,
					NetSuiteAutoConfigurationTests.CREDENTIALS)) {
				context.refresh();
				assertThat(context.getBeanNamesForType(NetSuiteClient.class)).isEmpty();
			}
		}, "netsuite.enabled=false");
	}

	// Everything the starter needs in a native image is derived by Spring: no registrar of its own.
	@Test
	void aotBuildRegistersTheHintsANativeImageNeeds() {
		TestGenerationContext generationContext = new TestGenerationContext();
		processAheadOfTime(generationContext);
		RuntimeHints hints = generationContext.getRuntimeHints();
		// Binding, of named accounts (the map's values) and nested settings too.
		assertThat(RuntimeHintsPredicates.reflection().onType(NetSuiteProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(NetSuiteAccountProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(NetSuiteAccountProperties.OAuth2.class)).accepts(hints);
		// The failure analyzers, made from spring.factories.
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/spring.factories")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(NoSuchNetSuiteBeanFailureAnalyzer.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(InvalidNetSuitePropertiesFailureAnalyzer.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
	}

	private static GenericApplicationContext runtimeContext(
			ApplicationContextInitializer<GenericApplicationContext> initializer, String... properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		TestPropertyValues.of(properties).applyTo(context);
		initializer.initialize(context);
		return context;
	}

	@SuppressWarnings("unchecked")
	private static void compileAheadOfTime(Consumer<ApplicationContextInitializer<GenericApplicationContext>> run,
			String... buildProperties) {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName className = processAheadOfTime(generationContext, buildProperties);
		TestCompiler.forSystem()
			.with(generationContext)
			.compile((compiled) -> run.accept(compiled.getInstance(ApplicationContextInitializer.class,
					className.toString())));
	}

	// What the build sees: no credentials, and the flag Spring's AOT processors set.
	private static ClassName processAheadOfTime(TestGenerationContext generationContext, String... buildProperties) {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues.of(buildProperties).applyTo(context);
			context.register(AotApplication.class);
			ClassName className = new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			generationContext.writeGeneratedContent();
			return className;
		}
		finally {
			System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class })
	static class AotApplication {

	}

}
