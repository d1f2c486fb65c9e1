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
package io.github.netsuite.boot.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.RestletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Calls a RESTlet deployment with the request's method, every query parameter and the body,
 * and answers with what the RESTlet answered.
 * <p>
 * This is a demonstration: an endpoint that calls any RESTlet with the account's
 * credentials must not be exposed to untrusted callers.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
class RestletController {

	private final NetSuiteClient netSuite;

	private final JsonMapper mapper;

	RestletController(NetSuiteClient netSuite, JsonMapper mapper) {
		this.netSuite = netSuite;
		this.mapper = mapper;
	}

	@RequestMapping(path = "/restlets/{script}/{deploy}", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<String> call(@PathVariable String script, @PathVariable String deploy,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		RestletRequest restlet = withQueryParameters(this.netSuite.restlet(script, deploy), request.getQueryString());
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (body != null) {
			restlet = restlet.contentType(StringUtils.hasText(request.getContentType())
					? MediaType.parseMediaType(request.getContentType()) : MediaType.APPLICATION_JSON);
		}
		return restlet.exchange(method, body, String.class)
			.map((answer) -> ResponseEntity.ok()
				.contentType(isJson(answer) ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN)
				.body(answer))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	// From the query string rather than getParameterMap(), which mixes in form fields of the body
	private static RestletRequest withQueryParameters(RestletRequest restlet, @Nullable String query) {
		if (!StringUtils.hasLength(query)) {
			return restlet;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (name.equals("script") || name.equals("deploy")) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"'script' and 'deploy' come from the path /restlets/{script}/{deploy}");
			}
			if (!name.isEmpty()) {
				// A copy with the parameter: the request is immutable
				restlet = restlet.param(name, value);
			}
		}
		return restlet;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed query string");
		}
	}

	// RESTlets answer JSON or text without saying which reliably; answer JSON as JSON
	private boolean isJson(String answer) {
		String trimmed = answer.trim();
		if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
			return false;
		}
		try {
			this.mapper.readTree(trimmed);
			return true;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
