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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A RESTlet call as a {@link RestletHandler} sees it.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param parameters every query parameter, decoded, {@code script} and {@code deploy} included (for
 * a repeated name, its first value), in the order they were sent
 * @param body the request body, or {@code null} when there is none
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record RestletCall(String method, Map<String, String> parameters, @Nullable String body,
		@Nullable String contentType) {

	/**
	 * Create a new instance.
	 * @param method the HTTP method
	 * @param parameters the decoded query parameters
	 * @param body the body or {@code null}
	 * @param contentType the content type or {@code null}
	 */
	public RestletCall {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

}
