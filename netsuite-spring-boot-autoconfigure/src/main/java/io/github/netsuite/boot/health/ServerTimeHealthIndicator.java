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

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The check behind {@link NetSuiteHealthIndicator}: one {@code GET
 * /services/rest/system/v1/serverTime} through the account's probe client, whose chain
 * signs it, reads NetSuite's error and turns it into a typed {@link NetSuiteException}.
 * Accounts older than 2025.2 answer it 404; for them the check falls back, for good, to
 * {@code OPTIONS /services/rest/*}. What NetSuite's answer says, the account's
 * authentication describes: its details when UP, what to fix when it refused them.
 * Expected failures are a DOWN in words safe to show, never an exception.
 *
 * @author NetSuite Spring Boot team
 */
final class ServerTimeHealthIndicator extends AbstractHealthIndicator {

	static final String SERVER_TIME_PATH = "/services/rest/system/v1/serverTime";

	static final String FALLBACK_PATH = "/services/rest/*";

	static final String TIMEOUT_PROPERTY = "netsuite.health.timeout";

	// When the check's request went on the wire and what came back.
	private static final String WIRE_ATTRIBUTE = ServerTimeHealthIndicator.class.getName() + ".wire";

	// A skew this large is worth a warning while the credentials still work.
	private static final Duration SKEW_WARNING = Duration.ofMinutes(1);

	private final NetSuiteAccount account;

	private final String properties;

	private final RestClient client;

	private final Duration timeout;

	private final Clock clock;

	private volatile boolean serverTimeAvailable = true;

	ServerTimeHealthIndicator(NetSuiteAccount account, String properties, RestClient probeClient, Duration timeout,
			Clock clock) {
		super("NetSuite health check failed");
		this.account = account;
		this.properties = properties;
		// Innermost, so that the wait for a permit or a token counts neither as latency nor as skew.
		this.client = probeClient.mutate().requestInterceptor(this::onTheWire).build();
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.serverTimeAvailable) {
			if (check(builder, HttpMethod.GET, SERVER_TIME_PATH)) {
				return;
			}
			this.serverTimeAvailable = false;
		}
		if (!check(builder, HttpMethod.OPTIONS, FALLBACK_PATH)) {
			base(builder.down(), HttpMethod.OPTIONS, FALLBACK_PATH).withDetail("status", 404)
				.withDetail("error", "NetSuite answered 404 to both health checks; is REST Web Services enabled "
						+ "(Setup > Company > Enable Features > SuiteCloud > SuiteTalk (Web Services) > REST Web "
						+ "Services)?");
		}
	}

	// False when the path is not there (404): serverTime falls back, the fallback is the end.
	private boolean check(Health.Builder builder, HttpMethod method, String path) {
		Wire wire = new Wire();
		try {
			ResponseEntity<byte[]> answer = this.client.method(method)
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.attribute(WIRE_ATTRIBUTE, wire)
				.retrieve()
				.toEntity(byte[].class);
			up(base(builder, method, path), method, path, answer, wire);
			return true;
		}
		catch (RuntimeException ex) {
			if (ex instanceof NetSuiteNotFoundException notFound && isTheCheck(notFound, path)) {
				return false;
			}
			failed(base(builder.down(), method, path), path, ex, wire);
			return true;
		}
	}

	// A serverTime answer without NetSuite's clock is not NetSuite's (an HTML page, say).
	private void up(Health.Builder up, HttpMethod method, String path, ResponseEntity<byte[]> answer, Wire wire) {
		// The chain's answer guard turned a redirect into an exception, its error reading an error.
		int status = answer.getStatusCode().value();
		byte[] body = (answer.getBody() != null) ? answer.getBody() : new byte[0];
		JsonNode json = json(body);
		Instant serverTime = serverTime(json);
		if (serverTime == null && path.equals(SERVER_TIME_PATH)) {
			throw new NetSuiteUnreadableAnswerException((json != null) ? Reason.UNEXPECTED : Reason.NOT_JSON, status,
					answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), false, method.name(), path, null);
		}
		up.up().withDetail("latency", wire.latency.toMillis() + "ms");
		up.withDetails(this.account.authentication().details(this.properties));
		if (serverTime != null) {
			Duration skew = Duration.between(serverTime, wire.localTime);
			up.withDetail("serverTime", serverTime.toString()).withDetail("clockSkew", signed(skew));
			if (skew.abs().compareTo(SKEW_WARNING) >= 0) {
				up.withDetail("clockSkewWarning", "The local clock is " + format(skew.abs())
						+ (skew.isNegative() ? " behind" : " ahead of") + " NetSuite's; NetSuite refuses signatures "
						+ "more than about 5 minutes off. Synchronize the clock (NTP)");
			}
		}
	}

	// Whatever the check threw: UP when throttled, else a DOWN that says what, in words safe to show.
	private void failed(Health.Builder down, String path, RuntimeException ex, Wire wire) {
		if (ex instanceof NetSuiteConnectionException unreachable) {
			boolean timedOut = unreachable.getReason() == NetSuiteConnectionException.Reason.CONNECT_TIMEOUT
					|| unreachable.getReason() == NetSuiteConnectionException.Reason.READ_TIMEOUT;
			String reason = unreachable.getReason().description();
			down.withDetail("error", timedOut ? notInTime(this.timeout) + ": " + reason + " at " + unreachable.getHost()
					: "Could not reach NetSuite at " + unreachable.getHost() + ": " + reason
							+ ((unreachable.getHint() != null) ? " (" + unreachable.getHint() + ")" : ""));
			return;
		}
		if (!(ex instanceof NetSuiteException error)) {
			down.withDetail("error", "The check failed: " + describe(ex));
			return;
		}
		if (error instanceof NetSuiteConcurrencyLimitException && isTheCheck(error, path)) {
			// NetSuite checks its concurrency limit only for requests it authenticated.
			down.up().withDetail("latency", wire.latency.toMillis() + "ms")
				.withDetail("throttled", "NetSuite answered " + error.getStatusCode()
						+ ((error.getErrorCode() != null) ? " " + error.getErrorCode() : "")
						+ ": the account's concurrency limit was reached. The credentials work; requests wait for a "
						+ "free slot or fail until one frees up (see " + this.properties + ".concurrency.limit)");
			return;
		}
		if (error.getStatusCode() > 0) {
			down.withDetail("status", error.getStatusCode());
		}
		if (error.getErrorCode() != null) {
			down.withDetail("errorCode", error.getErrorCode());
		}
		if (error instanceof NetSuiteRedirectException redirect) {
			// The check's own, or the token endpoint's
			String property = this.properties + (isTheCheck(redirect, path) ? ".rest-url" : ".oauth2.token-url");
			down.withDetail("error", "NetSuite answered a redirect to "
					+ ((redirect.getLocation() != null) ? redirect.getLocation() : "no location") + ": check " + property);
		}
		else if (error instanceof NetSuiteTimeoutException deadline && TIMEOUT_PROPERTY.equals(deadline.getProperty())) {
			down.withDetail("error", notInTime(this.timeout));
		}
		else if (error instanceof NetSuiteAuthenticationException refusal) {
			// Refused on the check, or by the OAuth 2.0 token endpoint before it
			down.withDetail("error", isTheCheck(refusal, path)
					? ((refusal.getDetail() != null) ? refusal.getDetail() : "HTTP " + refusal.getStatusCode())
					: "NetSuite's token endpoint refused the client assertion"
							+ ((refusal.getDetail() != null) ? ": " + refusal.getDetail() : ""));
			down.withDetails(this.account.authentication()
				.refusalDetails(refusal, this.account.id(), this.properties, wire.clockSkew));
		}
		else if (isTheCheck(error, path) && error.getStatusCode() >= 400
				&& !(error instanceof NetSuiteUnreadableAnswerException)) {
			down.withDetail("error", (error.getDetail() != null) ? error.getDetail() : "HTTP " + error.getStatusCode());
			if (error.getHint() != null) {
				down.withDetail("hint", error.getHint());
			}
		}
		else {
			// A failed token request, an unreadable answer: the message names the request.
			down.withDetail("error", String.valueOf(error.getMessage()));
		}
	}

	// A DOWN of the check as it is now, for when it did not answer.
	Health down(String error) {
		Health.Builder down = this.serverTimeAvailable ? base(Health.down(), HttpMethod.GET, SERVER_TIME_PATH)
				: base(Health.down(), HttpMethod.OPTIONS, FALLBACK_PATH);
		return down.withDetail("error", error).build();
	}

	private Health.Builder base(Health.Builder builder, HttpMethod method, String path) {
		return builder.withDetail("realm", this.account.id().realm())
			.withDetail("restUrl", withoutUserInfoOrQuery(this.account.restUrl()))
			.withDetail("check", method.name() + " " + path);
	}

	// Stamps when the request went on the wire, how long its answer took and NetSuite's clock.
	private ClientHttpResponse onTheWire(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Instant sent = this.clock.instant();
		long start = System.nanoTime();
		ClientHttpResponse response = execution.execute(request, body);
		if (request.getAttributes().get(WIRE_ATTRIBUTE) instanceof Wire wire) {
			wire.latency = Duration.ofNanos(System.nanoTime() - start);
			wire.localTime = sent.plus(Duration.between(sent, this.clock.instant()).dividedBy(2));
			wire.clockSkew = skew(wire.localTime, response.getHeaders());
		}
		return response;
	}

	private static boolean isTheCheck(NetSuiteException error, String path) {
		return error.getPath() != null && error.getPath().endsWith(path);
	}

	static String notInTime(Duration timeout) {
		return "NetSuite did not answer within " + format(timeout) + " (" + TIMEOUT_PROPERTY + ")";
	}

	// The type and the message, without a URL's user info or query, nor a stack trace.
	static String describe(Throwable ex) {
		String message = (ex.getMessage() != null)
				? ex.getMessage().replaceAll("//[^/@\\s]*@", "//").replaceAll("\\?[^\\s\"']*", "") : null;
		if (message != null && message.length() > 200) {
			message = message.substring(0, 200) + "…";
		}
		return ex.getClass().getName() + ((message != null) ? ": " + message : "");
	}

	// NetSuite's clock from its Date header (to the second): local minus NetSuite.
	private static @Nullable Duration skew(Instant localTime, HttpHeaders headers) {
		try {
			long date = headers.getDate();
			return (date != -1) ? Duration.between(Instant.ofEpochMilli(date), localTime) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Instant serverTime(@Nullable JsonNode json) {
		try {
			return (json != null && json.path("serverTime").isString())
					? Instant.parse(json.path("serverTime").asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable JsonNode json(byte[] body) {
		try {
			return JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String withoutUserInfoOrQuery(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

	private static String signed(Duration duration) {
		return (duration.isNegative() ? "-" : "+") + format(duration.abs());
	}

	// 350ms, 2.5s, 7m 3s, 1h 2m 0s
	static String format(Duration duration) {
		Duration abs = duration.abs();
		if (abs.compareTo(Duration.ofSeconds(1)) < 0) {
			return abs.toMillis() + "ms";
		}
		if (abs.compareTo(Duration.ofMinutes(1)) < 0) {
			return java.math.BigDecimal.valueOf(abs.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
		}
		String minutesAndSeconds = abs.toMinutesPart() + "m " + abs.toSecondsPart() + "s";
		return (abs.toHours() > 0) ? abs.toHours() + "h " + minutesAndSeconds : minutesAndSeconds;
	}

	// Written by the request's thread on the wire, read by the same thread after the exchange.
	private static final class Wire {

		private Instant localTime = Instant.EPOCH;

		private Duration latency = Duration.ZERO;

		private @Nullable Duration clockSkew;

	}

}
