package io.github.netsuite.boot;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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

	private final NetSuiteClient client;

	private final String script;

	private final String deploy;

	private final List<String[]> params = new ArrayList<>();

	private @Nullable MediaType contentType;

	RestletRequest(NetSuiteClient client, String script, String deploy) {
		this.client = client;
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
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param body the body, or {@code null} for none (a {@code GET} takes none)
	 * @param responseType {@code String} for the text, {@code Void} for none, or a type to
	 * read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	public <T> Optional<T> exchange(HttpMethod method, @Nullable Object body, Class<T> responseType) {
		return Optional.ofNullable(read(call(method, body), responseType));
	}

	/**
	 * Call the RESTlet with any method and read its JSON answer as a generic type.
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param body the body, or {@code null} for none (a {@code GET} takes none)
	 * @param responseType the type to read the JSON answer as
	 * @return the answer, empty when the RESTlet answered nothing
	 */
	@SuppressWarnings("unchecked")
	public <T> Optional<T> exchange(HttpMethod method, @Nullable Object body,
			ParameterizedTypeReference<T> responseType) {
		Type type = responseType.getType();
		if (type instanceof Class<?> plain) {
			// String, byte[] and Void as in exchange(HttpMethod, Object, Class)
			return (Optional<T>) exchange(method, body, plain);
		}
		byte[] answer = call(method, body);
		if (answer == null || answer.length == 0) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				this.client.mapper().readValue(answer, this.client.mapper().getTypeFactory().constructType(type)));
	}

	private byte @Nullable [] call(HttpMethod method, @Nullable Object body) {
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
		RestClient.RequestBodySpec request = this.client.restlets()
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
		return request.retrieve().onStatus(NetSuiteErrorDecoder.IS_ERROR, this.client.errors()).body(byte[].class);
	}

	private byte[] bytes(Object body, MediaType type) {
		if (body instanceof String text && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return text.getBytes((type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8);
		}
		if (body instanceof byte[] raw) {
			return raw;
		}
		return (body instanceof String json) ? json.getBytes(StandardCharsets.UTF_8)
				: this.client.mapper().writeValueAsBytes(body);
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T read(byte @Nullable [] answer, Class<T> responseType) {
		if (responseType == Void.class || answer == null || answer.length == 0) {
			return null;
		}
		if (responseType == String.class) {
			return (T) new String(answer, StandardCharsets.UTF_8);
		}
		if (responseType == byte[].class) {
			return (T) answer;
		}
		return this.client.mapper().readValue(answer, responseType);
	}

}
