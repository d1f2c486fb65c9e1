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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a request the double looks at, as they were on the wire.
 *
 * @author NetSuite Spring Boot team
 */
final class Call {

	static final String RESTLET_PATH = "/app/site/hosting/restlet.nl";

	final Request request;

	final String method;

	final String path;

	final @Nullable String rawQuery;

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

	@Nullable String header(String name) {
		// Through header(…): a wrapped request (a batch's item) throws from getHeader(…)
		// for a header it does not have.
		HttpHeader header = this.request.header(name);
		return header.isPresent() ? header.firstValue() : null;
	}

	String body() {
		byte[] body = this.request.getBody();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	@Nullable String formBody() {
		String contentType = header("Content-Type");
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
