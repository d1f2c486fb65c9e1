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
package io.github.netsuite.boot.slice;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * An application's service with a {@link RestClient} of its own, built from Boot's
 * {@code RestClient.Builder}: what a {@code @RestClientTest} mocks.
 */
@Service
class Greetings {

	static final String BASE_URL = "https://greetings.example.com";

	private final RestClient rest;

	Greetings(RestClient.Builder builder) {
		this.rest = builder.baseUrl(BASE_URL).build();
	}

	String greeting(String name) {
		String greeting = this.rest.get().uri("/greetings/{name}", name).retrieve().body(String.class);
		return (greeting != null) ? greeting : "";
	}

}
