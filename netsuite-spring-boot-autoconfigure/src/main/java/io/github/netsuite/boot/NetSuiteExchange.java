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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * One account's way to the wire, shared by every request object of its
 * {@link NetSuiteClient}: the two signed {@link RestClient}s (whose interceptors permit,
 * observe, sign and guard each attempt), the reading of NetSuite's errors, the JSON mapper,
 * the threads that fetch pages ahead, and the client's defaults for writes and jobs.
 * Request objects talk to it and to nothing else; it is immutable, and the client's
 * {@code with…} methods copy it.
 * <p>
 * Request objects build a request with {@link #rest} or {@link #restlet} and hand it to
 * one of the operations below the accessors ({@link #read}, {@link #value}, {@link #write},
 * {@link #create}, {@link #submit}, {@link #answer}), which send it and judge its answer
 * in one place: a 3xx, 4xx or 5xx is thrown as the exception the
 * {@link NetSuiteErrorDecoder} classifies from the {@link NetSuiteError} the error
 * interceptor read on the wire (the one parser of NetSuite's error bodies), and every
 * {@link NetSuiteException} that leaves an operation names the account and, for a
 * RESTlet, its script and deployment.
 * <p>
 * JSON goes two ways, both with the application's {@code JsonMapper}:
 * <ul>
 * <li>Request bodies are written by the {@link RestClient}'s message converters
 * ({@code .body(object)}): the signed clients are built from Boot's
 * {@code RestClient.Builder}, whose customizers give them Boot's converters over the
 * application's mapper, so a user's Jackson customizations apply to what is sent.</li>
 * <li>Answers are read by {@link Answers} with {@link #mapper()}, the same mapper, from
 * the body stream as it arrives, not by the converters: NetSuite's answers must be read
 * strictly and every way one can fail told apart
 * ({@link NetSuiteUnreadableAnswerException.Reason}: not JSON, not UTF-8, nested too deep,
 * cut short, too large, a second document after the first), which a converter's
 * {@code HttpMessageNotReadableException} does not do; and pages of a stream are read
 * item by item without holding the body twice.</li>
 * </ul>
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteExchange {

	private static final String IDEMPOTENCY_ERROR = "IDEMPOTENCY_ERROR";

	private final @Nullable AccountId account;

	private final RestClient rest;

	private final RestClient restlets;

	private final ObjectMapper mapper;

	private final NetSuiteErrorDecoder errors;

	private final SuiteQlPageListener pageListener;

	private final ReadAhead readAhead;

	private final Executor pageExecutor;

	private final ObservationRegistry observationRegistry;

	private final boolean exactlyOnceWrites;

	private final NetSuiteJob.AsyncPolling asyncPolling;

	private final RecordBatch.Settings batching;

	// The client's X-NetSuite-Property*Validation headers for record requests
	private final PropertyValidation.Pair propertyValidation;

	// The account's name in the configuration, for its exceptions' messages
	private final @Nullable String name;

	// Derived from the mapper on first use: most clients never map a row
	private volatile @Nullable Rows rows;

	NetSuiteExchange(@Nullable AccountId account, RestClient rest, RestClient restlets, ObjectMapper mapper,
			NetSuiteErrorDecoder errors, SuiteQlPageListener pageListener, ReadAhead readAhead,
			Executor pageExecutor, ObservationRegistry observationRegistry, boolean exactlyOnceWrites, NetSuiteJob.AsyncPolling asyncPolling) {
		this(null, account, rest, restlets, mapper, errors, pageListener, readAhead, pageExecutor,
				observationRegistry, exactlyOnceWrites, asyncPolling, RecordBatch.Settings.DEFAULTS,
				PropertyValidation.Pair.NONE);
	}

	private NetSuiteExchange(@Nullable String name, @Nullable AccountId account, RestClient rest, RestClient restlets,
			ObjectMapper mapper, NetSuiteErrorDecoder errors, SuiteQlPageListener pageListener,
			ReadAhead readAhead, Executor pageExecutor, ObservationRegistry observationRegistry,
			boolean exactlyOnceWrites, NetSuiteJob.AsyncPolling asyncPolling, RecordBatch.Settings batching,
			PropertyValidation.Pair propertyValidation) {
		this.name = name;
		this.account = account;
		this.rest = Objects.requireNonNull(rest, "rest");
		this.restlets = Objects.requireNonNull(restlets, "restlets");
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		this.errors = Objects.requireNonNull(errors, "errors");
		this.pageListener = Objects.requireNonNull(pageListener, "pageListener");
		this.readAhead = Objects.requireNonNull(readAhead, "readAhead");
		this.pageExecutor = Objects.requireNonNull(pageExecutor, "pageExecutor");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.exactlyOnceWrites = exactlyOnceWrites;
		this.asyncPolling = Objects.requireNonNull(asyncPolling, "asyncPolling");
		this.batching = Objects.requireNonNull(batching, "batching");
		this.propertyValidation = Objects.requireNonNull(propertyValidation, "propertyValidation");
	}

	NetSuiteExchange withExactlyOnceWrites(boolean exactlyOnceWrites) {
		return new NetSuiteExchange(this.name, this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.readAhead, this.pageExecutor, this.observationRegistry, exactlyOnceWrites, this.asyncPolling, this.batching, this.propertyValidation);
	}

	NetSuiteExchange withAsyncPolling(NetSuiteJob.AsyncPolling asyncPolling) {
		return new NetSuiteExchange(this.name, this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.readAhead, this.pageExecutor, this.observationRegistry, this.exactlyOnceWrites, asyncPolling, this.batching, this.propertyValidation);
	}

	NetSuiteExchange withBatching(RecordBatch.Settings batching) {
		return new NetSuiteExchange(this.name, this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.readAhead, this.pageExecutor, this.observationRegistry,
				this.exactlyOnceWrites, this.asyncPolling, batching, this.propertyValidation);
	}

	RestClient rest() {
		return this.rest;
	}

	RestClient restlets() {
		return this.restlets;
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	/**
	 * Return what maps the rows of SuiteQL queries and datasets, with a mapper derived once
	 * from {@link #mapper()} that matches columns to properties ignoring case.
	 * @return the row mapping
	 */
	Rows rows() {
		Rows rows = this.rows;
		if (rows == null) {
			// Two threads may both derive one; either serves
			rows = new Rows(this.mapper);
			this.rows = rows;
		}
		return rows;
	}

	NetSuiteErrorDecoder errors() {
		return this.errors;
	}

	// How many pages streams fetch ahead: the account's cap, and what its permits allow now.
	ReadAhead readAhead() {
		return this.readAhead;
	}

	Executor pageExecutor() {
		return this.pageExecutor;
	}

	ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	boolean exactlyOnceWrites() {
		return this.exactlyOnceWrites;
	}

	NetSuiteExchange withPropertyValidation(PropertyValidation.Pair propertyValidation) {
		return new NetSuiteExchange(this.name, this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.readAhead, this.pageExecutor, this.observationRegistry,
				this.exactlyOnceWrites, this.asyncPolling, this.batching, propertyValidation);
	}

	PropertyValidation.Pair propertyValidation() {
		return this.propertyValidation;
	}

	NetSuiteJob.AsyncPolling asyncPolling() {
		return this.asyncPolling;
	}

	RecordBatch.Settings batching() {
		return this.batching;
	}

	// The account's realm, for a batch's threads and log lines
	@Nullable String realm() {
		return (this.account != null) ? this.account.realm() : null;
	}

	void batchSubmitted(String type, int items) {
		if (this.account != null) {
			this.batching.listener().submitted(this.account, type, items);
		}
	}

	void batchFinished(String type, boolean accepted, int succeeded, int failed) {
		if (this.account != null) {
			this.batching.listener().finished(this.account, type, accepted, succeeded, failed);
		}
	}

	void pageRead(int rows) {
		if (this.account != null) {
			this.pageListener.pageRead(this.account, rows);
		}
	}

	/**
	 * Return this exchange naming the given account in its exceptions.
	 * @param name the account's name in the configuration
	 * @return the exchange
	 */
	NetSuiteExchange named(String name) {
		return new NetSuiteExchange(name, this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.readAhead, this.pageExecutor, this.observationRegistry,
				this.exactlyOnceWrites, this.asyncPolling, this.batching, this.propertyValidation);
	}

	/**
	 * Start a REST web services request to a URI template below the base URL.
	 * @param method the method
	 * @param uriTemplate the template
	 * @param uriVariables its variables
	 * @return the request, for {@link #read}, {@link #write} and the like
	 */
	RestClient.RequestBodySpec rest(HttpMethod method, String uriTemplate, @Nullable Object... uriVariables) {
		return mark(this.rest.method(method).uri(uriTemplate, uriVariables), NetSuiteRequests.REST);
	}

	/**
	 * Start a REST web services request to a URI built below the base URL.
	 * @param method the method
	 * @param uri the URI's builder
	 * @return the request
	 */
	RestClient.RequestBodySpec rest(HttpMethod method, Function<UriBuilder, URI> uri) {
		return mark(this.rest.method(method).uri(uri), NetSuiteRequests.REST);
	}

	/**
	 * Start a REST web services request to a URI NetSuite named (a job's).
	 * @param method the method
	 * @param uri the URI, on the account's host
	 * @return the request
	 */
	RestClient.RequestBodySpec rest(HttpMethod method, URI uri) {
		return mark(this.rest.method(method).uri(uri), NetSuiteRequests.REST);
	}

	/**
	 * Start a RESTlet request.
	 * @param method the method
	 * @param uriTemplate the template, whose variables the builder fills
	 * @param uri the URI's builder
	 * @return the request
	 */
	RestClient.RequestBodySpec restlet(HttpMethod method, String uriTemplate,
			Function<UriBuilder, URI> uri) {
		return mark(this.restlets.method(method).uri(uriTemplate, uri), NetSuiteRequests.RESTLET);
	}

	private static RestClient.RequestBodySpec mark(RestClient.RequestBodySpec request, String api) {
		return request.attribute(NetSuiteRequests.API_ATTRIBUTE, api);
	}

	/**
	 * Give a request a JSON body, written by the client's message converters with the
	 * application's mapper.
	 * @param request the request
	 * @param body a map, an object Jackson can write, or JSON text
	 * @return the request
	 */
	static RestClient.RequestBodySpec jsonBody(RestClient.RequestBodySpec request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * Send a request that reads, and read its JSON answer as a type.
	 * @param <T> the type
	 * @param request the request
	 * @param type the type
	 * @return the value, never {@code null}: an empty answer or JSON's {@code null} is not
	 * one NetSuite gives, and is refused as {@link Reason#UNEXPECTED}
	 */
	<T> T value(RestClient.RequestHeadersSpec<?> request, JavaType type) {
		return read(request, Call.READ, (sent, response, answer) -> {
			T value = Answers.value(this.mapper, type, answer, response.getBody());
			if (value == null) {
				throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
			}
			return value;
		});
	}

	/**
	 * Send a request and read its answer, a JSON object.
	 * @param request the request
	 * @param call how its answer is judged
	 * @return the object
	 * @throws NetSuiteUnreadableAnswerException as {@link Reason#UNEXPECTED} when the
	 * answer is empty or JSON but no object
	 */
	JsonNode object(RestClient.RequestHeadersSpec<?> request, Call call) {
		return read(request, call, (sent, response, answer) -> {
			JsonNode json = Answers.tree(this.mapper, answer, response.getBody());
			if (json == null || !json.isObject()) {
				throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
			}
			return json;
		});
	}

	/**
	 * Send a request that asks for JSON ({@code Accept: application/json}), require a
	 * success, and read its answer.
	 * @param <T> what is read
	 * @param request the request
	 * @param call how its answer is judged
	 * @param reader reads the answer
	 * @return what the reader read
	 */
	<T> T read(RestClient.RequestHeadersSpec<?> request, Call call, AnswerReader<T> reader) {
		request.accept(MediaType.APPLICATION_JSON);
		return answer(request, call, reader, true);
	}

	/**
	 * Send a record write, which NetSuite answers {@code 204} without a body: an error or
	 * redirect is thrown as such, and a body is refused with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()}, its reason saying what
	 * it was (an HTML page, JSON, …).
	 * @param request the request
	 * @param hint what to do about a write whose outcome is unknown
	 * @return the answer's headers
	 */
	HttpHeaders write(RestClient.RequestHeadersSpec<?> request, String hint) {
		return answer(request, Call.write(hint), (sent, response, answer) -> {
			requireNoBody(response, answer);
			return HttpHeaders.copyOf(response.getHeaders());
		}, true);
	}

	/**
	 * Send a record create and read the new record's internal ID from its
	 * {@code Location}: only a location on the host the request went to whose path is
	 * {@code …/record/v1/<type>/<id>}.
	 * @param request the request
	 * @param type the record type created
	 * @param hint what to do about a create whose outcome is unknown
	 * @return the ID
	 * @throws NetSuiteUnreadableAnswerException with
	 * {@link NetSuiteUnreadableAnswerException#mayHaveExecuted()} when the answer names no
	 * such record
	 */
	String create(RestClient.RequestHeadersSpec<?> request, String type, String hint) {
		return answer(request, Call.write(hint), (sent, response, answer) -> {
			requireNoBody(response, answer);
			String id = Answers.createdId(response.getHeaders().getFirst(HttpHeaders.LOCATION), sent.getURI(), type);
			if (id == null) {
				// Not NetSuite's answer to a create: nothing says whether, or which, record exists.
				throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
			}
			return id;
		}, true);
	}

	// A write's answer has no body: one that has is refused, its reason saying what it was.
	void requireNoBody(ClientHttpResponse response, Answers.Answer answer) throws IOException {
		InputStream body = Answers.nonEmpty(answer, response.getBody());
		if (body != null) {
			// Read, so that the reason says what it was; JSON or not, it is no answer to a write.
			Answers.tree(this.mapper, answer, body);
			throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
		}
	}

	/**
	 * Submit a request asynchronously ({@code Prefer: respond-async} already set): a
	 * {@code 202} is the job to follow, {@code IDEMPOTENCY_ERROR} with a location the
	 * original job of a repeat whose first answer was lost, and a {@code 2xx} from a
	 * server that ignored the preference the answer itself.
	 * @param request the request
	 * @param idempotencyKey its idempotency key, or {@code null}
	 * @return the job
	 */
	NetSuiteJob submit(RestClient.RequestHeadersSpec<?> request, @Nullable String idempotencyKey) {
		Call call = Call.write(NetSuiteJob.unknownOutcomeHint(idempotencyKey));
		return exchange(request, call, (sent, response, answer) -> {
			int status = answer.status();
			HttpHeaders headers = response.getHeaders();
			String method = sent.getMethod().name();
			String path = sent.getURI().getRawPath();
			if (status == 202) {
				URI location = location(headers);
				if (location == null) {
					// Accepted, but no job to follow: its outcome cannot be learnt.
					throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
				}
				return new NetSuiteJob(this, sent.getURI(), location, method, path, idempotencyKey);
			}
			if (status >= 400) {
				NetSuiteError error = Answers.error(sent, response);
				String code = error.errorCode();
				URI location = location(headers);
				if (location != null && code != null && IDEMPOTENCY_ERROR.equals(code.toUpperCase(Locale.ROOT))) {
					// Submitted before, by a repeat whose first answer was lost: the original job.
					return new NetSuiteJob(this, sent.getURI(), location, method, path, idempotencyKey);
				}
			}
			Answers.requireSuccess(sent, response, this.errors, answer);
			// A server that ignored the preference: its answer is the result, if it is one.
			NetSuiteJob.Result result = NetSuiteJob.Result.read(answer, headers,
					Answers.bytes(answer, response.getBody()), sent.getURI(), this.mapper);
			return new NetSuiteJob(this, method, path, idempotencyKey, result);
		}, true, false);
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

	/**
	 * Send a request, require a success, and read its answer.
	 * @param <T> what is read
	 * @param request the request
	 * @param call how its answer is judged
	 * @param reader reads the answer
	 * @param close whether to close the response once read ({@code false} when the
	 * reader hands its body on as a stream)
	 * @return what the reader read
	 */
	<T> T answer(RestClient.RequestHeadersSpec<?> request, Call call, AnswerReader<T> reader, boolean close) {
		return exchange(request, call, reader, close, true);
	}

	private <T> T exchange(RestClient.RequestHeadersSpec<?> request, Call call, AnswerReader<T> reader,
			boolean close, boolean requireSuccess) {
		try {
			return request.exchangeForRequiredValue((sent, response) -> {
				Answers.Answer answer = call.answer(sent, response);
				RecordWarnings.report(sent, response, this.name, this.account, this.observationRegistry);
				if (requireSuccess) {
					Answers.requireSuccess(sent, response, this.errors, answer);
				}
				return reader.read(sent, response, answer);
			}, close);
		}
		catch (NetSuiteException ex) {
			throw named(ex, call.subject());
		}
	}

	/**
	 * Return the exception for an error NetSuite answered, classified by the account's
	 * decoder, naming the account.
	 * @param error the error
	 * @param method the method of the request the error answered
	 * @param path the path of that request
	 * @return the exception
	 */
	NetSuiteException error(NetSuiteError error, String method, @Nullable String path) {
		return named(this.errors.exception(error, method, path), null);
	}

	/**
	 * Name the account, and what was called, in an exception that leaves the exchange.
	 * @param exception the exception
	 * @param subject what was called when its path does not say (a RESTlet's script and
	 * deployment), or {@code null}
	 * @return the exception
	 */
	NetSuiteException named(NetSuiteException exception, @Nullable String subject) {
		return exception.named(this.name, (this.account != null) ? this.account.realm() : null, subject);
	}

	/**
	 * How an answer is judged: whether NetSuite may have executed the request when its
	 * answer cannot be read, what to do then, what the call addressed when its path does
	 * not say it, and, for a job's task, the method and path of the request submitted.
	 *
	 * @param write whether NetSuite may have executed the request
	 * @param hint what to do when a write's outcome is unknown, or {@code null}
	 * @param subject what was called (a RESTlet's script and deployment), or {@code null}
	 * @param method the method errors name instead of the request's, or {@code null}
	 * @param path the path errors name instead of the request's, or {@code null}
	 */
	record Call(boolean write, @Nullable String hint, @Nullable String subject, @Nullable String method,
			@Nullable String path) {

		/**
		 * A read: an unreadable answer changed nothing.
		 */
		static final Call READ = new Call(false, null, null, null, null);

		static Call write(String hint) {
			return new Call(true, hint, null, null, null);
		}

		/**
		 * Return this call naming what was called in its errors.
		 */
		Call about(String subject) {
			return new Call(this.write, this.hint, subject, this.method, this.path);
		}

		/**
		 * Return this call naming another request in its errors: the one a job's task ran.
		 */
		Call as(String method, String path) {
			return new Call(this.write, this.hint, this.subject, method, path);
		}

		Answers.Answer answer(HttpRequest request, ClientHttpResponse response) throws IOException {
			Answers.Answer answer = Answers.answer(request, response, this.write, this.hint);
			return (this.method != null) ? new Answers.Answer(answer.status(), answer.contentType(), this.method,
					this.path, this.write, this.hint) : answer;
		}

	}

	/**
	 * Reads an answer that the exchange has judged.
	 *
	 * @param <T> what it reads
	 */
	@FunctionalInterface
	interface AnswerReader<T> {

		/**
		 * Read the answer.
		 * @param request the request sent
		 * @param response the answer, its status already judged
		 * @param answer what is known of the answer, for exceptions
		 * @return what was read, never {@code null}
		 * @throws IOException when the body cannot be read
		 */
		T read(HttpRequest request, ClientHttpResponse response, Answers.Answer answer) throws IOException;

	}

}
