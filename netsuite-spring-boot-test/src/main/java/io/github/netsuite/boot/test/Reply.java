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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A response of the double before it becomes WireMock's.
 *
 * @author NetSuite Spring Boot team
 */
final class Reply {

	static final String JSON = "application/json; charset=UTF-8";

	final int status;

	final @Nullable String contentType;

	final @Nullable String body;

	private final Map<String, String> headers = new LinkedHashMap<>();

	Reply(int status, @Nullable String contentType, @Nullable String body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	/**
	 * A reply without a body, such as the 204 of a record write.
	 */
	static Reply noContent() {
		return new Reply(204, null, null);
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
