package io.github.netsuite.boot;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thrown when an application asks for a NetSuite account that is not configured.
 *
 * @author NetSuite Spring Boot team
 */
public class NoSuchNetSuiteAccountException extends IllegalArgumentException {

	private final String name;

	private final Set<String> knownNames;

	/**
	 * Create an exception.
	 * @param name the name asked for
	 * @param knownNames the names of the configured accounts
	 */
	public NoSuchNetSuiteAccountException(String name, Set<String> knownNames) {
		super("No NetSuite account named '" + name + "'; the configured accounts are " + String.join(", ", knownNames)
				+ " (a named account is configured under netsuite.accounts.<name>.*)");
		this.name = name;
		this.knownNames = Collections.unmodifiableSet(new LinkedHashSet<>(knownNames));
	}

	/**
	 * Return the name asked for.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the names of the configured accounts.
	 * @return the known names
	 */
	public Set<String> getKnownNames() {
		return this.knownNames;
	}

}
