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

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers every request the double's WireMock server receives: first what a proxy or the
 * network answers in NetSuite's place (a redirect, an HTML page, a huge body), then
 * admission against the concurrency limit, added latency, injected failures, the login check, then routes to the
 * endpoint: the record API, SuiteQL, the system endpoints, asynchronous jobs or RESTlets,
 * a batch request to the batch endpoint, any other REST request with
 * {@code Prefer: respond-async} through its job. A write whose answer
 * is to be lost is executed first. Requests to the
 * OAuth 2.0 token endpoint go through the same admission, latency and failures, then to the
 * endpoint, which checks their assertion instead; a hanging token endpoint holds them before
 * admission. Last, an answer may be cut short or drip. Runs on the Jetty thread that serves
 * the request.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteDoubleHandler implements ResponseDefinitionTransformerV2 {

	private static final String REST_PREFIX = "/services/rest/";

	// NetSuite's own words for a request over the concurrency limit
	private static final String THROTTLED = "Concurrent request limit exceeded. Request blocked.";

	private static final String INJECTED_FAILURE = "The NetSuite double was told to fail this request.";

	private final NetSuiteDouble netSuite;

	private final LoginCheck login;

	private final RecordEndpoint records;

	private final BatchEndpoint batches;

	private final SuiteQlEndpoint suiteQl;

	private final DatasetEndpoint datasets;

	private final SystemEndpoint system;

	private final RestletEndpoint restlets;

	private final OAuth2TokenEndpoint tokens;

	private final Faults faults;

	private final HostileAnswers hostile;

	private final Traffic traffic;

	NetSuiteDoubleHandler(NetSuiteDouble netSuite) {
		this.netSuite = netSuite;
		this.faults = netSuite.faults();
		this.hostile = netSuite.hostileAnswers();
		this.traffic = netSuite.traffic();
		this.login = new LoginCheck(netSuite);
		this.records = new RecordEndpoint(netSuite);
		this.batches = new BatchEndpoint(netSuite, this.records);
		this.suiteQl = new SuiteQlEndpoint(netSuite);
		this.datasets = new DatasetEndpoint(netSuite);
		this.system = new SystemEndpoint(netSuite);
		this.restlets = new RestletEndpoint(netSuite);
		this.tokens = new OAuth2TokenEndpoint(netSuite);
	}

	@Override
	public String getName() {
		return "netsuite-double";
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		// Every answer tells the double's clock, as NetSuite's do: clients measure skew with it.
		Call call = new Call(serveEvent.getRequest());
		return this.hostile.spoil(handle(call))
			.header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(this.netSuite.now().atZone(ZoneOffset.UTC)))
			.toResponseDefinition();
	}

	private Reply handle(Call call) {
		this.traffic.countRequest();
		this.traffic.record(call);
		boolean tokenPath = call.path.equals(OAuth2TokenEndpoint.PATH);
		boolean tokenRequest = this.netSuite.isOAuth2Enabled() && tokenPath;
		if (tokenRequest) {
			this.traffic.countTokenRequest();
		}
		// A proxy or the network answers in NetSuite's place: nothing runs
		Reply instead = this.hostile.instead(call, tokenPath);
		if (instead != null) {
			return instead;
		}
		if (tokenRequest) {
			// Held before admission, so that a hanging token endpoint takes no slot of the others
			this.hostile.holdTokenRequest();
		}
		if (!this.traffic.tryEnter(this.faults.concurrencyLimit())) {
			return throttled(call);
		}
		try {
			// A synchronous record write costs more than a read, as in NetSuite
			sleep(this.faults.latency(isSynchronousRecordWrite(call)));
			int failure = this.faults.takeFailure();
			if (failure == 429) {
				// Throttling as NetSuite answers it, not a generic error with its status
				return throttled(call);
			}
			if (failure != 0) {
				return ErrorReplies.of(call, failure, "UNEXPECTED_ERROR", INJECTED_FAILURE);
			}
			if (tokenRequest) {
				// The assertion is its login: the endpoint checks and audits it
				Reply reply = this.tokens.handle(call);
				// Processed (a token issued, the jti used), but the answer never reaches the client
				if (this.hostile.takeLostTokenAnswer()) {
					this.traffic.countLostAnswer();
					return Reply.lost();
				}
				return reply;
			}
			String reason = this.login.reason(call);
			this.traffic.audit(new LoginAttempt(this.netSuite.now(), call.method, call.path, reason));
			if (!reason.equals(TbaVerifier.SUCCESS)) {
				return this.login.failure(call, reason);
			}
			Reply reply = call.restlet ? this.restlets.handle(call) : rest(call);
			// Executed, but the answer never reaches the client
			if (isWrite(call) && this.faults.takeLostAnswer()) {
				this.traffic.countLostAnswer();
				return Reply.lost();
			}
			return reply;
		}
		finally {
			// Released before WireMock writes the response: a client that has its answer
			// must never find its slot still taken
			this.traffic.exit();
		}
	}

	// REST answers 429 CONCURRENCY_LIMIT_EXCEEDED, RESTlets 400 SSS_REQUEST_LIMIT_EXCEEDED
	private static Reply throttled(Call call) {
		return call.restlet ? ErrorReplies.restlet(400, "SSS_REQUEST_LIMIT_EXCEEDED", THROTTLED)
				: ErrorReplies.rest(429, "CONCURRENCY_LIMIT_EXCEEDED", THROTTLED, Map.of());
	}

	private Reply rest(Call call) {
		if (!call.path.startsWith(REST_PREFIX)) {
			return ErrorReplies.notFound(call);
		}
		if (call.method.equals("OPTIONS")) {
			return Reply.noContent();
		}
		if (call.path.startsWith(AsyncEndpoint.PREFIX)) {
			return this.netSuite.data().jobs().handle(call);
		}
		if (BatchEndpoint.isBatch(call)) {
			return this.batches.submit(call);
		}
		if (AsyncEndpoint.isAsync(call)) {
			return this.netSuite.data().jobs().submit(call, () -> execute(call));
		}
		return execute(call);
	}

	private Reply execute(Call call) {
		if (call.path.equals(SuiteQlEndpoint.PATH)) {
			return this.suiteQl.handle(call);
		}
		if (DatasetEndpoint.serves(call)) {
			return this.datasets.handle(call);
		}
		if (call.path.startsWith(SystemEndpoint.PREFIX)) {
			return this.system.handle(call);
		}
		if (call.path.startsWith(RecordEndpoint.PREFIX)) {
			return this.records.handle(call);
		}
		return ErrorReplies.notFound(call);
	}

	// What changes data: not a read, nor a SuiteQL query (a POST that only reads)
	private static boolean isWrite(Call call) {
		return switch (call.method) {
			case "GET", "HEAD", "OPTIONS" -> false;
			default -> !call.path.equals(SuiteQlEndpoint.PATH);
		};
	}

	// What the account's request processing pays for in full: a record write answered when done
	private static boolean isSynchronousRecordWrite(Call call) {
		return call.path.startsWith(RecordEndpoint.PREFIX) && isWrite(call) && !AsyncEndpoint.isAsync(call);
	}

	static void sleep(Duration latency) {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
