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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;


import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.unit.DataSize;

/**
 * {@link ClientHttpRequestInterceptor} that reads an error answer once, next to the wire:
 * its body into memory, up to a bound (NetSuite's error bodies are small JSON documents),
 * and NetSuite's error from it into the request's {@link NetSuiteRequests#ERROR_ATTRIBUTE},
 * where retry, observation, health and the
 * {@link io.github.netsuite.boot.NetSuiteErrorDecoder} read it. The response handed on
 * has what was read; a longer body is cut there and its connection closed.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteErrorInterceptor implements ClientHttpRequestInterceptor {

	/**
	 * The most of an error body read: ample for NetSuite's error JSON.
	 */
	static final int MAX_ERROR_BYTES = 1024 * 1024;

	private final int maxErrorBytes;

	/**
	 * Create an interceptor that reads at most 1 MB of an error body.
	 */
	NetSuiteErrorInterceptor() {
		this.maxErrorBytes = MAX_ERROR_BYTES;
	}

	/**
	 * Create an interceptor that reads at most 1 MB of an error body, and never more than
	 * the largest answer read.
	 * @param maxAnswerSize the largest answer read ({@code netsuite.max-answer-size})
	 */
	NetSuiteErrorInterceptor(DataSize maxAnswerSize) {
		this.maxErrorBytes = (int) Math.max(Math.min(maxAnswerSize.toBytes(), MAX_ERROR_BYTES), 0);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getAttributes().remove(NetSuiteRequests.ERROR_ATTRIBUTE);
		ClientHttpResponse response = execution.execute(request, body);
		int status = response.getStatusCode().value();
		if (status < 400) {
			return response;
		}
		byte[] errorBody;
		try {
			// Bounded: what comes after is abandoned, and closing the response aborts its connection.
			errorBody = response.getBody().readNBytes(this.maxErrorBytes);
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
		request.getAttributes()
			.put(NetSuiteRequests.ERROR_ATTRIBUTE, NetSuiteError.of(status, response.getHeaders(), errorBody));
		return new ReadResponse(response, errorBody);
	}

	/**
	 * A response whose body was read and is replayed from memory.
	 */
	private static final class ReadResponse extends ClientHttpResponseDecorator {

		private final byte[] body;

		ReadResponse(ClientHttpResponse response, byte[] body) {
			super(response);
			this.body = body;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

	}

}
