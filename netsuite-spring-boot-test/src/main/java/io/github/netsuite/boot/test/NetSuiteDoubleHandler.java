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
package io.github.netsuite.boot.test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers every request the double's WireMock server receives: admission against the
 * concurrency limit, added latency, injected failures, the login check, then the NetSuite
 * endpoint. Runs on the Jetty thread that serves the request.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteDoubleHandler implements ResponseDefinitionTransformerV2 {

	private static final String RESTLET_PATH = "/app/site/hosting/restlet.nl";

	private static final String REST_PREFIX = "/services/rest/";

	private static final String RECORD_PREFIX = "/services/rest/record/v1/";

	private static final String ERROR_JSON = "application/vnd.oracle.resource+json; type=error; charset=UTF-8";

	private static final String COLLECTION_JSON = "application/vnd.oracle.resource+json; type=collection; charset=UTF-8";

	private static final String SINGULAR_JSON = "application/vnd.oracle.resource+json; type=singular; charset=UTF-8";

	private static final String JSON = "application/json; charset=UTF-8";

	static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in"
			+ " the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

	static final String ROLE_DISABLED_DETAIL = "Login access has been disabled for this role.";

	static final String MALFORMED_SYNTAX = "The request could not be understood by the server due to malformed syntax.";

	static final String RESTLET_INVALID_LOGIN = "{\"error\" : {\"code\" : \"INVALID_LOGIN_ATTEMPT\",\"message\" : \"Invalid login attempt.\"}}";

	private static final int MAX_LIMIT = 1000;

	private static final int MAX_OFFSET = 100_000;

	private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final NetSuiteDouble netSuite;

	NetSuiteDoubleHandler(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	@Override
	public String getName() {
		return "netsuite-double";
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		// Every answer tells the double's clock, as NetSuite's do: clients measure skew with it.
		return handle(new Call(serveEvent.getRequest()))
			.header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(this.netSuite.now().atZone(ZoneOffset.UTC)))
			.toResponseDefinition();
	}

	private Reply handle(Call call) {
		this.netSuite.countRequest();
		if (!this.netSuite.tryEnter()) {
			return throttled(call);
		}
		try {
			sleep(this.netSuite.latency());
			int failure = this.netSuite.takeFailure();
			if (failure != 0) {
				return call.restlet ? restletError(failure, "UNEXPECTED_ERROR", "The NetSuite double was told to fail this request.")
						: restError(failure, "UNEXPECTED_ERROR", "The NetSuite double was told to fail this request.", Map.of());
			}
			String reason = login(call);
			this.netSuite.audit(new LoginAttempt(this.netSuite.now(), call.method, call.path, reason));
			if (!reason.equals(TbaVerifier.SUCCESS)) {
				return loginFailure(call, reason);
			}
			return call.restlet ? restlet(call) : rest(call);
		}
		finally {
			// Released before WireMock writes the response: a client that has its answer
			// must never find its slot still taken
			this.netSuite.exit();
		}
	}

	// Login

	private String login(Call call) {
		if (this.netSuite.isInvalidLogin()) {
			return "InvalidLogin";
		}
		if (this.netSuite.isTbaFeatureDisabled()) {
			return "FeatureDisabled";
		}
		String reason = this.netSuite.verifier.verify(call.method, call.baseUri, call.rawQuery, call.formBody(),
				call.request.getHeader("Authorization"), this.netSuite.now());
		if (reason.equals(TbaVerifier.SUCCESS) && this.netSuite.isRoleDisabled()) {
			return "RoleDisabled";
		}
		return reason;
	}

	private Reply loginFailure(Call call, String reason) {
		if (reason.equals("UnsupportedSignatureMethod")) {
			return call.restlet ? restletError(400, "USER_ERROR", MALFORMED_SYNTAX)
					: restError(400, "USER_ERROR", MALFORMED_SYNTAX, Map.of());
		}
		if (call.restlet) {
			return new Reply(401, JSON, RESTLET_INVALID_LOGIN);
		}
		String detail = reason.equals("RoleDisabled") ? ROLE_DISABLED_DETAIL : INVALID_LOGIN_DETAIL;
		return restError(401, "INVALID_LOGIN", detail, Map.of()).header("WWW-Authenticate", "OAuth realm=\""
				+ this.netSuite.account() + "\", error=\"token_rejected\", error_description=\"Invalid login attempt.\"");
	}

	private Reply throttled(Call call) {
		String message = "Concurrent request limit exceeded. Request blocked: the account's concurrency limit of "
				+ this.netSuite.concurrencyLimit() + " requests is in use.";
		return call.restlet ? restletError(400, "SSS_REQUEST_LIMIT_EXCEEDED", message)
				: restError(429, "CONCURRENCY_LIMIT_EXCEEDED", message, Map.of());
	}

	// REST web services

	private Reply rest(Call call) {
		if (!call.path.startsWith(REST_PREFIX)) {
			return notFound(call);
		}
		if (call.method.equals("OPTIONS")) {
			return new Reply(204, null, null);
		}
		if (call.path.equals("/services/rest/query/v1/suiteql")) {
			return call.method.equals("POST") ? suiteQl(call) : methodNotAllowed(call);
		}
		if (call.path.equals("/services/rest/system/v1/serverTime")) {
			return call.method.equals("GET")
					? new Reply(200, JSON, Json.write(Map.of("serverTime", SERVER_TIME.format(this.netSuite.now()))))
					: methodNotAllowed(call);
		}
		if (call.path.equals("/services/rest/system/v1/governanceLimits")) {
			return call.method.equals("GET") ? governanceLimits() : methodNotAllowed(call);
		}
		if (call.path.startsWith(RECORD_PREFIX)) {
			return record(call);
		}
		return notFound(call);
	}

	private Reply governanceLimits() {
		int configured = this.netSuite.concurrencyLimit();
		int limit = (configured > 0) ? configured : NetSuiteDouble.DEFAULT_REPORTED_CONCURRENCY_LIMIT;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountConcurrencyLimit", limit);
		// The whole limit is reserved for this integration: nothing is left unallocated
		body.put("accountUnallocatedConcurrencyLimit", 0);
		body.put("integrationConcurrencyLimit", limit);
		body.put("integrationLimitType", "integrationSpecific");
		return new Reply(200, JSON, Json.write(body));
	}

	private Reply suiteQl(Call call) {
		String prefer = call.request.getHeader("Prefer");
		if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
			return restError(400, "USER_ERROR", "SuiteQL queries need the header 'Prefer: transient'.",
					Map.of("o:errorHeader", "Prefer"));
		}
		Map<String, String> parameters = call.firstParameters();
		Integer limit = intParameter(parameters, "limit", MAX_LIMIT);
		if (limit == null || limit < 1 || limit > MAX_LIMIT) {
			return invalidParameter("limit", "The 'limit' query parameter must be an integer from 1 to 1000.");
		}
		Integer offset = intParameter(parameters, "offset", 0);
		if (offset == null || offset < 0 || offset % limit != 0) {
			return invalidParameter("offset",
					"The 'offset' query parameter must be a non-negative multiple of the 'limit' query parameter.");
		}
		if (offset >= MAX_OFFSET) {
			return invalidParameter("offset", "The 'offset' query parameter must be less than 100000: a query can page"
					+ " through at most 100,000 rows; page further with WHERE id > :last ORDER BY id.");
		}
		Object body;
		try {
			body = Json.read(call.body());
		}
		catch (IllegalArgumentException ex) {
			return restError(400, "INVALID_CONTENT", "Invalid content in the request body: it is not valid JSON.",
					Map.of());
		}
		if (!(body instanceof Map<?, ?> object) || !(object.get("q") instanceof String q)) {
			return restError(400, "INVALID_CONTENT", "The request body must be a JSON object with a string 'q'.",
					Map.of());
		}
		SuiteQl.Query query;
		try {
			query = SuiteQl.parse(q);
		}
		catch (IllegalArgumentException ex) {
			return invalidQuery(ex.getMessage());
		}
		RecordStore store = this.netSuite.existingRecords(query.table());
		if (store == null) {
			return invalidQuery("Record '" + query.table() + "' was not found.");
		}
		SuiteQl.Page page = SuiteQl.execute(query, store, offset, limit);
		int count = page.items().size();
		int total = page.totalResults();
		boolean hasMore = offset + count < total;
		String self = this.netSuite.restUrl() + call.path;
		List<Map<String, Object>> links = new ArrayList<>();
		links.add(link("previous", self, limit, offset - limit, offset > 0));
		links.add(link("first", self, limit, 0, true));
		links.add(link("next", self, limit, offset + limit, hasMore));
		int lastOffset = Math.max(0, (total - 1) / limit * limit);
		links.add(link("last", self, limit, lastOffset, true));
		links.add(link("self", self, limit, offset, true));
		links.removeIf((link) -> link == null);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("links", links);
		response.put("count", count);
		response.put("hasMore", hasMore);
		response.put("items", page.items());
		response.put("offset", offset);
		response.put("totalResults", total);
		return new Reply(200, COLLECTION_JSON, Json.write(response));
	}

	private Reply invalidQuery(String reason) {
		return restError(400, "INVALID_PARAMETER",
				"Invalid search query. Detailed unprocessed description follows. " + reason,
				Map.of("o:errorQueryParam", "q"));
	}

	private Reply invalidParameter(String name, String detail) {
		return restError(400, "INVALID_PARAMETER", detail, Map.of("o:errorQueryParam", name));
	}

	private static Map<String, Object> link(String rel, String base, int limit, int offset, boolean present) {
		if (!present) {
			return null;
		}
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("rel", rel);
		link.put("href", base + "?limit=" + limit + "&offset=" + offset);
		return link;
	}

	private static Integer intParameter(Map<String, String> parameters, String name, int fallback) {
		String value = parameters.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// Records

	private Reply record(Call call) {
		String[] segments = call.path.substring(RECORD_PREFIX.length()).split("/", -1);
		if (segments.length > 2 || segments[0].isEmpty()) {
			return notFound(call);
		}
		String type = segments[0];
		if (segments.length == 1) {
			return switch (call.method) {
				case "GET" -> recordCollection(call, type);
				case "POST" -> createRecord(call, type);
				default -> methodNotAllowed(call);
			};
		}
		String id = TbaVerifier.percentDecode(segments[1], false);
		RecordStore store = this.netSuite.records(type);
		if (call.method.equals("PUT")) {
			return upsertRecord(call, store, id);
		}
		Long key = findId(store, id);
		if (key == null) {
			return nonexistent(call);
		}
		switch (call.method) {
			case "GET": {
				Map<String, Object> row = store.get(key);
				if (row == null) {
					return nonexistent(call);
				}
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("links", List.of(Map.of("rel", "self", "href", recordUrl(type, key))));
				body.putAll(row);
				return new Reply(200, SINGULAR_JSON, Json.write(body));
			}
			case "PATCH": {
				Map<String, Object> fields = jsonObject(call);
				if (fields == null) {
					return invalidContent(call);
				}
				Map<String, Object> row = store.get(key);
				if (row == null) {
					return nonexistent(call);
				}
				Map<String, Object> updated = new LinkedHashMap<>(row);
				updated.putAll(fields);
				updated.put("id", row.get("id"));
				return store.replace(key, updated) ? new Reply(204, null, null) : nonexistent(call);
			}
			case "DELETE":
				return store.remove(key) ? new Reply(204, null, null) : nonexistent(call);
			default:
				return methodNotAllowed(call);
		}
	}

	private Reply recordCollection(Call call, String type) {
		Map<String, String> parameters = call.firstParameters();
		if (parameters.containsKey("q")) {
			return invalidParameter("q", "The NetSuite double does not filter record collections with 'q';"
					+ " use SuiteQL instead.");
		}
		Integer limit = intParameter(parameters, "limit", MAX_LIMIT);
		if (limit == null || limit < 1 || limit > MAX_LIMIT) {
			return invalidParameter("limit", "The 'limit' query parameter must be an integer from 1 to 1000.");
		}
		Integer offset = intParameter(parameters, "offset", 0);
		if (offset == null || offset < 0 || offset % limit != 0) {
			return invalidParameter("offset",
					"The 'offset' query parameter must be a non-negative multiple of the 'limit' query parameter.");
		}
		RecordStore store = this.netSuite.records(type);
		SuiteQl.Page page = SuiteQl.execute(SuiteQl.parse("SELECT id FROM " + store.type()), store, offset, limit);
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> row : page.items()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("links", List.of(Map.of("rel", "self", "href", recordUrl(type, row.get("id")))));
			item.put("id", row.get("id"));
			items.add(item);
		}
		boolean hasMore = offset + items.size() < page.totalResults();
		String self = this.netSuite.restUrl() + call.path;
		List<Map<String, Object>> links = new ArrayList<>();
		links.add(link("next", self, limit, offset + limit, hasMore));
		links.add(link("self", self, limit, offset, true));
		links.removeIf((link) -> link == null);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("links", links);
		response.put("count", items.size());
		response.put("hasMore", hasMore);
		response.put("items", items);
		response.put("offset", offset);
		response.put("totalResults", page.totalResults());
		return new Reply(200, COLLECTION_JSON, Json.write(response));
	}

	private Reply createRecord(Call call, String type) {
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		long id = this.netSuite.records(type).add(fields);
		return new Reply(204, null, null).header("Location", recordUrl(type, id));
	}

	private Reply upsertRecord(Call call, RecordStore store, String id) {
		if (!id.startsWith("eid:")) {
			return restError(400, "USER_ERROR", "PUT is supported only with an external ID: .../" + store.type()
					+ "/eid:<externalId>.", Map.of("o:urlPath", call.path));
		}
		String externalId = id.substring(4);
		Map<String, Object> fields = jsonObject(call);
		if (fields == null) {
			return invalidContent(call);
		}
		String type = call.path.substring(RECORD_PREFIX.length()).split("/")[0];
		// One upsert at a time per store, so that two racing PUTs cannot both create
		synchronized (store) {
			Map<String, Object> existing = store.findByExternalId(externalId);
			if (existing == null) {
				Map<String, Object> created = new LinkedHashMap<>(fields);
				created.put("externalId", externalId);
				long newId = store.add(created);
				return new Reply(204, null, null).header("Location", recordUrl(type, newId));
			}
			long key = RecordStore.parseId(existing.get("id"));
			Map<String, Object> updated = new LinkedHashMap<>(existing);
			updated.putAll(fields);
			updated.put("id", existing.get("id"));
			updated.put("externalId", externalId);
			store.replace(key, updated);
			return new Reply(204, null, null).header("Location", recordUrl(type, key));
		}
	}

	private static Long findId(RecordStore store, String id) {
		if (id.startsWith("eid:")) {
			Map<String, Object> row = store.findByExternalId(id.substring(4));
			return (row != null) ? RecordStore.parseId(row.get("id")) : null;
		}
		return RecordStore.parseId(id);
	}

	private String recordUrl(String type, Object id) {
		return this.netSuite.restUrl() + RECORD_PREFIX + type + "/" + id;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> jsonObject(Call call) {
		try {
			Object body = Json.read(call.body());
			return (body instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Reply nonexistent(Call call) {
		return restError(404, "NONEXISTENT_ID",
				"The record instance does not exist. Provide a valid record instance ID.",
				Map.of("o:urlPath", call.path));
	}

	private Reply invalidContent(Call call) {
		return restError(400, "INVALID_CONTENT",
				"Invalid content in the request body: a JSON object of record fields is expected.",
				Map.of("o:urlPath", call.path));
	}

	private Reply notFound(Call call) {
		return restError(404, "NONEXISTENT_ID", "The NetSuite double does not serve " + call.path + ".",
				Map.of("o:urlPath", call.path));
	}

	private Reply methodNotAllowed(Call call) {
		return restError(405, "USER_ERROR",
				"The NetSuite double does not support " + call.method + " on " + call.path + ".",
				Map.of("o:urlPath", call.path));
	}

	// RESTlets

	private Reply restlet(Call call) {
		Map<String, String> parameters = call.firstParameters();
		String script = parameters.get("script");
		String deploy = parameters.get("deploy");
		if (script == null || deploy == null) {
			return restletError(400, "SSS_MISSING_REQD_ARGUMENT",
					"Both the script and the deploy query parameters are required.");
		}
		String body = call.method.equals("GET") ? null : call.body();
		RestletRequest request = new RestletRequest(call.method, parameters, body,
				call.request.getHeader("Content-Type"));
		RestletHandler handler = this.netSuite.restletHandler(script, deploy);
		if (handler == null) {
			return echo(request);
		}
		try {
			RestletResponse response = handler.handle(request);
			return new Reply(response.status(), response.contentType(), response.body());
		}
		catch (Exception ex) {
			return restletError(400, "UNEXPECTED_ERROR", String.valueOf(ex.getMessage()));
		}
	}

	private static Reply echo(RestletRequest request) {
		Object body = request.body();
		if (body != null && request.contentType() != null && request.contentType().contains("json")) {
			try {
				body = Json.read(request.body());
			}
			catch (IllegalArgumentException ex) {
				// Not JSON after all: echo the text
			}
		}
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("method", request.method());
		echo.put("parameters", request.parameters());
		echo.put("body", body);
		return new Reply(200, JSON, Json.write(echo));
	}

	// Error bodies, as NetSuite shapes them

	static Reply restError(int status, String code, String detail, Map<String, String> extra) {
		Map<String, Object> errorDetail = new LinkedHashMap<>();
		errorDetail.put("detail", detail);
		errorDetail.putAll(extra);
		errorDetail.put("o:errorCode", code);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "https://www.rfc-editor.org/rfc/rfc9110.html#section-" + rfc9110Section(status));
		body.put("title", title(status));
		body.put("status", status);
		body.put("o:errorDetails", List.of(errorDetail));
		if (status == 429) {
			body.put("type", "https://www.rfc-editor.org/rfc/rfc6585.html#section-4");
		}
		return new Reply(status, ERROR_JSON, Json.write(body));
	}

	static Reply restletError(int status, String code, String message) {
		// Spaced as NetSuite's own RESTlet errors are
		return new Reply(status, JSON, "{\"error\" : {\"code\" : " + Json.write(code) + ",\"message\" : "
				+ Json.write(message) + "}}");
	}

	private static String rfc9110Section(int status) {
		return switch (status) {
			case 400 -> "15.5.1";
			case 401 -> "15.5.2";
			case 403 -> "15.5.4";
			case 404 -> "15.5.5";
			case 405 -> "15.5.6";
			case 500 -> "15.6.1";
			case 502 -> "15.6.3";
			case 503 -> "15.6.4";
			case 504 -> "15.6.5";
			default -> (status >= 500) ? "15.6" : "15.5";
		};
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> (status >= 500) ? "Server Error" : "Client Error";
		};
	}

	private static void sleep(Duration latency) {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The parts of a request the double looks at, as they were on the wire.
	 */
	private static final class Call {

		final Request request;

		final String method;

		final String path;

		final String rawQuery;

		final String baseUri;

		final boolean restlet;

		Call(Request request) {
			this.request = request;
			this.method = request.getMethod().getName().toUpperCase(Locale.ROOT);
			String url = request.getUrl();
			int question = url.indexOf('?');
			this.path = (question < 0) ? url : url.substring(0, question);
			this.rawQuery = (question < 0) ? null : url.substring(question + 1);
			this.baseUri = baseUri(request, this.path);
			this.restlet = this.path.equals(RESTLET_PATH);
		}

		/**
		 * Scheme and host lower-cased, default port dropped, the raw path: what the client
		 * signed, judged by the Host header it sent.
		 */
		private static String baseUri(Request request, String path) {
			String scheme = request.getScheme().toLowerCase(Locale.ROOT);
			String host = request.getHeader("Host");
			if (host == null) {
				host = request.getHost() + ":" + request.getPort();
			}
			host = host.toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
				host = host.substring(0, host.lastIndexOf(':'));
			}
			return scheme + "://" + host + path;
		}

		String body() {
			byte[] body = this.request.getBody();
			return (body != null) ? new String(body, java.nio.charset.StandardCharsets.UTF_8) : "";
		}

		String formBody() {
			String contentType = this.request.getHeader("Content-Type");
			boolean form = contentType != null
					&& contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
			return form ? body() : null;
		}

		/**
		 * The decoded query parameters, the first value of each name.
		 */
		Map<String, String> firstParameters() {
			Map<String, String> parameters = new LinkedHashMap<>();
			try {
				for (Entry<String, String> parameter : TbaVerifier.parseParameters(this.rawQuery, false)) {
					parameters.putIfAbsent(parameter.getKey(), parameter.getValue());
				}
			}
			catch (IllegalArgumentException ex) {
				// Cannot happen after a successful login: the signature check decoded the same query
			}
			return parameters;
		}

	}

	/**
	 * A response before it becomes WireMock's.
	 */
	static final class Reply {

		final int status;

		final String contentType;

		final String body;

		private final Map<String, String> headers = new LinkedHashMap<>();

		Reply(int status, String contentType, String body) {
			this.status = status;
			this.contentType = contentType;
			this.body = body;
		}

		Reply header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		ResponseDefinition toResponseDefinition() {
			ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(this.status);
			if (this.contentType != null) {
				builder.withHeader("Content-Type", this.contentType);
			}
			this.headers.forEach(builder::withHeader);
			if (this.body != null) {
				builder.withBody(this.body);
			}
			return builder.build();
		}

	}

}
