package io.github.netsuite.boot;

/**
 * A SuiteQL result is larger than NetSuite lets a query page through by offset (100,000
 * rows) and the query cannot be continued by keyset. Thrown instead of returning a
 * silently truncated result.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteQueryLimitException extends NetSuiteException {

	/**
	 * Create an exception for a query that met the offset ceiling.
	 * @param detail what happened
	 * @param hint how to read the whole result
	 */
	public NetSuiteQueryLimitException(String detail, String hint) {
		super(0, null, detail, null, null, hint);
	}

}
