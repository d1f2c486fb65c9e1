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
package io.github.netsuite.boot.observation;

import java.util.Locale;
import java.util.regex.Pattern;

import io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.HighCardinalityKeyNames;
import io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The default {@link NetSuiteRequestObservationConvention}: observation
 * {@code netsuite.requests} tagged with the account realm, API, HTTP method, status,
 * outcome and NetSuite's error code.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class DefaultNetSuiteRequestObservationConvention implements NetSuiteRequestObservationConvention {

	/**
	 * Name of the observation, and of the timer made of it.
	 */
	public static final String NAME = "netsuite.requests";

	static final String NONE = "none";

	// NetSuite's codes are upper-case words (INVALID_LOGIN, SSS_REQUEST_LIMIT_EXCEEDED); a
	// RESTlet could answer anything, so whatever else it says is one value, not a new tag.
	private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_.]{0,63}");

	static final String OTHER_ERROR_CODE = "OTHER";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(NetSuiteRequestContext context) {
		return "netsuite " + context.getApi() + " " + context.getRequest().getMethod().name().toLowerCase(Locale.ROOT);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NetSuiteRequestContext context) {
		// In the order of their keys, which KeyValues would otherwise sort them into.
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getRequest().getMethod().name()),
				LowCardinalityKeyNames.STATUS.withValue(status(context)),
				LowCardinalityKeyNames.ACCOUNT.withValue(context.getRealm()),
				LowCardinalityKeyNames.API.withValue(context.getApi()),
				LowCardinalityKeyNames.ERROR_CODE.withValue(errorCode(context.getErrorCode())),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome(context.getStatusCode())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NetSuiteRequestContext context) {
		return KeyValues.of(HighCardinalityKeyNames.ATTEMPT.withValue(Integer.toString(context.getAttempt())));
	}

	private static String status(NetSuiteRequestContext context) {
		Integer statusCode = context.getStatusCode();
		if (statusCode != null) {
			return statusCode.toString();
		}
		return (context.getError() instanceof java.io.IOException) ? "IO_ERROR" : "CLIENT_ERROR";
	}

	private static String outcome(@Nullable Integer statusCode) {
		if (statusCode == null) {
			return "UNKNOWN";
		}
		HttpStatus.Series series = HttpStatus.Series.resolve(statusCode);
		if (series == null) {
			return "UNKNOWN";
		}
		// The values of Spring's http.client.requests, so that both read alike.
		return switch (series) {
			case INFORMATIONAL -> "INFORMATIONAL";
			case SUCCESSFUL -> "SUCCESS";
			case REDIRECTION -> "REDIRECTION";
			case CLIENT_ERROR -> "CLIENT_ERROR";
			case SERVER_ERROR -> "SERVER_ERROR";
		};
	}

	static String errorCode(@Nullable String errorCode) {
		if (errorCode == null || errorCode.isBlank()) {
			return NONE;
		}
		String code = errorCode.strip().toUpperCase(Locale.ROOT);
		return ERROR_CODE.matcher(code).matches() ? code : OTHER_ERROR_CODE;
	}

}
