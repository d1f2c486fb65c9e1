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

/**
 * What a {@link RestletHandler} answers.
 *
 * @param status the HTTP status
 * @param body the body as sent, or {@code null} for none
 * @param contentType the {@code Content-Type} of the body
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record RestletResponse(int status, String body, String contentType) {

	/**
	 * A 200 response whose body is the given value written as JSON.
	 * @param body a value Jackson can write: maps, lists, strings, numbers, booleans or {@code null}
	 * @return the response
	 */
	public static RestletResponse json(Object body) {
		return json(200, body);
	}

	/**
	 * A response whose body is the given value written as JSON.
	 * @param status the HTTP status
	 * @param body a value Jackson can write
	 * @return the response
	 */
	public static RestletResponse json(int status, Object body) {
		return new RestletResponse(status, Json.write(body), "application/json");
	}

	/**
	 * A 200 plain text response.
	 * @param body the text
	 * @return the response
	 */
	public static RestletResponse text(String body) {
		return text(200, body);
	}

	/**
	 * A plain text response.
	 * @param status the HTTP status
	 * @param body the text
	 * @return the response
	 */
	public static RestletResponse text(int status, String body) {
		return new RestletResponse(status, body, "text/plain;charset=UTF-8");
	}

}
