package io.github.netsuite.boot.autoconfigure;

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
		String action = ("Set each of these properties (or its NETSUITE_* environment variable):%n%n%s%n%n%s")
			.formatted(cause.getProblems()
				.stream()
				.map(Problem::action)
				.distinct()
				.map((line) -> "\t- " + line)
				.collect(Collectors.joining(System.lineSeparator())), withoutNetSuite);
		return new FailureAnalysis(description, action, cause);
	}

}
