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
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.channels.Channels;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriUtils;

/**
 * The one place that reads NetSuite's answers: JSON from the body stream as it arrives
 * (so that the byte limit and deadlines on the stream apply while reading, and a body is
 * never held twice), strictly as UTF-8, and every way it can fail turned into a
 * {@link NetSuiteUnreadableAnswerException} with its reason, logged once at WARN without
 * a stack trace. A {@link NetSuiteException} the body stream itself throws (an answer
 * larger than {@code netsuite.max-answer-size}, a deadline) passes unchanged.
 *
 * @author NetSuite Spring Boot team
 */
final class Answers {

	// Bytes decoded at a time: NetSuite's answers are read as they arrive, not all at once.
	private static final int READ_BUFFER = 1024;

	private static final Log logger = LogFactory.getLog(Answers.class);

	private static final int MAX_CONTENT_TYPE = 100;

	private static final int MAX_CAUSES = 20;

	// Error bodies with duplicate keys are refused rather than decided by last-wins.
	private static final JsonMapper ERROR_MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	static final String WRITE_HINT = "Check whether the write happened before repeating it; "
			+ "netsuite.records.exactly-once-writes=true makes record writes exactly-once, "
			+ "so that a write whose answer is lost can be repeated safely";

	static final String DELETE_HINT = "Check whether the record still exists; deleting it again is harmless";

	static final String RESTLET_HINT = "Check whether the RESTlet's work happened before repeating the call; "
			+ "netsuite.records.exactly-once-writes makes only record writes exactly-once, "
			+ "a RESTlet must make a repeat harmless itself";

	private Answers() {
	}

	/**
	 * Return what the client knows of an answer, for its exceptions.
	 * @param request the request
	 * @param response the answer
	 * @param mayHaveExecuted whether NetSuite may have executed the request if the answer
	 * is unreadable (a write)
	 * @param hint what to do if it is, or {@code null}
	 * @return the answer's description
	 */
	static Answer answer(HttpRequest request, ClientHttpResponse response, boolean mayHaveExecuted,
			@Nullable String hint) throws IOException {
		return new Answer(response.getStatusCode().value(), contentType(response.getHeaders()),
				request.getMethod().name(), request.getURI().getRawPath(), mayHaveExecuted, hint);
	}

	private static @Nullable String contentType(HttpHeaders headers) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType == null || contentType.length() <= MAX_CONTENT_TYPE) {
			return contentType;
		}
		return contentType.substring(0, MAX_CONTENT_TYPE) + "…";
	}

	/**
	 * Throw the error an answer that is not a success stands for: NetSuite's error for a
	 * 4xx or 5xx, a {@link NetSuiteRedirectException} for a 3xx (never followed), an
	 * unexpected answer for anything else that is not 2xx.
	 * @param request the request
	 * @param response the answer
	 * @param errors the account's error decoder
	 * @param mayHaveExecuted whether the request is a write
	 * @param hint what to do about a write whose outcome is unknown
	 */
	static void requireSuccess(HttpRequest request, ClientHttpResponse response, NetSuiteErrorDecoder errors,
			boolean mayHaveExecuted, @Nullable String hint) throws IOException {
		requireSuccess(request, response, errors, answer(request, response, mayHaveExecuted, hint));
	}

	/**
	 * Throw the error an answer that is not a success stands for, as
	 * {@link #requireSuccess(HttpRequest, ClientHttpResponse, NetSuiteErrorDecoder, boolean, String)}
	 * does, NetSuite's error naming the method and path the answer's description names
	 * (for a job's task: the request submitted, not the task's result).
	 * @param request the request
	 * @param response the answer
	 * @param errors the account's error decoder
	 * @param answer what is known of the answer
	 */
	static void requireSuccess(HttpRequest request, ClientHttpResponse response, NetSuiteErrorDecoder errors,
			Answer answer) throws IOException {
		int status = response.getStatusCode().value();
		if (status >= 200 && status < 300) {
			return;
		}
		if (status >= 400) {
			throw errors.exception(error(request, response), answer.method(), answer.path());
		}
		if (status >= 300) {
			throw new NetSuiteRedirectException(status, request.getURI(), response.getHeaders().getFirst(HttpHeaders.LOCATION),
					request.getMethod().name(),
					request.getURI().getRawPath(),
					"NetSuite's API hosts answer calls directly: check netsuite.rest-url, netsuite.restlet-url "
							+ "and any proxy on the way");
		}
		throw unreadable(Reason.UNEXPECTED, answer, null);
	}

	/**
	 * Return NetSuite's error answer to a request: as read on the wire by the account's
	 * error interceptor, or read here for a client built without it.
	 * @param request the request
	 * @param response the error answer
	 * @return the error
	 */
	static NetSuiteError error(HttpRequest request, ClientHttpResponse response) throws IOException {
		NetSuiteError error = NetSuiteRequests.error(request);
		if (error != null) {
			return error;
		}
		byte[] body;
		try {
			body = response.getBody().readAllBytes();
		}
		catch (IOException ex) {
			rethrowNetSuiteCause(ex);
			// The status says what went wrong; a lost error text is no reason to hide it.
			body = new byte[0];
		}
		return NetSuiteError.of(response.getStatusCode().value(), response.getHeaders(), body);
	}

	/**
	 * Read an error body as JSON, strictly: UTF-8, no duplicate keys (a code decided by
	 * last-wins could be anything), within Jackson's default limits.
	 * @param body the body
	 * @return the JSON, or {@code null} when the body is not such JSON
	 */
	static @Nullable JsonNode errorJson(byte[] body) {
		try (JsonParser parser = ERROR_MAPPER.createParser(reader(new ByteArrayInputStream(body)))) {
			if (parser.nextToken() == null) {
				return null;
			}
			JsonNode json = ERROR_MAPPER.readTree(parser);
			return (parser.nextToken() == null) ? json : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Return a body stream that has at least one byte, or {@code null} for an empty body.
	 * @param answer the answer the body belongs to
	 * @param body the body stream
	 * @return the whole body, or {@code null}
	 */
	static @Nullable InputStream nonEmpty(Answer answer, InputStream body) {
		PushbackInputStream stream = new PushbackInputStream(body, 1);
		try {
			int first = stream.read();
			if (first == -1) {
				return null;
			}
			stream.unread(first);
			return stream;
		}
		catch (IOException ex) {
			rethrowNetSuiteCause(ex);
			throw unreadable(Reason.CUT_SHORT, answer, ex);
		}
	}

	/**
	 * Refuse an answer whose {@code Content-Type} says it is an HTML page, which NetSuite's
	 * REST web services and RESTlets never answer with: a proxy's, a captive portal's or a
	 * login page. (XML is left to the parser: a RESTlet may answer XML as text.)
	 * @param answer the answer
	 */
	static void refusePage(Answer answer) {
		if (answer.contentType() == null) {
			return;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(answer.contentType());
		}
		catch (IllegalArgumentException ex) {
			throw unreadable(Reason.UNEXPECTED, answer, null);
		}
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		if (subtype.equals("html") || subtype.equals("xhtml+xml")) {
			throw unreadable(Reason.NOT_JSON, answer, null);
		}
	}

	/**
	 * Read a JSON document from a body stream as a tree.
	 * @param mapper the mapper
	 * @param answer the answer the body belongs to
	 * @param body the body stream
	 * @return the document, or {@code null} when the body is empty
	 */
	static @Nullable JsonNode tree(ObjectMapper mapper, Answer answer, InputStream body) {
		InputStream stream = nonEmpty(answer, body);
		if (stream == null) {
			return null;
		}
		refusePage(answer);
		try (JsonParser parser = mapper.createParser(reader(stream))) {
			if (parser.nextToken() == null) {
				return null;
			}
			JsonNode tree = mapper.readTree(parser);
			requireEnd(parser, answer);
			return tree;
		}
		catch (JacksonException ex) {
			throw unreadable(ex, answer);
		}
	}

	/**
	 * Read a JSON document from a body stream straight into a type.
	 * @param <T> the type
	 * @param mapper the mapper
	 * @param type the type
	 * @param answer the answer the body belongs to
	 * @param body the body stream
	 * @return the value, or {@code null} when the body is empty or JSON's {@code null}
	 */
	static <T> @Nullable T value(ObjectMapper mapper, JavaType type, Answer answer, InputStream body) {
		InputStream stream = nonEmpty(answer, body);
		if (stream == null) {
			return null;
		}
		refusePage(answer);
		try (JsonParser parser = mapper.createParser(reader(stream))) {
			if (parser.nextToken() == null) {
				return null;
			}
			T value = mapper.readValue(parser, type);
			requireEnd(parser, answer);
			return value;
		}
		catch (JacksonException ex) {
			throw unreadable(ex, answer);
		}
	}

	private static void requireEnd(JsonParser parser, Answer answer) {
		if (parser.nextToken() != null) {
			// A second document after the first: not one answer of NetSuite's.
			throw unreadable(Reason.UNEXPECTED, answer, null);
		}
	}

	/**
	 * Read a whole body into memory, as far as the stream's byte limit allows.
	 * @param answer the answer the body belongs to
	 * @param body the body stream
	 * @return the bytes
	 */
	static byte[] bytes(Answer answer, InputStream body) {
		try {
			return body.readAllBytes();
		}
		catch (IOException ex) {
			rethrowNetSuiteCause(ex);
			throw unreadable(Reason.CUT_SHORT, answer, ex);
		}
	}

	/**
	 * Decode a body strictly: malformed bytes are refused, not replaced.
	 * @param answer the answer the body belongs to
	 * @param body the body
	 * @param charset the charset
	 * @return the text
	 */
	static String text(Answer answer, byte[] body, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw unreadable(StandardCharsets.UTF_8.equals(charset) ? Reason.NOT_UTF8 : Reason.UNEXPECTED, answer,
					null);
		}
	}

	/**
	 * Read the internal ID of a record NetSuite created from the {@code Location} it
	 * answered with: only a location on the host the request went to, whose path ends in
	 * {@code /record/v1/<the request's type>/<id>}.
	 * @param location the location, or {@code null}
	 * @param requested the request's URI
	 * @param type the record type created
	 * @return the ID, or {@code null} when the location is not such a one
	 */
	static @Nullable String createdId(@Nullable String location, URI requested, String type) {
		if (location == null) {
			return null;
		}
		URI resolved;
		try {
			resolved = requested.resolve(new URI(location));
		}
		catch (URISyntaxException ex) {
			return null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!sameOrigin(resolved, requested) || resolved.getRawPath() == null) {
			return null;
		}
		String[] segments = resolved.getRawPath().split("/", -1);
		int n = segments.length;
		if (n < 4 || !segments[n - 4].equals("record") || !segments[n - 3].equals("v1")) {
			return null;
		}
		String locatedType = UriUtils.decode(segments[n - 2], StandardCharsets.UTF_8);
		String id = UriUtils.decode(segments[n - 1], StandardCharsets.UTF_8);
		return (locatedType.equalsIgnoreCase(type) && !id.isEmpty()) ? id : null;
	}

	private static boolean sameOrigin(URI one, URI other) {
		return one.getScheme() != null && one.getScheme().equalsIgnoreCase(other.getScheme())
				&& one.getHost() != null && one.getHost().equalsIgnoreCase(other.getHost())
				&& port(one) == port(other);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
	}

	/**
	 * Create, and log once, the exception for an unreadable answer.
	 * @param reason what was wrong
	 * @param answer the answer
	 * @param cause the I/O failure behind it, if any (never a parser's exception, whose
	 * message may quote the body)
	 * @return the exception
	 */
	static NetSuiteUnreadableAnswerException unreadable(Reason reason, Answer answer, @Nullable IOException cause) {
		NetSuiteUnreadableAnswerException exception = new NetSuiteUnreadableAnswerException(reason, answer.status(),
				answer.contentType(), answer.mayHaveExecuted(), answer.method(), answer.path(),
				answer.mayHaveExecuted() ? answer.hint() : null);
		if (cause != null) {
			exception.initCause(cause);
		}
		logger.warn(exception.getMessage());
		return exception;
	}

	private static RuntimeException unreadable(JacksonException ex, Answer answer) {
		Throwable cause = ex;
		for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
			if (cause instanceof NetSuiteException netSuite) {
				// Thrown by the body stream itself (too large, a deadline): as it is.
				return netSuite;
			}
			if (cause instanceof CharacterCodingException) {
				return unreadable(Reason.NOT_UTF8, answer, null);
			}
			if (cause instanceof StreamConstraintsException constraints) {
				String message = String.valueOf(constraints.getOriginalMessage()).toLowerCase(Locale.ROOT);
				return unreadable(message.contains("depth") ? Reason.TOO_DEEP : Reason.UNEXPECTED, answer, null);
			}
			if (cause instanceof IOException io) {
				return unreadable(Reason.CUT_SHORT, answer, io);
			}
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return unreadable(Reason.CUT_SHORT, answer, null);
		}
		if (ex instanceof StreamReadException) {
			return unreadable(Reason.NOT_JSON, answer, null);
		}
		// JSON, but not of the type asked for.
		return unreadable(Reason.UNEXPECTED, answer, null);
	}

	private static void rethrowNetSuiteCause(IOException ex) {
		Throwable cause = ex.getCause();
		for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
			if (cause instanceof NetSuiteException netSuite) {
				throw netSuite;
			}
		}
	}

	// Strict UTF-8, so that malformed bytes are refused wherever they are, and never closes
	// the body stream: the response does, and knows whether the connection can be reused.
	// Through a channel with a small buffer: InputStreamReader's 8 KB one, allocated for
	// every answer, was most of what a call allocates.
	private static Reader reader(InputStream body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		return new FilterReader(Channels.newReader(Channels.newChannel(body), decoder, READ_BUFFER)) {

			@Override
			public void close() {
			}

		};
	}

	/**
	 * What the client knows of an answer, for its exceptions: never its body.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}, if any
	 * @param method the request's method
	 * @param path the request's path, without the query
	 * @param mayHaveExecuted whether NetSuite may have executed the request
	 * @param hint what to do when it may have
	 */
	record Answer(int status, @Nullable String contentType, String method, @Nullable String path,
			boolean mayHaveExecuted, @Nullable String hint) {

	}

}
