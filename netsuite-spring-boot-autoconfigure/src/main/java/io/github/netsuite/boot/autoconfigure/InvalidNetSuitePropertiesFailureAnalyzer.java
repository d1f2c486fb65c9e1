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

import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;

import org.springframework.aot.AotDetector;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An {@link AbstractFailureAnalyzer} that explains a partial or malformed NetSuite
 * configuration: every key that is wrong and where in NetSuite its value comes from.
 *
 * @author NetSuite Spring Boot team
 */
class InvalidNetSuitePropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidNetSuitePropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidNetSuitePropertiesException cause) {
		String description = "The NetSuite configuration is incomplete or invalid:%n%n%s".formatted(cause.getProblems()
			.stream()
			.map((problem) -> "\t- " + problem)
			.collect(Collectors.joining(System.lineSeparator())));
		// Under AOT the auto-configuration's conditions were evaluated by the build.
		String withoutNetSuite = AotDetector.useGeneratedArtifacts()
				? "This application runs from AOT-generated code, which always has NetSuite's beans: to run it "
						+ "without NetSuite, build it with netsuite.enabled=false."
				: "To run without NetSuite, remove every netsuite.* credential or set netsuite.enabled=false.";
		String action = ("Set each of these properties (or its NETSUITE_* environment variable):%n%n%s%n%n%s%s%s")
			.formatted(cause.getProblems()
				.stream()
				.map(Problem::action)
				.distinct()
				.map((line) -> "\t- " + line)
				.collect(Collectors.joining(System.lineSeparator())), oauth2Instead(cause.getProblems()),
					unresolved(cause.getProblems()), withoutNetSuite);
		return new FailureAnalysis(description, action, cause);
	}

	// The usual cause: the variables are set in a shell or file that this process never saw.
	private static String unresolved(List<Problem> problems) {
		if (problems.stream().noneMatch((problem) -> problem.reason().contains("unresolved"))) {
			return "";
		}
		return ("Spring Boot binds a ${…} placeholder as its own text when nothing of its name is set: check that the "
				+ "environment variables reach this process (its run configuration, the container's environment; "
				+ "Spring Boot reads a .env file only through spring.config.import). Write ${NAME:} to leave an "
				+ "optional key unset instead.%n%n")
			.formatted();
	}

	// No token-based credential at all may as well mean an account on OAuth 2.0.
	private static String oauth2Instead(List<Problem> problems) {
		Set<String> missing = problems.stream()
			.filter((problem) -> problem.reason().equals("is missing"))
			.map(Problem::key)
			.collect(Collectors.toSet());
		StringBuilder instead = new StringBuilder();
		for (Problem problem : problems) {
			String key = problem.key();
			if (!key.endsWith(CredentialProperty.CONSUMER_KEY.key(""))) {
				continue;
			}
			String prefix = key.substring(0, key.length() - CredentialProperty.CONSUMER_KEY.key("").length());
			if (CredentialProperty.TBA.stream().allMatch((property) -> missing.contains(property.key(prefix)))) {
				instead.append("On OAuth 2.0 client credentials, set these instead of the four token-based ones:%n%n"
					.formatted());
				CredentialProperty.OAUTH2.forEach((property) -> instead.append("\t- %s (%s): %s%n"
					.formatted(property.key(prefix), property.environmentVariable(prefix), property.source())));
				instead.append(System.lineSeparator());
			}
		}
		return instead.toString();
	}

}
