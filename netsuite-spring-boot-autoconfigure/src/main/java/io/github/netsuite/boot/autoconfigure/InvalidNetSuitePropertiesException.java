package io.github.netsuite.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the {@code netsuite.*} properties are partly set or malformed. Its message
 * names the keys, never their values.
 *
 * @author NetSuite Spring Boot team
 */
class InvalidNetSuitePropertiesException extends IllegalStateException {

	private final List<Problem> problems;

	InvalidNetSuitePropertiesException(List<Problem> problems) {
		super("Invalid NetSuite configuration: "
				+ problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return what is wrong, a problem per property.
	 * @return the problems
	 */
	List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One property and what is wrong with it.
	 *
	 * @param key the property key, such as {@code netsuite.token-secret}
	 * @param reason what is wrong, without the value
	 * @param action how to fix it
	 */
	record Problem(String key, String reason, String action) {

		@Override
		public String toString() {
			return this.key + " " + this.reason;
		}

	}

}
