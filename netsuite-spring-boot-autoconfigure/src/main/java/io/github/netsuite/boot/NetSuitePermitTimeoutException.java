package io.github.netsuite.boot;

/**
 * No permit to send a request came free within the acquire timeout: the application
 * already had as many requests in flight as {@code netsuite.concurrency.limit} allows for
 * the account. The request was never sent.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuitePermitTimeoutException extends NetSuiteException {

	/**
	 * Create an exception for a request that found no permit in time.
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param detail what happened
	 * @param hint how to avoid it
	 */
	public NetSuitePermitTimeoutException(String method, String path, String detail, String hint) {
		super(0, null, detail, method, path, hint);
	}

}
