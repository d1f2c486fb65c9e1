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

import java.io.ByteArrayInputStream;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Gives WireMock the bodies a response definition
 * cannot hold: a {@link HugeBody} streamed as it is generated, and a body cut short after its
 * full length was announced. {@link Reply} marks them with transformer parameters.
 *
 * @author NetSuite Spring Boot team
 */
final class HostileBodies implements ResponseTransformerV2 {

	static final String HUGE = "netsuite-double-huge";

	static final String CUT = "netsuite-double-cut";

	@Override
	public String getName() {
		return "netsuite-double-hostile-bodies";
	}

	@Override
	public Response transform(Response response, ServeEvent serveEvent) {
		Parameters parameters = serveEvent.getResponseDefinition().getTransformerParameters();
		if (parameters == null) {
			return response;
		}
		if (parameters.get(HUGE) instanceof HugeBody huge) {
			// Chunked, without a Content-Length: only counting the bytes as they come bounds it
			return Response.Builder.like(response).body(huge::open).build();
		}
		if (Boolean.TRUE.equals(parameters.get(CUT))) {
			byte[] body = response.getBody();
			if (body == null) {
				return response;
			}
			// Jetty closes the connection when the body ends before the announced length
			HttpHeaders headers = (response.getHeaders() != null) ? response.getHeaders() : new HttpHeaders();
			return Response.Builder.like(response)
				.headers(headers.plus(new HttpHeader("Content-Length", String.valueOf(body.length))))
				.body(() -> new ByteArrayInputStream(body, 0, body.length / 2))
				.build();
		}
		return response;
	}

}
