package io.github.netsuite.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.web.client.RestClient;

/**
 * A REST web services request sent asynchronously ({@code Prefer: respond-async}):
 * NetSuite accepts it with {@code 202} and the location of a job, which
 * {@link NetSuiteJob} polls for the answer the synchronous request would have had.
 * <p>
 * With an {@linkplain #idempotencyKey(String) idempotency key} NetSuite executes the
 * request at most once per key: the starter's retry repeats such a request when its
 * answer was lost, and a repeat NetSuite already has answers {@code IDEMPOTENCY_ERROR}
 * with the original job, which this request then follows.
 *
 * <pre class="code">
 * NetSuiteJob job = client.async(HttpMethod.POST, "/services/rest/record/v1/customer")
 *     .body(Map.of("companyName", "Acme"))
 *     .idempotent()
 *     .submit();
 * String id = job.await().recordId();
 * </pre>
 *
 * @author NetSuite Spring Boot team
 */
public final class AsyncRequest {

	static final String PREFER = "Prefer";

	static final String PREFER_ASYNC = "respond-async";

	private static final String IDEMPOTENCY_ERROR = "IDEMPOTENCY_ERROR";

	private final NetSuiteExchange exchange;

	private final HttpMethod method;

	private final String uriTemplate;

	private final Object[] uriVariables;

	private final Map<String, String> headers = new LinkedCaseInsensitiveMap<>();

	private @Nullable Object body;

	private @Nullable String idempotencyKey;

	AsyncRequest(NetSuiteExchange exchange, HttpMethod method, String uriTemplate, Object... uriVariables) {
		this.exchange = exchange;
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.uriVariables = uriVariables;
	}

	/**
	 * Send a JSON body.
	 * @param body a map or an object Jackson can write
	 * @return this request
	 */
	public AsyncRequest body(Object body) {
		Assert.notNull(body, "'body' must not be null");
		this.body = body;
		return this;
	}

	/**
	 * Send a header, such as {@code Prefer: transient} for SuiteQL (added to
	 * {@code respond-async}). An {@value NetSuiteRequests#IDEMPOTENCY_KEY_HEADER} header
	 * is taken as {@link #idempotencyKey(String)}.
	 * @param name the header name
	 * @param value the header value
	 * @return this request
	 */
	public AsyncRequest header(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		if (name.equalsIgnoreCase(NetSuiteRequests.IDEMPOTENCY_KEY_HEADER)) {
			return idempotencyKey(value);
		}
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Send the request with a fresh random idempotency key.
	 * @return this request
	 */
	public AsyncRequest idempotent() {
		return idempotencyKey(UUID.randomUUID().toString());
	}

	/**
	 * Send the request with the given idempotency key, for a write that must happen once
	 * even across the application's own repeats (such as the ID of the message that
	 * asked for it). How long NetSuite remembers keys is not documented.
	 * @param key the key, a UUID as NetSuite expects
	 * @return this request
	 */
	public AsyncRequest idempotencyKey(String key) {
		Assert.hasText(key, "'key' must not be empty");
		this.idempotencyKey = key;
		return this;
	}

	/**
	 * Submit the request.
	 * @return the job, or a job already answered when NetSuite answered at once
	 * @throws NetSuiteException if NetSuite refused the submission
	 */
	public NetSuiteJob submit() {
		RestClient.RequestBodySpec request = this.exchange.rest()
			.method(this.method)
			.uri(this.uriTemplate, this.uriVariables)
			.accept(MediaType.APPLICATION_JSON)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.REST);
		this.headers.forEach(request::header);
		String prefer = this.headers.get(PREFER);
		request.headers((headers) -> headers.set(PREFER, (prefer != null) ? prefer + ", " + PREFER_ASYNC : PREFER_ASYNC));
		if (this.idempotencyKey != null) {
			request.header(NetSuiteRequests.IDEMPOTENCY_KEY_HEADER, this.idempotencyKey)
				.attribute(NetSuiteRequests.IDEMPOTENCY_KEY_ATTRIBUTE, this.idempotencyKey);
		}
		if (this.body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(this.exchange.mapper().writeValueAsBytes(this.body));
		}
		String key = this.idempotencyKey;
		String hint = NetSuiteJob.unknownOutcomeHint(key);
		return request.exchangeForRequiredValue((sent, response) -> {
			int status = response.getStatusCode().value();
			HttpHeaders headers = response.getHeaders();
			String method = sent.getMethod().name();
			String path = sent.getURI().getRawPath();
			Answers.Answer answer = Answers.answer(sent, response, true, hint);
			if (status == 202) {
				URI location = location(headers);
				if (location == null) {
					// Accepted, but no job to follow: its outcome cannot be learnt.
					throw Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, answer, null);
				}
				return new NetSuiteJob(this.exchange, sent.getURI(), location, method, path, key);
			}
			if (status >= 400) {
				NetSuiteError error = Answers.error(sent, response);
				String code = error.errorCode();
				URI location = location(headers);
				if (location != null && code != null && IDEMPOTENCY_ERROR.equals(code.toUpperCase(Locale.ROOT))) {
					// Submitted before, by a repeat whose first answer was lost: the original job.
					return new NetSuiteJob(this.exchange, sent.getURI(), location, method, path, key);
				}
				throw this.exchange.errors().exception(error, method, path);
			}
			Answers.requireSuccess(sent, response, this.exchange.errors(), true, hint);
			// A server that ignored the preference: its answer is the result, if it is one.
			NetSuiteJob.Result result = NetSuiteJob.Result.read(answer, headers,
					Answers.bytes(answer, response.getBody()), sent.getURI(), this.exchange.mapper());
			return new NetSuiteJob(this.exchange, method, path, key, result);
		}, true);
	}

	private static @Nullable URI location(HttpHeaders headers) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		try {
			return (location != null) ? new URI(location) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
