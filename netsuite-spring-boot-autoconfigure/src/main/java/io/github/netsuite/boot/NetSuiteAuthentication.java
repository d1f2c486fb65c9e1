package io.github.netsuite.boot;

import java.io.IOException;

import org.springframework.http.HttpRequest;

/**
 * How requests to one NetSuite account authenticate: token-based authentication (OAuth
 * 1.0a) today, OAuth 2.0 client credentials next. The interceptor chain asks it to
 * authenticate every attempt afresh and to explain a refused one.
 *
 * @author NetSuite Spring Boot team
 */
public interface NetSuiteAuthentication {

	/**
	 * Authenticate one attempt of a request, setting (never appending) its headers.
	 * @param request the request as it goes on the wire
	 * @param body the request body
	 * @throws IOException if the credentials cannot be had
	 */
	void authenticate(HttpRequest request, byte[] body) throws IOException;

	/**
	 * Say what to fix when NetSuite refused the authentication.
	 * @param error NetSuite's answer, a login failure
	 * @return what to check or fix, never a secret
	 */
	String failureHint(NetSuiteError error);

}
