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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error bodies of the double, shaped as NetSuite's: REST web services answer RFC 9457
 * problem JSON with {@code o:errorDetails}, RESTlets {@code {"error":{"code":…,"message":…}}}.
 *
 * @author NetSuite Spring Boot team
 */
final class ErrorReplies {

	static final String ERROR_JSON = "application/vnd.oracle.resource+json; type=error; charset=UTF-8";

	private ErrorReplies() {
	}

	/**
	 * A REST web services error.
	 * @param status the HTTP status
	 * @param code the {@code o:errorCode}
	 * @param detail the {@code detail}
	 * @param extra further fields of the error detail, such as {@code o:errorQueryParam}
	 */
	static Reply rest(int status, String code, String detail, Map<String, String> extra) {
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

	/**
	 * A RESTlet error, as NetSuite answers it before (or instead of) running the script.
	 */
	static Reply restlet(int status, String code, String message) {
		// Spaced as NetSuite's own RESTlet errors are
		return new Reply(status, Reply.JSON, "{\"error\" : {\"code\" : " + Json.write(code) + ",\"message\" : "
				+ Json.write(message) + "}}");
	}

	/**
	 * The same error in the shape the call expects: RESTlet or REST web services.
	 */
	static Reply of(Call call, int status, String code, String message) {
		return call.restlet ? restlet(status, code, message) : rest(status, code, message, Map.of());
	}

	static Reply invalidParameter(String name, String detail) {
		return rest(400, "INVALID_PARAMETER", detail, Map.of("o:errorQueryParam", name));
	}

	static Reply notFound(Call call) {
		return rest(404, "NONEXISTENT_ID", "The NetSuite double does not serve " + call.path + ".",
				Map.of("o:urlPath", call.path));
	}

	static Reply methodNotAllowed(Call call) {
		return rest(405, "USER_ERROR", "The NetSuite double does not support " + call.method + " on " + call.path + ".",
				Map.of("o:urlPath", call.path));
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

}
