package io.github.netsuite.boot;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link ClientHttpResponse} that passes everything to another; the interceptors that
 * buffer a body or act on {@code close()} override what they change.
 *
 * @author NetSuite Spring Boot team
 */
class ClientHttpResponseDecorator implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	/**
	 * Create a decorator.
	 * @param delegate the response to pass to
	 */
	ClientHttpResponseDecorator(ClientHttpResponse delegate) {
		this.delegate = delegate;
	}

	/**
	 * Return the response this one passes to.
	 * @return the delegate
	 */
	protected ClientHttpResponse getDelegate() {
		return this.delegate;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.delegate.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.delegate.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.delegate.getHeaders();
	}

	@Override
	public InputStream getBody() throws IOException {
		return this.delegate.getBody();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
