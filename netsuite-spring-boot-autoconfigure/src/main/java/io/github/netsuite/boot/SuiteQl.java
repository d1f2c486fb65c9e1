package io.github.netsuite.boot;

import java.util.Objects;

/**
 * Helpers for writing SuiteQL. NetSuite's REST SuiteQL endpoint has no bind variables, so
 * every value that comes from outside must go into the query text as a quoted literal.
 *
 * @author NetSuite Spring Boot team
 */
public final class SuiteQl {

	private SuiteQl() {
	}

	/**
	 * Quote a string as a SuiteQL string literal, so that user input never becomes query
	 * text: {@code O'Brien} becomes {@code 'O''Brien'}.
	 * @param value the value
	 * @return the quoted literal
	 * @throws IllegalArgumentException if the value contains a NUL character
	 */
	public static String literal(String value) {
		Objects.requireNonNull(value, "value");
		if (value.indexOf('\0') != -1) {
			throw new IllegalArgumentException("A SuiteQL literal cannot contain a NUL character");
		}
		return "'" + value.replace("'", "''") + "'";
	}

}
