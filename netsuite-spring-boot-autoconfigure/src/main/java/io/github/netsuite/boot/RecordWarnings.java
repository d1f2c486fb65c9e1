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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriUtils;

/**
 * Surfaces the warnings NetSuite answers to a record request (what
 * {@link PropertyValidation#WARNING} asks for): logged at {@code WARN} once per call with the
 * record type, and counted as the observation {@value #OBSERVATION}, tagged with the account
 * and the record type, which Boot's meter handler turns into a meter.
 * <p>
 * Which header carries them is unconfirmed (third-party catalogues only say "a response
 * header"): {@value #HEADER} is the most likely name and the one the NetSuite double answers;
 * any {@code X-NetSuite-…Warning…} header and the standard {@code Warning} header are read too.
 *
 * @author NetSuite Spring Boot team
 */
final class RecordWarnings {

	static final String HEADER = "X-NetSuite-Warning";

	static final String OBSERVATION = "netsuite.record.warnings";

	private static final Log logger = LogFactory.getLog(RecordWarnings.class);

	private static final String RECORD_PATH = "/services/rest/record/v1/";

	private static final int MAX_LENGTH = 500;

	private RecordWarnings() {
	}

	/**
	 * Report the warnings of an answer to a record request, if it has any.
	 * @param request the request
	 * @param response its answer
	 * @param name the account's name in the configuration, or {@code null}
	 * @param account the account, or {@code null}
	 * @param observations where to count them
	 */
	static void report(HttpRequest request, ClientHttpResponse response, @Nullable String name,
			@Nullable AccountId account, ObservationRegistry observations) {
		String path = request.getURI().getRawPath();
		if (path == null || !path.contains(RECORD_PATH)) {
			return;
		}
		List<String> warnings = warnings(response.getHeaders());
		if (warnings.isEmpty()) {
			return;
		}
		String type = recordType(path);
		String realm = (account != null) ? account.realm() : "none";
		if (logger.isWarnEnabled()) {
			String prefix = (name != null) ? "Account '" + name + "' (" + realm + "): "
					: (account != null) ? "Account " + realm + ": " : "";
			logger.warn(prefix + "NetSuite warned about " + type
					+ " record (" + request.getMethod().name() + " " + path + "): " + String.join("; ", warnings));
		}
		Observation.createNotStarted(OBSERVATION, observations)
			.lowCardinalityKeyValue("netsuite.account", realm)
			.lowCardinalityKeyValue("netsuite.record.type", type)
			.highCardinalityKeyValue("netsuite.warnings", Integer.toString(warnings.size()))
			.observe(() -> {
			});
	}

	// Every value of every header that may carry a warning, cut short: they go to a log.
	static List<String> warnings(HttpHeaders headers) {
		List<String> warnings = new ArrayList<>();
		for (String header : headers.headerNames()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.equals("warning") || (lower.startsWith("x-netsuite-") && lower.contains("warning"))) {
				for (String value : headers.getValuesAsList(header)) {
					if (!value.isBlank()) {
						warnings.add((value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) + "…" : value);
					}
				}
			}
		}
		return warnings;
	}

	static String recordType(String path) {
		String rest = path.substring(path.indexOf(RECORD_PATH) + RECORD_PATH.length());
		int slash = rest.indexOf('/');
		return UriUtils.decode((slash >= 0) ? rest.substring(0, slash) : rest, StandardCharsets.UTF_8);
	}

}
