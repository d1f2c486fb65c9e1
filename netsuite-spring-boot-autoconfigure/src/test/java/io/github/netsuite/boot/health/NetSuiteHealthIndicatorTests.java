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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteError;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteHealthIndicator} against NetSuite's answers as the protocol
 * notes record them.
 */
class NetSuiteHealthIndicatorTests {

	static final String INVALID_LOGIN_BODY = """
			{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,
			 "o:errorDetails":[{"detail":"Invalid login attempt. For more details, see the Login Audit Trail in the \
			NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.","o:errorCode":"INVALID_LOGIN"}]}""";

	static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit Trail in "
			+ "the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

	static final String ROLE_DISABLED_BODY = """
			{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,
			 "o:errorDetails":[{"detail":"Login access has been disabled for this role.","o:errorCode":"INVALID_LOGIN"}]}""";

	static final String[] SECRETS = { "consumer-key-1", "consumer-secret-2", "token-id-3", "token-secret-4" };

	// NetSuite's Date header and serverTime are in step; the local clock is what moves.
	private static final Instant NOW = Instant.parse("2025-03-26T16:21:00Z");

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void startServer() {
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void upWithRealmUrlLatencyServerTimeAndSkewWhenServerTimeAnswers() {
		stubServerTime(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"serverTime\":\"2025-03-26T16:21:00.000Z\"}"));
		Health health = indicator(NOW.plusMillis(1500)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(withoutLatency(health)).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "1234567_SB1", "restUrl",
				restUrl(), "check", "GET /services/rest/system/v1/serverTime", "serverTime", "2025-03-26T16:21:00Z",
				"clockSkew", "+1.5s"));
		assertThat(health.getDetails().get("latency")).asString().matches("\\d+ms");
	}

	@Test
	void upWithAWarningWhenTheClockIsMoreThanAMinuteOff() {
		stubServerTime(aResponse().withStatus(200).withBody("{\"serverTime\":\"2025-03-26T16:21:00.000Z\"}"));
		Health health = indicator(NOW.minusSeconds(150)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("clockSkew", "-2m 30s")
			.containsEntry("clockSkewWarning", "The local clock is 2m 30s behind NetSuite's; NetSuite refuses "
					+ "signatures more than about 5 minutes off. Synchronize the clock (NTP)");
	}

	@Test
	void downWithNetSuiteTextAndTheFixWhenLoginAccessIsDisabledForTheRole() {
		stubServerTime(unauthorized(ROLE_DISABLED_BODY));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "1234567_SB1", "restUrl",
				restUrl(), "check", "GET /services/rest/system/v1/serverTime", "status", 401, "errorCode",
				"INVALID_LOGIN", "error", "Login access has been disabled for this role.", "fix",
				roleDisabledFix()));
	}

	@Test
	void roleDisabledFixNamesNetSuiteSetupScreensAndPermissions() {
		assertThat(roleDisabledFix()).contains("User Access Tokens",
				"Access Token Management", "REST Web Services", "Access > Roles", "Setup > Users/Roles > Access Tokens > New",
				"netsuite.token-id", "netsuite.token-secret");
	}

	@Test
	void downWithTheFixWhenRoleDisabledIsOnlyInTheAuthenticateHeader() {
		stubServerTime(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "OAuth realm=\"1234567_SB1\", error=\"token_rejected\", "
					+ "error_description=\"Login access has been disabled for this role.\"")
			.withBody(INVALID_LOGIN_BODY));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "Login access has been disabled for this role.")
			.containsEntry("fix", roleDisabledFix())
			.doesNotContainKey("checklist");
	}

	@Test
	void downWithAChecklistInOrderOfLikelihoodOnInvalidLogin() {
		stubServerTime(unauthorized(INVALID_LOGIN_BODY).withHeader("Date", "Wed, 26 Mar 2025 16:21:00 GMT"));
		Health health = indicator(NOW.plusSeconds(2)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "status", "errorCode", "error",
				"checklist")
			.containsEntry("status", 401)
			.containsEntry("errorCode", "INVALID_LOGIN")
			.containsEntry("error", INVALID_LOGIN_DETAIL);
		assertThat(checklist(health)).containsExactly(
				"Account ID: netsuite.account is 1234567_SB1; it must be the account's ID as on Setup > Company > "
						+ "Company Information, sandboxes with their suffix (1234567_SB1, not 1234567)",
				"Integration record (Setup > Integration > Manage Integrations): State Enabled, Token-based "
						+ "Authentication checked, and netsuite.consumer-key and netsuite.consumer-secret are from "
						+ "this record",
				"Feature: Setup > Company > Enable Features > SuiteCloud > Manage Authentication > Token-based "
						+ "Authentication is checked",
				"Token role: the access token's role has the permissions User Access Tokens, Access Token "
						+ "Management and REST Web Services (Setup > Users/Roles > Manage Roles)",
				"Token: netsuite.token-id and netsuite.token-secret belong to an access token of this account that "
						+ "is not revoked (Setup > Users/Roles > Access Tokens); a sandbox refresh replaces the "
						+ "sandbox's tokens, so create a new one there after each refresh",
				"Clock: this server's clock is 2s ahead of NetSuite's (measured with NetSuite's Date header), "
						+ "within the 5 minutes NetSuite allows",
				"The real reason: Setup > Users/Roles > User Management > View Login Audit Trail, the entry of the "
						+ "token's user at the time of this check (its Detail column)");
	}

	@Test
	void putsAMeasuredClockSkewBeyondFiveMinutesFirstOnInvalidLogin() {
		stubServerTime(unauthorized(INVALID_LOGIN_BODY).withHeader("Date", "Wed, 26 Mar 2025 16:21:00 GMT"));
		Health health = indicator(NOW.plusSeconds(7 * 60 + 3)).health();
		assertThat(checklist(health)).hasSize(7)
			.first()
			.isEqualTo("Clock: this server's clock is 7m 3s ahead of NetSuite's (measured with NetSuite's Date "
					+ "header); NetSuite refuses timestamps more than about 5 minutes off: synchronize the clock (NTP)");
	}

	@Test
	void upAndSaysSoWhenNetSuiteThrottles() {
		stubServerTime(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":429,\"o:errorDetails\":[{\"detail\":\"Concurrency limit exceeded.\","
					+ "\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}"));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(withoutLatency(health)).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "1234567_SB1", "restUrl",
				restUrl(), "check", "GET /services/rest/system/v1/serverTime", "throttled",
				"NetSuite answered 429 CONCURRENCY_LIMIT_EXCEEDED: the account's concurrency limit was reached. "
						+ "The credentials work; requests wait for a free slot or fail until one frees up "
						+ "(see netsuite.concurrency.limit)"));
	}

	@Test
	void downNamingTheTimeoutWhenNetSuiteIsSlow() {
		stubServerTime(aResponse().withStatus(200).withFixedDelay(3000).withBody("{\"serverTime\":\"x\"}"));
		long start = System.nanoTime();
		Health health = indicator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1)).health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "error")
			.containsEntry("error", "NetSuite did not answer within 1s (netsuite.health.timeout)");
	}

	@Test
	void downNamingTheCauseWhenNetSuiteCannotBeReached() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		NetSuiteAccount account = account(URI.create("http://127.0.0.1:" + closedPort));
		Health health = new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO,
				Clock.fixed(NOW, ZoneOffset.UTC))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "error")
			.containsEntry("restUrl", "http://127.0.0.1:" + closedPort);
		assertThat(health.getDetails().get("error")).asString()
			.startsWith("Could not reach NetSuite at 127.0.0.1:" + closedPort + ": ");
	}

	@Test
	void fallsBackToOptionsForGoodWhenServerTimeIsMissing() {
		stubServerTime(aResponse().withStatus(404));
		this.server.stubFor(request("OPTIONS", urlEqualTo("/services/rest/*")).willReturn(aResponse().withStatus(204)));
		NetSuiteHealthIndicator indicator = indicator(NOW);
		Health first = indicator.health();
		Health second = indicator.health();
		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(withoutLatency(first)).containsExactlyInAnyOrderEntriesOf(
				Map.of("realm", "1234567_SB1", "restUrl", restUrl(), "check", "OPTIONS /services/rest/*"));
		assertThat(second.getStatus()).isEqualTo(Status.UP);
		assertThat(this.server.findAll(anyRequestedFor(urlEqualTo(NetSuiteHealthIndicator.SERVER_TIME_PATH))))
			.hasSize(1);
	}

	@Test
	void downAskingWhetherRestWebServicesAreEnabledWhenBothChecksAnswer404() {
		stubServerTime(aResponse().withStatus(404));
		this.server.stubFor(request("OPTIONS", urlEqualTo("/services/rest/*")).willReturn(aResponse().withStatus(404)));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("check", "OPTIONS /services/rest/*")
			.containsEntry("status", 404)
			.containsEntry("error", "NetSuite answered 404 to both health checks; is REST Web Services enabled "
					+ "(Setup > Company > Enable Features > SuiteCloud > SuiteTalk (Web Services) > REST Web Services)?");
	}

	@Test
	void reusesTheResultWithinTheCacheTimeToLive() throws InterruptedException {
		stubServerTime(aResponse().withStatus(200).withBody("{\"serverTime\":\"2025-03-26T16:21:00.000Z\"}"));
		NetSuiteAccount account = account(URI.create(restUrl()));
		NetSuiteHealthIndicator indicator = new NetSuiteHealthIndicator(account, requestFactory(),
				Duration.ofSeconds(5), Duration.ofMillis(500), Clock.fixed(NOW, ZoneOffset.UTC));
		Health first = indicator.health();
		assertThat(indicator.health()).isSameAs(first);
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		Thread.sleep(600);
		indicator.health();
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
	}

	@Test
	void downWithoutAChecklistWhenAnApplicationsAuthenticationIsRefusedWithoutAHint() {
		NetSuiteAuthentication refused = new NetSuiteAuthentication() {

			@Override
			public void authenticate(HttpRequest request, byte[] body) {
				throw new NetSuiteAuthenticationException(401, "invalid_client", "The key was revoked", "POST",
						"/token", null);
			}

			@Override
			public String failureHint(NetSuiteError error) {
				return "Check the key";
			}

		};
		NetSuiteAccount account = account(URI.create(restUrl()), refused);
		Health health = new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO,
				Clock.fixed(NOW, ZoneOffset.UTC))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 401)
			.containsEntry("errorCode", "invalid_client")
			.containsEntry("error", "NetSuite's token endpoint refused the client assertion: The key was revoked")
			.doesNotContainKey("checklist");
	}

	@Test
	void putsNoSecretInAnyDetail() {
		// Whatever the client makes of the query
		this.server.stubFor(get(urlPathEqualTo(NetSuiteHealthIndicator.SERVER_TIME_PATH))
			.willReturn(unauthorized(INVALID_LOGIN_BODY)));
		NetSuiteAccount account = account(
				URI.create("http://user:" + SECRETS[1] + "@127.0.0.1:" + this.server.port() + "?t=" + SECRETS[3]));
		Health health = new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO)
			.health();
		assertThat(health.getDetails()).containsEntry("restUrl", restUrl()).containsEntry("status", 401);
		assertThat(health.getDetails().toString()).doesNotContain(SECRETS);
	}

	@Test
	void downNamingTheHostWhenServerTimeAnswersARedirect() {
		stubServerTime(aResponse().withStatus(307)
			.withHeader("Location", "http://127.0.0.2:8443/services/rest/system/v1/serverTime?token=" + SECRETS[3]));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "1234567_SB1", "restUrl",
				restUrl(), "check", "GET /services/rest/system/v1/serverTime", "status", 307, "error",
				"NetSuite answered a redirect to http://127.0.0.2:8443: check netsuite.rest-url"));
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	@Test
	void downNamingTheHostWhenTheClientRefusesARedirect() {
		ClientHttpRequestInterceptor refusesRedirects = (request, body, execution) -> {
			throw new NetSuiteRedirectException(308, "https://proxy.example", "GET", request.getURI().getPath(),
					"check netsuite.rest-url");
		};
		NetSuiteAccount account = account(URI.create(restUrl()), refusesRedirects);
		Health health = new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 308)
			.containsEntry("error", "NetSuite answered a redirect to https://proxy.example: check netsuite.rest-url");
	}

	@Test
	void downSayingTheAnswerIsNotNetSuitesWhenAnHtmlPageAnswers() {
		stubServerTime(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Please sign in to the proxy</body></html>"));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "1234567_SB1", "restUrl",
				restUrl(), "check", "GET /services/rest/system/v1/serverTime", "status", 200, "error",
				"NetSuite answered 200 to GET /services/rest/system/v1/serverTime: an answer that is not JSON "
						+ "(text/html)"));
	}

	@Test
	void downSayingTheAnswerIsNotNetSuitesWhenJsonHasNoServerTime() {
		stubServerTime(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"));
		Health health = indicator(NOW).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "NetSuite answered 200 to GET "
				+ "/services/rest/system/v1/serverTime: an answer not of the shape NetSuite answers (application/json)");
	}

	@Test
	void downNamingTheExceptionTypeWithoutSecretsWhenTheCheckThrows() {
		ClientHttpRequestInterceptor broken = (request, body, execution) -> {
			throw new IllegalStateException("Broken at http://user:" + SECRETS[1] + "@127.0.0.1/x?token=" + SECRETS[3]);
		};
		NetSuiteAccount account = account(URI.create(restUrl()), broken);
		Health health = new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "error")
			.containsEntry("error", "The check failed: java.lang.IllegalStateException: Broken at http://127.0.0.1/x");
	}

	@Test
	void downWithinTheTimeoutWhenTheBodyDripsForever() throws IOException {
		try (HangingServer dripping = HangingServer.dripping()) {
			NetSuiteAccount account = account(URI.create(dripping.url()));
			NetSuiteHealthIndicator indicator = new NetSuiteHealthIndicator(account, requestFactory(),
					Duration.ofSeconds(1), Duration.ZERO);
			long start = System.nanoTime();
			Health health = indicator.health();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsOnlyKeys("realm", "restUrl", "check", "error")
				.containsEntry("error", "NetSuite did not answer within 1s (netsuite.health.timeout)");
			assertThat(dripping.requests()).containsExactly("GET /services/rest/system/v1/serverTime HTTP/1.1");
		}
	}

	@Test
	void concurrentProbesDuringAHangShareOneCheckAndEachAnswerWithinTheTimeout() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(5);
		try (HangingServer silent = HangingServer.silent()) {
			NetSuiteAccount account = account(URI.create(silent.url()));
			NetSuiteHealthIndicator indicator = new NetSuiteHealthIndicator(account, requestFactory(),
					Duration.ofSeconds(1), Duration.ZERO);
			for (int round = 0; round < 2; round++) {
				long start = System.nanoTime();
				List<CompletableFuture<Health>> probes = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					probes.add(CompletableFuture.supplyAsync(indicator::health, threads));
				}
				for (CompletableFuture<Health> probe : probes) {
					assertThat(probe.get(10, TimeUnit.SECONDS).getDetails()).containsEntry("error",
							"NetSuite did not answer within 1s (netsuite.health.timeout)");
				}
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
			}
			assertThat(silent.requests()).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void measuresTheClockSkewFromTheRequestOnTheWireNotFromTheWaitForAPermit() throws Exception {
		this.server.stubFor(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
		stubServerTime(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"serverTime\":\"{{now format=\"yyyy-MM-dd'T'HH:mm:ss.SSSX\" timezone=\"UTC\"}}\"}")
			.withTransformers("response-template"));
		NetSuiteAccount account = account(URI.create(restUrl()), tba(), (builder) -> builder
			.concurrencyLimit(1, Duration.ofSeconds(10))
			.adaptiveLimit(false));
		NetSuitePermits onePermit = account.permits();
		NetSuiteHealthIndicator indicator = new NetSuiteHealthIndicator(account, requestFactory(),
				Duration.ofSeconds(10), Duration.ZERO);
		// Once without waiting, so that WireMock's first templating does not delay the measured answer
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		CompletableFuture<?> busy = CompletableFuture
			.runAsync(() -> account.restClient().get().uri("/busy").retrieve().toBodilessEntity());
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (onePermit.inFlight() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		long start = System.nanoTime();
		Health health = indicator.health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1000));
		busy.join();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		// Was -1s and more: half the wait for the permit
		assertThat((String) health.getDetails().get("clockSkew")).matches("[+-]\\d{1,3}ms");
		assertThat(Long.parseLong(((String) health.getDetails().get("clockSkew")).replaceAll("[^\\d]", "")))
			.isLessThan(500);
		assertThat(Long.parseLong(((String) health.getDetails().get("latency")).replace("ms", ""))).isLessThan(1000);
	}

	@Test
	void namesANamedAccountsOwnKeysInTheInvalidLoginChecklist() {
		stubServerTime(unauthorized(INVALID_LOGIN_BODY));
		Health health = named("eu").health();
		assertThat(checklist(health)).hasSize(7)
			.anySatisfy((item) -> assertThat(item).startsWith("Account ID: netsuite.accounts.eu.account is 1234567_SB1"))
			.anySatisfy((item) -> assertThat(item).contains("netsuite.accounts.eu.consumer-key and "
					+ "netsuite.accounts.eu.consumer-secret"))
			.anySatisfy((item) -> assertThat(item).contains("netsuite.accounts.eu.token-id and "
					+ "netsuite.accounts.eu.token-secret"))
			.noneSatisfy((item) -> assertThat(item).containsPattern("netsuite\\.(account |consumer-|token-)"));
	}

	@Test
	void namesANamedAccountsOwnKeysInTheFixForADisabledRole() {
		stubServerTime(unauthorized(ROLE_DISABLED_BODY));
		Health health = named("eu").health();
		assertThat(health.getDetails()).containsEntry("error", "Login access has been disabled for this role.");
		assertThat(health.getDetails().get("fix")).asString()
			.contains("(netsuite.accounts.eu.token-id, netsuite.accounts.eu.token-secret)")
			.isEqualTo(roleDisabledFix().replace("netsuite.", "netsuite.accounts.eu."));
	}

	@Test
	void namesANamedAccountsOwnKeysWhenThrottledOrRedirected() {
		stubServerTime(aResponse().withStatus(429));
		assertThat(named("eu").health().getDetails().get("throttled")).asString()
			.endsWith("(see netsuite.accounts.eu.concurrency.limit)");
		stubServerTime(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.2:8443/"));
		assertThat(named("eu").health().getDetails()).containsEntry("error",
				"NetSuite answered a redirect to http://127.0.0.2:8443: check netsuite.accounts.eu.rest-url");
	}

	private NetSuiteHealthIndicator named(String name) {
		NetSuiteAccount account = account(URI.create(restUrl()), tba(),
				(builder) -> builder.name(name).noConcurrencyLimit());
		return new NetSuiteHealthIndicator(account, requestFactory(), Duration.ofSeconds(5), Duration.ZERO,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void stubServerTime(ResponseDefinitionBuilder response) {
		this.server.stubFor(get(urlEqualTo(NetSuiteHealthIndicator.SERVER_TIME_PATH)).willReturn(response));
	}

	private static ResponseDefinitionBuilder unauthorized(String body) {
		return aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withHeader("WWW-Authenticate",
					"OAuth realm=\"1234567_SB1\", error=\"token_rejected\", error_description=\"Invalid login attempt.\"")
			.withBody(body);
	}

	// A first check on a loaded machine may take more than a second: tests of the timeout set their own.
	private NetSuiteHealthIndicator indicator(Instant localTime) {
		return indicator(Clock.fixed(localTime, ZoneOffset.UTC), Duration.ofSeconds(5));
	}

	private NetSuiteHealthIndicator indicator(Clock clock, Duration timeout) {
		NetSuiteAccount account = account(URI.create(restUrl()));
		return new NetSuiteHealthIndicator(account, requestFactory(), timeout, Duration.ZERO, clock);
	}

	private String restUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	private static NetSuiteAccount account(URI restUrl, ClientHttpRequestInterceptor... outer) {
		return account(restUrl, tba(), outer);
	}

	// The fix the starter's token-based authentication gives for a role that may not log in
	// with tokens, asked through its public contract.
	private static String roleDisabledFix() {
		NetSuiteAuthenticationException refusal = new NetSuiteAuthenticationException(401, "INVALID_LOGIN",
				"Login access has been disabled for this role.", "GET", "/services/rest/system/v1/serverTime", null);
		Object fix = tba().refusalDetails(refusal, AccountId.of("1234567_SB1"), "netsuite", null).get("fix");
		assertThat(fix).isInstanceOf(String.class);
		return (String) fix;
	}

	private static NetSuiteAuthentication tba() {
		return NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.tba(new TbaCredentials(SECRETS[0], SECRETS[1], SECRETS[2], SECRETS[3]))
			.build()
			.authentication();
	}

	private static NetSuiteAccount account(URI restUrl, NetSuiteAuthentication authentication,
			ClientHttpRequestInterceptor... outer) {
		return account(restUrl, authentication, (builder) -> builder.noConcurrencyLimit(), outer);
	}

	// The account's chain without retry; the given interceptors outermost.
	private static NetSuiteAccount account(URI restUrl, NetSuiteAuthentication authentication,
			UnaryOperator<NetSuiteAccount.Builder> settings, ClientHttpRequestInterceptor... outer) {
		// Redirects not followed, as the starter's; timeouts longer than the checks'; HTTP/1.1, as
		// the JDK's client holds a second request to a host while its first offers an upgrade to h2c.
		return settings.apply(NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.restUrl(restUrl)
			.restletUrl(restUrl)
			.authentication(authentication)
			.noRetry()
			.requestFactory(requestFactory())
			.restClientBuilders(() -> RestClient.builder()
				.requestInterceptors((interceptors) -> interceptors.addAll(List.of(outer)))))
			.build();
	}

	// Redirects not followed, as the starter's; timeouts longer than the checks'; HTTP/1.1, as
	// the JDK's client holds a second request to a host while its first offers an upgrade to h2c.
	private static ClientHttpRequestFactory requestFactory() {
		return ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((httpClient) -> httpClient.version(HttpClient.Version.HTTP_1_1))
			.build(HttpClientSettings.defaults()
				.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
				.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	private static Map<String, Object> withoutLatency(Health health) {
		assertThat(health.getDetails()).containsKey("latency");
		Map<String, Object> details = new java.util.HashMap<>(health.getDetails());
		details.remove("latency");
		return details;
	}

	@SuppressWarnings("unchecked")
	private static List<String> checklist(Health health) {
		return (List<String>) health.getDetails().get("checklist");
	}

}
