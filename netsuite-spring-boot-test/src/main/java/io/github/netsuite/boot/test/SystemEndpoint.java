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

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system endpoints: {@code serverTime} and {@code governanceLimits}.
 *
 * @author NetSuite Spring Boot team
 */
final class SystemEndpoint {

	static final String PREFIX = "/services/rest/system/v1/";

	// What governanceLimits reports when no concurrency limit is set, as on a developer account
	static final int DEFAULT_REPORTED_CONCURRENCY_LIMIT = 5;

	private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final NetSuiteDouble netSuite;

	SystemEndpoint(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
	}

	Reply handle(Call call) {
		return switch (call.path.substring(PREFIX.length())) {
			case "serverTime" -> call.method.equals("GET") ? serverTime() : ErrorReplies.methodNotAllowed(call);
			case "governanceLimits" ->
				call.method.equals("GET") ? governanceLimits() : ErrorReplies.methodNotAllowed(call);
			default -> ErrorReplies.notFound(call);
		};
	}

	private Reply serverTime() {
		return new Reply(200, Reply.JSON, Json.write(Map.of("serverTime", SERVER_TIME.format(this.netSuite.now()))));
	}

	private Reply governanceLimits() {
		int configured = this.netSuite.faults().concurrencyLimit();
		int limit = (configured > 0) ? configured : DEFAULT_REPORTED_CONCURRENCY_LIMIT;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountConcurrencyLimit", limit);
		// The whole limit is reserved for this integration: nothing is left unallocated
		body.put("accountUnallocatedConcurrencyLimit", 0);
		body.put("integrationConcurrencyLimit", limit);
		body.put("integrationLimitType", "integrationSpecific");
		return new Reply(200, Reply.JSON, Json.write(body));
	}

}
