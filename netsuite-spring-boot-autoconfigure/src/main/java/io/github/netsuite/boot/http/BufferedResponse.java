package io.github.netsuite.boot.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A response whose body was read to look at it and can be read again.
 *
 * @author NetSuite Spring Boot team
 */
final class BufferedResponse extends ClientHttpResponseDecorator {

	private static final int MAX_BODY = 64 * 1024;

	private final byte[] body;

	private BufferedResponse(ClientHttpResponse response, byte[] body) {
		super(response);
		this.body = body;
	}

	/**
	 * Read a small body (an error answer) into memory.
	 */
	static BufferedResponse of(ClientHttpResponse response) throws IOException {
		if (response instanceof BufferedResponse buffered) {
			return buffered;
		}
		return new BufferedResponse(response, response.getBody().readNBytes(MAX_BODY));
	}

	byte[] body() {
		return this.body;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

}
