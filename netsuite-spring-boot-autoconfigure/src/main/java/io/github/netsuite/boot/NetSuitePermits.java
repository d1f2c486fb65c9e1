package io.github.netsuite.boot;

/**
 * The concurrency permits of one NetSuite account: how many of the application's requests
 * may be on the wire at once, are, and wait for a permit.
 *
 * @author NetSuite Spring Boot team
 */
public interface NetSuitePermits {

	/**
	 * Return the most requests in flight at once.
	 * @return the limit
	 */
	int limit();

	/**
	 * Return how many requests are on the wire now.
	 * @return the requests in flight
	 */
	int inFlight();

	/**
	 * Return how many requests wait for a permit now.
	 * @return the waiting requests
	 */
	int waiting();

}
