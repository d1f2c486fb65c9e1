package io.github.netsuite.boot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * A call to a RESTlet deployment ({@code /app/site/hosting/restlet.nl?script=…&deploy=…}).
 * Parameters are encoded once, and signed exactly as they go on the wire.
 *
 * @author NetSuite Spring Boot team
 */
public final class RestletRequest {

	static final String PATH = "/app/site/hosting/restlet.nl";

	/**
	 * The URI template of every RESTlet call, whatever its custom parameters: the
	 * {@code uri} tag of Spring's {@code http.client.requests} observation.
	 */
	static final String URI_TEMPLATE = PATH + "?script={script}&deploy={deploy}";

	private final NetSuiteExchange exchange;

	private final String script;

	private final String deploy;

	private final List<String[]> params = new ArrayList<>();

	private @Nullable MediaType contentType;

	RestletRequest(NetSuiteExchange exchange, String script, String deploy) {
		this.exchange = exchange;
		this.script = script;
		this.deploy = deploy;
	}

	/**
	 * Add a query parameter; repeat the name for several values, which go on the wire in
	 * order, next to each other.
	 * @param name the name
	 * @param value the value, written with {@code toString()}
	 * @return this request
	 */
	public RestletRequest param(String name, Object value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		this.params.add(new String[] { name, value.toString() });
		return this;
	}

	/**
	 * Add every entry of a map as a query parameter.
	 * @param params the parameters
	 * @return this request
	 */
	public RestletRequest params(Map<String, ?> params) {
		params.forEach(this::param);
		return this;
	}

	/**
	 * Set the content type of the body. By default a {@link String} body goes as
	 * {@code text/plain} and anything else as JSON.
	 * @param contentType the content type
	 * @return this request
	 */
	public RestletRequest contentType(MediaType contentType) {
		this.contentType = contentType;
		return this;
	}

	/**
	 * Call the RESTlet's {@code get} function.
	 * @param <T> the response type
	 * @param responseType {@code String} for the text, {@code Void} for none, or a type to
	 * read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> get(Class<T> responseType) {
		return exchange(HttpMethod.GET, null, responseType);
	}

	/**
	 * Call the RESTlet's {@code get} function and read its JSON answer as a generic type,
	 * such as {@code new ParameterizedTypeReference<Map<String, Object>>() {}}.
	 * @param <T> the response type
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> get(ParameterizedTypeReference<T> responseType) {
		return exchange(HttpMethod.GET, null, responseType);
	}

	/**
	 * Call the RESTlet's {@code post} function.
	 * @param <T> the response type
	 * @param body the body: a string, or an object to write as JSON
	 * @param responseType {@code String} for the text, {@code Void} for none, or a type to
	 * read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> post(Object body, Class<T> responseType) {
		return exchange(HttpMethod.POST, body, responseType);
	}

	/**
	 * Call the RESTlet's {@code post} function and read its JSON answer as a generic type.
	 * @param <T> the response type
	 * @param body the body: a string, or an object to write as JSON
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> post(Object body, ParameterizedTypeReference<T> responseType) {
		return exchange(HttpMethod.POST, body, responseType);
	}

	/**
	 * Call the RESTlet's {@code put} function.
	 * @param <T> the response type
	 * @param body the body: a string, or an object to write as JSON
	 * @param responseType {@code String} for the text, {@code Void} for none, or a type to
	 * read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> put(Object body, Class<T> responseType) {
		return exchange(HttpMethod.PUT, body, responseType);
	}

	/**
	 * Call the RESTlet's {@code put} function and read its JSON answer as a generic type.
	 * @param <T> the response type
	 * @param body the body: a string, or an object to write as JSON
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> put(Object body, ParameterizedTypeReference<T> responseType) {
		return exchange(HttpMethod.PUT, body, responseType);
	}

	/**
	 * Call the RESTlet's {@code delete} function.
	 * @param <T> the response type
	 * @param responseType {@code String} for the text, {@code Void} for none, or a type to
	 * read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> delete(Class<T> responseType) {
		return exchange(HttpMethod.DELETE, null, responseType);
	}

	/**
	 * Call the RESTlet's {@code delete} function and read its JSON answer as a generic
	 * type.
	 * @param <T> the response type
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> delete(ParameterizedTypeReference<T> responseType) {
		return exchange(HttpMethod.DELETE, null, responseType);
	}

	/**
	 * Call the RESTlet with any method.
	 * <p>
	 * With {@code InputStream} or {@code Resource} as the response type the answer is not
	 * read into memory: the stream returned reads it from the connection as it arrives,
	 * and <strong>holds the call's concurrency permit and connection until it is
	 * closed</strong>, so close it (try-with-resources) whether or not it was read to the
	 * end. Closing it before the end abandons the rest of the answer.
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param body the body, or {@code null} for none (a {@code GET} takes none)
	 * @param responseType {@code String} for the text, {@code byte[]} for the bytes,
	 * {@code InputStream} or {@code Resource} to read the answer as it arrives,
	 * {@code Void} for none, or a type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 * @throws NetSuiteUnreadableAnswerException if the answer is an HTML page, or cannot
	 * be read as the response type; for anything but a {@code GET} with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()}, as the script may
	 * have run
	 */
	@SuppressWarnings("unchecked")
	public <T> Optional<T> exchange(HttpMethod method, @Nullable Object body, Class<T> responseType) {
		boolean streaming = responseType == InputStream.class || responseType == Resource.class
				|| responseType == InputStreamResource.class;
		return call(method, body).exchangeForRequiredValue((request, response) -> {
			if (streaming) {
				InputStream stream = stream(request, response);
				return (stream == null) ? Optional.empty()
						: Optional.of((responseType == InputStream.class) ? (T) stream
								: (T) new InputStreamResource(stream, "RESTlet answer"));
			}
			return Optional.ofNullable(read(request, response, responseType));
		}, !streaming);
	}

	/**
	 * Call the RESTlet with any method and read its JSON answer as a generic type.
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param body the body, or {@code null} for none (a {@code GET} takes none)
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 * @throws NetSuiteUnreadableAnswerException if the answer is not JSON of the type; for
	 * anything but a {@code GET} with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()}
	 */
	@SuppressWarnings("unchecked")
	public <T> Optional<T> exchange(HttpMethod method, @Nullable Object body,
			ParameterizedTypeReference<T> responseType) {
		Type type = responseType.getType();
		if (type instanceof Class<?> plain) {
			// String, byte[], InputStream and Void as in exchange(HttpMethod, Object, Class)
			return (Optional<T>) exchange(method, body, plain);
		}
		JavaType javaType = this.exchange.mapper().getTypeFactory().constructType(type);
		return call(method, body).exchangeForRequiredValue((request, response) -> {
			Answers.Answer answer = answer(request, response);
			return Optional.ofNullable(Answers.<T>value(this.exchange.mapper(), javaType, answer, response.getBody()));
		}, true);
	}

	private RestClient.RequestBodySpec call(HttpMethod method, @Nullable Object body) {
		Assert.isTrue(body == null || !HttpMethod.GET.equals(method), "A RESTlet GET takes no body");
		Map<String, String> variables = new HashMap<>();
		variables.put("script", this.script);
		variables.put("deploy", this.deploy);
		for (int i = 0; i < this.params.size(); i++) {
			variables.put("n" + i, this.params.get(i)[0]);
			variables.put("v" + i, this.params.get(i)[1]);
		}
		// The custom parameters go on the URI but not into the template, so that the
		// http.client.requests uri tag stays the same whatever the parameters.
		RestClient.RequestBodySpec request = this.exchange.restlets()
			.method(method)
			.uri(URI_TEMPLATE, (uri) -> {
				for (int i = 0; i < this.params.size(); i++) {
					// As variables, so that names and values are encoded strictly, once
					uri.queryParam("{n" + i + "}", "{v" + i + "}");
				}
				return uri.build(variables);
			})
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.RESTLET);
		if (body != null) {
			MediaType type = (this.contentType != null) ? this.contentType
					: (body instanceof String) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
			request.contentType(type).body(bytes(body, type));
		}
		return request;
	}

	// Whether the RESTlet's script may have run although its answer cannot be read.
	private static boolean mayHaveExecuted(HttpRequest request) {
		return !NetSuiteRequests.isIdempotent(request);
	}

	private Answers.Answer answer(HttpRequest request, ClientHttpResponse response) throws IOException {
		boolean write = mayHaveExecuted(request);
		Answers.requireSuccess(request, response, this.exchange.errors(), write, Answers.RESTLET_HINT);
		return Answers.answer(request, response, write, Answers.RESTLET_HINT);
	}

	private byte[] bytes(Object body, MediaType type) {
		if (body instanceof String text && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return text.getBytes((type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8);
		}
		if (body instanceof byte[] raw) {
			return raw;
		}
		return (body instanceof String json) ? json.getBytes(StandardCharsets.UTF_8)
				: this.exchange.mapper().writeValueAsBytes(body);
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T read(HttpRequest request, ClientHttpResponse response, Class<T> responseType)
			throws IOException {
		Answers.Answer answer = answer(request, response);
		if (responseType == Void.class) {
			// No answer wanted, but a page in place of the script's answer is not success.
			if (Answers.nonEmpty(answer, response.getBody()) != null) {
				Answers.refusePage(answer);
			}
			return null;
		}
		if (responseType == String.class || responseType == byte[].class) {
			byte[] bytes = Answers.bytes(answer, response.getBody());
			if (bytes.length == 0) {
				return null;
			}
			Answers.refusePage(answer);
			if (responseType == byte[].class) {
				return (T) bytes;
			}
			MediaType type = mediaType(answer);
			Charset charset = (type != null && type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
			return (T) Answers.text(answer, bytes, charset);
		}
		return Answers.value(this.exchange.mapper(), this.exchange.mapper().constructType(responseType), answer,
				response.getBody());
	}

	private static @Nullable MediaType mediaType(Answers.Answer answer) {
		try {
			return (answer.contentType() != null) ? MediaType.parseMediaType(answer.contentType()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// The answer as a stream that owns the response (and its permit) until closed.
	private @Nullable InputStream stream(HttpRequest request, ClientHttpResponse response) throws IOException {
		boolean handedOver = false;
		try {
			Answers.Answer answer = answer(request, response);
			InputStream body = Answers.nonEmpty(answer, response.getBody());
			if (body == null) {
				return null;
			}
			Answers.refusePage(answer);
			handedOver = true;
			return new ResponseStream(body, response);
		}
		finally {
			if (!handedOver) {
				response.close();
			}
		}
	}

	/**
	 * A RESTlet's answer read as it arrives; closing it closes the response, which gives
	 * the concurrency permit back and abandons whatever was not read.
	 */
	private static final class ResponseStream extends FilterInputStream {

		private final ClientHttpResponse response;

		private boolean closed;

		ResponseStream(InputStream body, ClientHttpResponse response) {
			super(body);
			this.response = response;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				this.response.close();
			}
		}

	}

}
