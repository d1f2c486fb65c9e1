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
import java.util.Map;

/**
 * RESTlets: runs the handler registered for the {@code script} and {@code deploy}
 * parameters, or echoes the call when there is none.
 *
 * @author NetSuite Spring Boot team
 */
final class RestletEndpoint {

	private final NetSuiteDouble netSuite;

	RestletEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		Map<String, String> parameters = call.firstParameters();
		String script = parameters.get("script");
		String deploy = parameters.get("deploy");
		if (script == null || deploy == null) {
			return ErrorReplies.restlet(400, "SSS_MISSING_REQD_ARGUMENT",
					"Both the script and the deploy query parameters are required.");
		}
		// GET takes no body on NetSuite
		String body = call.method.equals("GET") ? null : call.body();
		RestletCall request = new RestletCall(call.method, parameters, body, call.header("Content-Type"));
		RestletHandler handler = this.netSuite.data().restletHandler(script, deploy);
		if (handler == null) {
			return echo(request);
		}
		try {
			RestletResponse response = handler.handle(request);
			return new Reply(response.status(), response.contentType(), response.body());
		}
		catch (Exception ex) {
			return ErrorReplies.restlet(400, "UNEXPECTED_ERROR", String.valueOf(ex.getMessage()));
		}
	}

	private static Reply echo(RestletCall request) {
		String text = request.body();
		Object body = text;
		if (text != null && request.contentType() != null && request.contentType().contains("json")) {
			try {
				body = Json.read(text);
			}
			catch (IllegalArgumentException ex) {
				// Not JSON after all: echo the text
			}
		}
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("method", request.method());
		echo.put("parameters", request.parameters());
		echo.put("body", body);
		return new Reply(200, Reply.JSON, Json.write(echo));
	}

}
