package io.github.netsuite.boot.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.github.netsuite.boot.auth.TbaSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that signs every execution of a request for
 * NetSuite's token-based authentication. A retry further out in the chain passes through
 * here again and so gets a fresh nonce and timestamp; the {@code Authorization} header is
 * set, never appended.
 *
 * @author NetSuite Spring Boot team
 */
public final class TbaSigningInterceptor implements ClientHttpRequestInterceptor {

	private final TbaSigner signer;

	/**
	 * Create an interceptor that signs with the given signer.
	 * @param signer the signer
	 */
	public TbaSigningInterceptor(TbaSigner signer) {
		this.signer = Objects.requireNonNull(signer, "signer");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		String authorization = this.signer.authorizationHeader(request.getMethod().name(), request.getURI(),
				formBody(headers.getContentType(), body));
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		return execution.execute(request, body);
	}

	// OAuth 1.0a signs form parameters; JSON and every other body stay out of the signature.
	private static @Nullable String formBody(@Nullable MediaType contentType, byte[] body) {
		if (contentType == null || body.length == 0
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
			return null;
		}
		Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
		return new String(body, charset);
	}

}
