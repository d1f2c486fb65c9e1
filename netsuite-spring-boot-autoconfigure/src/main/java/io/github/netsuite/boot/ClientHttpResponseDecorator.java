/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
