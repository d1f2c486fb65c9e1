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
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.lang.CheckReturnValue;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * A call to a RESTlet deployment ({@code /app/site/hosting/restlet.nl?script=…&deploy=…}).
 * Parameters are encoded once, and signed exactly as they go on the wire. Immutable: each
 * modifier returns a copy, so a request can be shared, and called again. Its errors name
 * the script and deployment.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class RestletRequest {

	static final String PATH = "/app/site/hosting/restlet.nl";

	/**
	 * The URI template of every RESTlet call, whatever its custom parameters: the
	 * {@code uri} tag of Spring's {@code http.client.requests} observation.
	 */
	static final String URI_TEMPLATE = PATH + "?script={script}&deploy={deploy}";

	// A RESTlet is a script: only what cannot change anything is safe to repeat.
	private static final Set<HttpMethod> IDEMPOTENT_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS);

	private final NetSuiteExchange exchange;

	private final String script;

	private final String deploy;

	private final List<Param> params;

	private final @Nullable MediaType contentType;

	RestletRequest(NetSuiteExchange exchange, String script, String deploy) {
		this(exchange, script, deploy, List.of(), null);
	}

	private RestletRequest(NetSuiteExchange exchange, String script, String deploy, List<Param> params,
			@Nullable MediaType contentType) {
		this.exchange = exchange;
		this.script = script;
		this.deploy = deploy;
		this.params = params;
		this.contentType = contentType;
	}

	/**
	 * Return this request with a query parameter added; repeat the name for several
	 * values, which go on the wire in order, next to each other.
	 * @param name the name
	 * @param value the value, written with {@code toString()}
	 * @return the request
	 */
	@CheckReturnValue
	public RestletRequest param(String name, Object value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		List<Param> params = new ArrayList<>(this.params);
		params.add(new Param(name, value.toString()));
		return new RestletRequest(this.exchange, this.script, this.deploy, List.copyOf(params), this.contentType);
	}

	/**
	 * Return this request with every entry of a map added as a query parameter.
	 * @param params the parameters
	 * @return the request
	 */
	@CheckReturnValue
	public RestletRequest params(Map<String, ?> params) {
		List<Param> all = new ArrayList<>(this.params);
		params.forEach((name, value) -> {
			Assert.hasText(name, "'name' must not be empty");
			Assert.notNull(value, "'value' must not be null");
			all.add(new Param(name, value.toString()));
		});
		return new RestletRequest(this.exchange, this.script, this.deploy, List.copyOf(all), this.contentType);
	}

	/**
	 * Return this request with the given content type of the body. By default a
	 * {@link String} body goes as {@code text/plain} and anything else as JSON.
	 * @param contentType the content type
	 * @return the request
	 */
	@CheckReturnValue
	public RestletRequest contentType(MediaType contentType) {
		Assert.notNull(contentType, "'contentType' must not be null");
		return new RestletRequest(this.exchange, this.script, this.deploy, this.params, contentType);
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
		return this.exchange.answer(call(method, body), call(method), (request, response, answer) -> {
			if (streaming) {
				InputStream stream = stream(response, answer);
				return (stream == null) ? Optional.empty()
						: Optional.of((responseType == InputStream.class) ? (T) stream
								: (T) new InputStreamResource(stream, "RESTlet answer"));
			}
			return Optional.ofNullable(read(response, answer, responseType));
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
		return this.exchange.answer(call(method, body), call(method), (request, response,
				answer) -> Optional.ofNullable(Answers.<T>value(this.exchange.mapper(), javaType, answer,
						response.getBody())),
				true);
	}

	private RestClient.RequestBodySpec call(HttpMethod method, @Nullable Object body) {
		Assert.isTrue(body == null || !HttpMethod.GET.equals(method), "A RESTlet GET takes no body");
		Map<String, String> variables = new HashMap<>();
		variables.put("script", this.script);
		variables.put("deploy", this.deploy);
		for (int i = 0; i < this.params.size(); i++) {
			variables.put("n" + i, this.params.get(i).name());
			variables.put("v" + i, this.params.get(i).value());
		}
		// The custom parameters go on the URI but not into the template, so that the
		// http.client.requests uri tag stays the same whatever the parameters.
		RestClient.RequestBodySpec request = this.exchange.restlet(method, URI_TEMPLATE, (uri) -> {
			for (int i = 0; i < this.params.size(); i++) {
				// As variables, so that names and values are encoded strictly, once
				uri.queryParam("{n" + i + "}", "{v" + i + "}");
			}
			return uri.build(variables);
		});
		if (body != null) {
			MediaType type = (this.contentType != null) ? this.contentType
					: (body instanceof String) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
			request.contentType(type).body(body(body, type));
		}
		return request;
	}

	// Whether the RESTlet's script may have run although its answer cannot be read, and
	// what its errors name: the script and deployment, which the path does not say.
	private NetSuiteExchange.Call call(HttpMethod method) {
		NetSuiteExchange.Call call = IDEMPOTENT_METHODS.contains(method) ? NetSuiteExchange.Call.READ
				: new NetSuiteExchange.Call(true, Answers.RESTLET_HINT, null, null, null);
		return call.about("RESTlet " + this.script + "/" + this.deploy);
	}

	// Text for a text type goes in the type's charset, UTF-8 unless it names one, whatever
	// the string converter's default; anything else to the client's converters: JSON text
	// and bytes as they are, objects written by Jackson with the application's mapper.
	private static Object body(Object body, MediaType type) {
		if (body instanceof String text && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return text.getBytes((type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8);
		}
		return body;
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T read(ClientHttpResponse response, Answers.Answer answer, Class<T> responseType)
			throws IOException {
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
	private static @Nullable InputStream stream(ClientHttpResponse response, Answers.Answer answer)
			throws IOException {
		boolean handedOver = false;
		try {
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
	 * One query parameter, as given.
	 */
	private record Param(String name, String value) {

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
