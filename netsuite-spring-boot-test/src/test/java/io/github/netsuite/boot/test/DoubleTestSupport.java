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

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Small helpers the tests share.
 */
final class DoubleTestSupport {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private DoubleTestSupport() {
	}

	static JsonNode json(HttpResponse<String> response) {
		try {
			return MAPPER.readTree(response.body());
		}
		catch (Exception ex) {
			throw new AssertionError("Not JSON: " + response.body(), ex);
		}
	}

	static String errorCode(HttpResponse<String> response) {
		return json(response).at("/o:errorDetails/0/o:errorCode").asText();
	}

	static String lastAuditReason(NetSuiteDouble netSuite) {
		var trail = netSuite.loginAuditTrail();
		return trail.isEmpty() ? null : trail.get(trail.size() - 1).reason();
	}

}
