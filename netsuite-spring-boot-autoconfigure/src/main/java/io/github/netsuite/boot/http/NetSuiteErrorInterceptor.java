package io.github.netsuite.boot.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.github.netsuite.boot.NetSuiteError;
import io.github.netsuite.boot.NetSuiteRequests;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that reads an error answer once, next to the wire:
 * its whole body into memory (NetSuite's error bodies are small, a RESTlet's at most its
 * 10 MB limit) and NetSuite's error from it into the request's
 * {@link NetSuiteRequests#ERROR_ATTRIBUTE}, where retry, observation, health and the
 * {@link io.github.netsuite.boot.NetSuiteErrorDecoder} read it. The response handed on
 * still has the whole body.
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteErrorInterceptor implements ClientHttpRequestInterceptor {

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
			errorBody = response.getBody().readAllBytes();
		}
		catch (IOException ex) {
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
