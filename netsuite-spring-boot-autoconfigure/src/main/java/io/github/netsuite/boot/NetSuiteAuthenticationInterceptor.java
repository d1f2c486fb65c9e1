package io.github.netsuite.boot;

import java.io.IOException;
import java.util.Objects;


import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that authenticates every execution of a request
 * with the account's {@link NetSuiteAuthentication}. A retry further out in the chain
 * passes through here again and so is authenticated afresh.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAuthenticationInterceptor implements ClientHttpRequestInterceptor {

	private final NetSuiteAuthentication authentication;

	/**
	 * Create an interceptor.
	 * @param authentication the account's authentication
	 */
	NetSuiteAuthenticationInterceptor(NetSuiteAuthentication authentication) {
		this.authentication = Objects.requireNonNull(authentication, "authentication");
	}

	/**
	 * Return the authentication this interceptor applies.
	 * @return the authentication
	 */
	NetSuiteAuthentication authentication() {
		return this.authentication;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.authentication.authenticate(request, body);
		return execution.execute(request, body);
	}

}
