package io.github.netsuite.boot.observation;

/**
 * What the concurrency governor reports for the gauges {@code netsuite.requests.in-flight}
 * and {@code netsuite.requests.waiting}. Define a bean of this type (the governor's
 * auto-configuration does) and the gauges appear.
 *
 * @author NetSuite Spring Boot team
 */
public interface ConcurrencyReadings {

	/**
	 * Return the number of requests on the wire now.
	 * @return requests holding a permit
	 */
	int inFlight();

	/**
	 * Return the number of requests waiting for a permit now.
	 * @return requests waiting
	 */
	int waiting();

}
