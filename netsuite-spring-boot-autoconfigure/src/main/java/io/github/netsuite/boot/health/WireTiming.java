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
package io.github.netsuite.boot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * When the check's request went on the wire, how long its answer took, and how far the
 * local clock is from NetSuite's: the skew that breaks token-based authentication.
 *
 * @author NetSuite Spring Boot team
 */
final class WireTiming {

	// The request attribute that hands a timing to the interceptor.
	static final String ATTRIBUTE = WireTiming.class.getName();

	// A skew this large is worth a warning while the credentials still work.
	private static final Duration SKEW_WARNING = Duration.ofMinutes(1);

	// Written by the request's thread on the wire, read by the same thread after the exchange.
	private Instant localTime = Instant.EPOCH;

	private Duration latency = Duration.ZERO;

	// From NetSuite's Date header (to the second), for when no serverTime came back: local minus NetSuite.
	@Nullable Duration dateSkew;

	// Innermost in the chain, so that the wait for a permit or a token counts neither as latency nor as skew.
	static ClientHttpRequestInterceptor interceptor(Clock clock) {
		return (request, body, execution) -> {
			Instant sent = clock.instant();
			long start = System.nanoTime();
			ClientHttpResponse response = execution.execute(request, body);
			if (request.getAttributes().get(ATTRIBUTE) instanceof WireTiming timing) {
				timing.latency = Duration.ofNanos(System.nanoTime() - start);
				timing.localTime = sent.plus(Duration.between(sent, clock.instant()).dividedBy(2));
				timing.dateSkew = dateSkew(timing.localTime, response.getHeaders());
			}
			return response;
		};
	}

	String latency() {
		return this.latency.toMillis() + "ms";
	}

	void addSkew(Health.Builder up, Instant serverTime) {
		Duration skew = Duration.between(serverTime, this.localTime);
		up.withDetail("serverTime", serverTime.toString())
			.withDetail("clockSkew", (skew.isNegative() ? "-" : "+") + format(skew));
		if (skew.abs().compareTo(SKEW_WARNING) >= 0) {
			up.withDetail("clockSkewWarning", "The local clock is " + format(skew) + (skew.isNegative() ? " behind"
					: " ahead of") + " NetSuite's; NetSuite refuses signatures more than about 5 minutes off. "
					+ "Synchronize the clock (NTP)");
		}
	}

	private static @Nullable Duration dateSkew(Instant localTime, HttpHeaders headers) {
		try {
			long date = headers.getDate();
			return (date != -1) ? Duration.between(Instant.ofEpochMilli(date), localTime) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// Without a sign: 350ms, 2.5s, 7m 3s, 1h 2m 0s
	static String format(Duration duration) {
		Duration abs = duration.abs();
		return (abs.compareTo(Duration.ofSeconds(1)) < 0) ? abs.toMillis() + "ms"
				: (abs.compareTo(Duration.ofMinutes(1)) < 0)
						? java.math.BigDecimal.valueOf(abs.toMillis(), 3).stripTrailingZeros().toPlainString() + "s"
						: ((abs.toHours() > 0) ? abs.toHours() + "h " : "") + abs.toMinutesPart() + "m "
								+ abs.toSecondsPart() + "s";
	}

}
