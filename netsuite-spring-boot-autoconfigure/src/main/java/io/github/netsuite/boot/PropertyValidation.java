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
package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * What NetSuite does with a record field it does not know ({@code X-NetSuite-PropertyNameValidation})
 * or a value it finds invalid ({@code X-NetSuite-PropertyValueValidation}): refuse the request,
 * accept it with a warning, or accept it silently. NetSuite's own default applies when none is
 * set. Set per client with {@link NetSuiteClient#withPropertyValidation} (or
 * {@code netsuite.records.property-name-validation} and
 * {@code netsuite.records.property-value-validation}) and per call with
 * {@link RecordRequest#propertyValidation} and {@link RecordCollection#propertyValidation}.
 * <p>
 * Warnings NetSuite answers are logged at {@code WARN}, once per call, with the record type,
 * and counted as the observation {@code netsuite.record.warnings}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public enum PropertyValidation {

	/**
	 * Refuse the request: NetSuite answers {@code 400}, a {@link NetSuiteValidationException}.
	 */
	ERROR("Error"),

	/**
	 * Accept the request and answer a warning.
	 */
	WARNING("Warning"),

	/**
	 * Accept the request silently.
	 */
	IGNORE("Ignore");

	static final String NAME_HEADER = "X-NetSuite-PropertyNameValidation";

	static final String VALUE_HEADER = "X-NetSuite-PropertyValueValidation";

	private final String headerValue;

	PropertyValidation(String headerValue) {
		this.headerValue = headerValue;
	}

	/**
	 * Return the value of NetSuite's header, such as {@code Warning}.
	 * @return the header value
	 */
	public String headerValue() {
		return this.headerValue;
	}

	static RestClient.RequestBodySpec apply(RestClient.RequestBodySpec request, Pair validation) {
		return request.headers((headers) -> apply(headers, validation));
	}

	static AsyncRequest apply(AsyncRequest request, Pair validation) {
		PropertyValidation names = validation.names();
		PropertyValidation values = validation.values();
		AsyncRequest validated = request;
		if (names != null) {
			validated = validated.header(NAME_HEADER, names.headerValue);
		}
		if (values != null) {
			validated = validated.header(VALUE_HEADER, values.headerValue);
		}
		return validated;
	}

	static void apply(HttpHeaders headers, Pair validation) {
		PropertyValidation names = validation.names();
		PropertyValidation values = validation.values();
		if (names != null) {
			headers.set(NAME_HEADER, names.headerValue);
		}
		if (values != null) {
			headers.set(VALUE_HEADER, values.headerValue);
		}
	}

	/**
	 * The two validations of a client or a call; {@code null} leaves one to the client's
	 * default, or to NetSuite's.
	 */
	record Pair(@Nullable PropertyValidation names, @Nullable PropertyValidation values) {

		static final Pair NONE = new Pair(null, null);

		Pair or(Pair defaults) {
			return new Pair((this.names != null) ? this.names : defaults.names,
					(this.values != null) ? this.values : defaults.values);
		}

	}

}
