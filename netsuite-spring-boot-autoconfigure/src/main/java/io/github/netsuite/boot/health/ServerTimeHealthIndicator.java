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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteNotFoundException;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The check behind {@link NetSuiteHealthIndicator}, uncached: one {@code GET
 * /services/rest/system/v1/serverTime} through the account's probe client, whose chain
 * signs it and turns NetSuite's error into a typed exception; on accounts that answer it
 * 404, {@code OPTIONS /services/rest/*} for good. When UP, the account's authentication
 * describes itself; a failure is a DOWN that {@link FailureDetails} words.
 *
 * @author NetSuite Spring Boot team
 */
final class ServerTimeHealthIndicator extends AbstractHealthIndicator {

	static final String SERVER_TIME_PATH = "/services/rest/system/v1/serverTime";

	static final String FALLBACK_PATH = "/services/rest/*";

	private final NetSuiteAccount account;

	private final String properties;

	private final RestClient client;

	private final FailureDetails failures;

	private volatile boolean serverTimeAvailable = true;

	ServerTimeHealthIndicator(NetSuiteAccount account, String properties, RestClient probeClient, Duration timeout,
			Clock clock) {
		super("NetSuite health check failed");
		this.account = account;
		this.properties = properties;
		this.client = probeClient.mutate().requestInterceptor(WireTiming.interceptor(clock)).build();
		this.failures = new FailureDetails(account, properties, timeout);
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
			base(builder.down()).withDetail("status", 404).withDetail("error", FailureDetails.REST_NOT_ENABLED);
		}
	}

	// False when the path is not there (404): serverTime falls back, the fallback is the end.
	private boolean check(Health.Builder builder, HttpMethod method, String path) {
		WireTiming wire = new WireTiming();
		try {
			ResponseEntity<byte[]> answer = this.client.method(method)
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.attribute(WireTiming.ATTRIBUTE, wire)
				.retrieve()
				.toEntity(byte[].class);
			up(base(builder), method, path, answer, wire);
			return true;
		}
		catch (RuntimeException ex) {
			if (ex instanceof NetSuiteNotFoundException notFound && FailureDetails.isTheCheck(notFound, path)) {
				return false;
			}
			this.failures.add(base(builder.down()), path, ex, wire);
			return true;
		}
	}

	// A serverTime answer without NetSuite's clock is not NetSuite's (an HTML page, say).
	private void up(Health.Builder up, HttpMethod method, String path, ResponseEntity<byte[]> answer, WireTiming wire) {
		// The chain's answer guard turned a redirect into an exception, its error reading an error.
		JsonNode json = json((answer.getBody() != null) ? answer.getBody() : new byte[0]);
		Instant serverTime = serverTime(json);
		if (serverTime == null && path.equals(SERVER_TIME_PATH)) {
			throw new NetSuiteUnreadableAnswerException((json != null) ? Reason.UNEXPECTED : Reason.NOT_JSON,
					answer.getStatusCode().value(), answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), false,
					method.name(), path, null);
		}
		up.up().withDetail("latency", wire.latency());
		up.withDetails(this.account.authentication().details(this.properties));
		if (serverTime != null) {
			wire.addSkew(up, serverTime);
		}
	}

	// For when the check did not answer.
	Health down(String error) {
		return base(Health.down()).withDetail("error", error).build();
	}

	// Names the check as it is now: serverTime, or for good the fallback once serverTime was not there.
	private Health.Builder base(Health.Builder builder) {
		return builder.withDetail("realm", this.account.id().realm())
			.withDetail("restUrl", withoutUserInfoOrQuery(this.account.restUrl()))
			.withDetail("check", this.serverTimeAvailable ? "GET " + SERVER_TIME_PATH : "OPTIONS " + FALLBACK_PATH);
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
		return UriComponentsBuilder.fromUri(url).userInfo(null).replaceQuery(null).fragment(null).toUriString();
	}

}
