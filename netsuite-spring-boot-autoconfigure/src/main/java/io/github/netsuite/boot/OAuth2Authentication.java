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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.netsuite.boot.NetSuiteConnectionException.Reason;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.ClientAssertions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * OAuth 2.0 client credentials (machine to machine): every attempt carries
 * {@code Authorization: Bearer} with the account's access token. The token is fetched
 * with a signed client assertion, kept and shared by all threads, and renewed ahead of its
 * expiry by one request at a time while the others go on with the valid one. A login
 * failure fetches a new token (once for all the calls refused with the same one) and the
 * request is repeated once.
 * <p>
 * One fetch at a time: callers that need a token while a fetch is in flight wait on that
 * fetch, and when it fails they all fail at once with its error; the next caller starts a
 * new fetch. A waiting caller gives up when the fetch's own time is over (its attempts'
 * start window and one request's timeout), with a {@link NetSuiteTimeoutException}.
 * <p>
 * Every token request carries a new assertion (new {@code jti} and {@code iat}): a
 * repeated one is a replay NetSuite refuses. So the token client must not repeat requests
 * itself (no {@link RetryInterceptor}); this class repeats a fetch with a new assertion
 * after a connection failure, a lost answer (the connection closed or reset before it),
 * a 5xx or a 429, with back-off, as its {@link Retry} allows. A read timeout is not
 * repeated: a hanging endpoint would hold every caller for another timeout. It never
 * follows a redirect: a 3xx is a {@link NetSuiteRedirectException}.
 *
 * @author NetSuite Spring Boot team
 */
final class OAuth2Authentication implements NetSuiteAuthentication {

	/**
	 * What to check when NetSuite refuses the client assertion or the access token, in the
	 * words of NetSuite's setup screens.
	 */
	static final String CHECKLIST = checklist("netsuite");

	// NetSuite refuses an expired certificate: warn while there is time to map a new one.
	private static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

	private static final Log logger = LogFactory.getLog(OAuth2Authentication.class);

	private static final String NOT_A_TOKEN_ANSWER = "NetSuite's token endpoint answers JSON with an access "
			+ "token: check netsuite.oauth2.token-url and any proxy on the way";

	// The largest token answer read; NetSuite's are well under a kilobyte.
	private static final int MAX_TOKEN_ANSWER = 64 * 1024;

	private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	// Renew this long before expiry at most, so that a token never runs out mid-request.
	private static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

	// Beyond a fetch's own time, for the fetching thread to hand its outcome over.
	private static final Duration WAIT_SLACK = Duration.ofSeconds(1);

	// The starter's defaults: connect-timeout 10s plus read-timeout 2m.
	private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(130);

	private final ClientAssertions assertions;

	private final RestClient tokenClient;

	private final Clock clock;

	private final Retry retry;

	private final Duration requestTimeout;

	private final AtomicReference<@Nullable AccessToken> token = new AtomicReference<>();

	private final AtomicReference<@Nullable Fetch> inFlight = new AtomicReference<>();

	/**
	 * Create an authentication whose token requests are repeated as {@link Retry#DEFAULT}
	 * allows, each expected to end within the starter's default connect and read timeouts.
	 * @param assertions makes the client assertions, and knows the token URL
	 * @param tokenClient the client for the token endpoint, with the account's permits
	 * and observation but without authentication or retry of its own
	 * @param clock the clock that tells tokens' ages
	 */
	OAuth2Authentication(ClientAssertions assertions, RestClient tokenClient, Clock clock) {
		this(assertions, tokenClient, clock, Retry.DEFAULT, DEFAULT_REQUEST_TIMEOUT);
	}

	/**
	 * Create an authentication.
	 * @param assertions makes the client assertions, and knows the token URL
	 * @param tokenClient the client for the token endpoint, with the account's permits
	 * and observation but without authentication or retry of its own
	 * @param clock the clock that tells tokens' ages
	 * @param retry how a token request that got no usable answer is repeated
	 * @param requestTimeout the longest one token request may take (waiting for a permit,
	 * connecting, the answer): callers waiting on a fetch give up once no attempt may start
	 * any more and this much more has passed
	 * @since 0.1.0
	 */
	OAuth2Authentication(ClientAssertions assertions, RestClient tokenClient, Clock clock, Retry retry,
			Duration requestTimeout) {
		this.assertions = Objects.requireNonNull(assertions, "assertions");
		this.tokenClient = Objects.requireNonNull(tokenClient, "tokenClient");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.retry = Objects.requireNonNull(retry, "retry");
		this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
		Assert.isTrue(!requestTimeout.isNegative(), "'requestTimeout' must not be negative");
	}

	@Override
	public void prepare() throws IOException {
		currentToken();
	}

	// On the wire, holding a permit: the token prepare() made ready, even one found
	// refused meanwhile (NetSuite's 401 then renews it), never a fetch that would wait for
	// a permit of its own while holding one (unless nothing was ever prepared).
	@Override
	public void authenticate(HttpRequest request, byte[] body) throws IOException {
		AccessToken current = this.token.get();
		request.getHeaders().setBearerAuth(((current != null) ? current : currentToken()).value());
	}

	// Only marks the refused token expired, without waiting on a renewal in progress (the
	// caller still holds its answer, and with it a permit): the next prepare() fetches a
	// new token outside the permit. Calls refused with the same token share that fetch.
	@Override
	public boolean renew(HttpRequest request, NetSuiteError error) {
		String refused = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		AccessToken current = this.token.get();
		if (current != null && ("Bearer " + current.value()).equals(refused)) {
			this.token.compareAndSet(current, current.expired());
		}
		return true;
	}

	@Override
	public String description() {
		return "OAuth 2.0 client credentials";
	}

	@Override
	public boolean requestsTokens() {
		return true;
	}

	@Override
	public String failureHint(NetSuiteError error) {
		return CHECKLIST;
	}

	/**
	 * Return when the certificate uploaded to the M2M setup expires.
	 * @return the expiry, or {@code null} when {@code netsuite.oauth2.certificate} was not
	 * given
	 */
	@Nullable Instant certificateExpiry() {
		return this.assertions.credentials().certificateExpiry();
	}

	/**
	 * Return how long the current access token has left.
	 * @return the remaining lifetime, or {@code null} when no token was fetched yet
	 */
	@Nullable Duration remainingLifetime() {
		AccessToken current = this.token.get();
		if (current == null) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), current.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * Describe the credentials while they work: how long the access token has left and,
	 * with the certificate configured, when it expires, with a warning from 30 days before.
	 */
	@Override
	public Map<String, Object> details(String properties) {
		Map<String, Object> details = new LinkedHashMap<>();
		Duration tokenLifetime = remainingLifetime();
		if (tokenLifetime != null) {
			details.put("accessTokenExpiresIn", lifetime(tokenLifetime));
		}
		Instant certificateExpiry = certificateExpiry();
		if (certificateExpiry != null) {
			details.put("certificateExpires", certificateExpiry.toString());
			Duration left = Duration.between(this.clock.instant(), certificateExpiry);
			if (left.compareTo(CERTIFICATE_WARNING) < 0) {
				details.put("certificateWarning", "The M2M certificate "
						+ (left.isNegative() ? "expired on " : "expires on ") + certificateExpiry
						+ ": create a new key and certificate, map it in Setup > Integration > Manage "
						+ "Authentication > OAuth 2.0 Client Credentials (M2M) Setup, and configure " + properties
						+ ".oauth2.certificate-id, private-key and certificate before then");
			}
		}
		return details;
	}

	/**
	 * Explain refused client credentials with the {@link #CHECKLIST}, naming the
	 * account's own properties.
	 */
	@Override
	public Map<String, Object> refusalDetails(NetSuiteAuthenticationException refusal, AccountId account,
			String properties, @Nullable Duration clockSkew) {
		return Map.of("checklist", checklist(properties));
	}

	private static String checklist(String properties) {
		String oauth2 = properties + ".oauth2.";
		return "NetSuite refused the OAuth 2.0 client credentials. Check, in order: " + oauth2 + "certificate-id and "
				+ oauth2 + "private-key belong together (the certificate uploaded in Setup > Integration > Manage "
				+ "Authentication > OAuth 2.0 Client Credentials (M2M) Setup is the private key's); that mapping's "
				+ "certificate is not revoked or expired (a revoked one needs a new mapping); the integration record "
				+ "(Setup > Integration > Manage Integrations) has 'Client Credentials (Machine to Machine) Grant' "
				+ "checked and allows the scopes in " + oauth2 + "scopes, and " + oauth2 + "client-id is its client "
				+ "ID; the mapping's entity and role are active and the role has REST Web Services (a 'Web Services "
				+ "Only' role cannot call RESTlets); this server's clock is right; a sandbox refresh clears the M2M "
				+ "setup, so map the certificate again after one. The real reason is in Setup > Users/Roles > User "
				+ "Management > View Login Audit Trail";
	}

	// 350ms, 2.5s, 7m 3s, 1h 2m 0s
	private static String lifetime(Duration duration) {
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return duration.toMillis() + "ms";
		}
		if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
			return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
		}
		String minutesAndSeconds = duration.toMinutesPart() + "m " + duration.toSecondsPart() + "s";
		return (duration.toHours() > 0) ? duration.toHours() + "h " + minutesAndSeconds : minutesAndSeconds;
	}

	private AccessToken currentToken() throws IOException {
		AccessToken current = this.token.get();
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.renewAt())) {
			return current;
		}
		if (current != null && now.isBefore(current.expiresAt())) {
			return renewAhead(current);
		}
		while (true) {
			Fetch fetch = this.inFlight.get();
			if (fetch != null) {
				AccessToken awaited = await(fetch);
				if (awaited != null) {
					return awaited;
				}
				continue;
			}
			fetch = newFetch();
			if (this.inFlight.compareAndSet(null, fetch)) {
				// A fetch that ended between the look at the token and this one's start
				// may have left a valid token.
				current = this.token.get();
				if (current != null && this.clock.instant().isBefore(current.expiresAt())) {
					succeed(fetch, current);
					return current;
				}
				return run(fetch);
			}
		}
	}

	// One thread renews; the others go on with the token that is still valid (and, should
	// it run out meanwhile, wait on that renewal).
	private AccessToken renewAhead(AccessToken current) {
		Fetch fetch = newFetch();
		if (!this.inFlight.compareAndSet(null, fetch)) {
			return current;
		}
		AccessToken latest = this.token.get();
		if (latest != null && latest != current && this.clock.instant().isBefore(latest.renewAt())) {
			succeed(fetch, latest);
			return latest;
		}
		try {
			return run(fetch);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not renew the NetSuite access token ahead of its expiry (" + ex.getMessage()
					+ "); going on with the current one, valid until " + current.expiresAt());
			return current;
		}
	}

	// Its callers wait no longer than the attempts' start window and one request's timeout.
	private Fetch newFetch() {
		return new Fetch(System.nanoTime() + this.retry.maxElapsed().plus(this.requestTimeout).toNanos());
	}

	private AccessToken run(Fetch fetch) throws IOException {
		AccessToken fetched;
		try {
			fetched = fetchWithRetries();
		}
		catch (IOException | RuntimeException | Error ex) {
			fail(fetch, ex);
			throw ex;
		}
		this.token.set(fetched);
		succeed(fetch, fetched);
		return fetched;
	}

	// Out of flight first, so that a caller arriving after the outcome starts a new fetch.
	private void succeed(Fetch fetch, AccessToken fetched) {
		this.inFlight.compareAndSet(fetch, null);
		fetch.token.complete(fetched);
	}

	private void fail(Fetch fetch, Throwable failure) {
		this.inFlight.compareAndSet(fetch, null);
		fetch.token.completeExceptionally(failure);
	}

	// The fetch's outcome, its very error included, or a timeout once its time is over;
	// null when the fetching thread was interrupted, which is no answer for the others.
	private @Nullable AccessToken await(Fetch fetch) throws IOException {
		long wait = fetch.deadline - System.nanoTime() + WAIT_SLACK.toNanos();
		try {
			return fetch.token.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			Throwable failure = ex.getCause();
			if (isInterruption(failure)) {
				return null;
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof IOException io) {
				throw io;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("The access token request failed", failure);
		}
		catch (TimeoutException ex) {
			throw new NetSuiteTimeoutException(this.retry.maxElapsed().plus(this.requestTimeout),
					"netsuite.read-timeout", false, "POST", this.assertions.tokenUrl().getRawPath(),
					"the access token request in progress did not end within the time its attempts are given "
							+ "(netsuite.connect-timeout, netsuite.read-timeout, netsuite.concurrency.acquire-timeout, "
							+ "netsuite.retry.max-elapsed)",
					null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for NetSuite's access token");
		}
	}

	// Exactly an interruption: a SocketTimeoutException is an InterruptedIOException too.
	private static boolean isInterruption(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass() == InterruptedIOException.class || cause instanceof InterruptedException) {
				return true;
			}
		}
		return false;
	}

	// A new assertion for every attempt: the token endpoint refuses a repeated one.
	private AccessToken fetchWithRetries() throws IOException {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				return fetch(attempt);
			}
			catch (RuntimeException ex) {
				if (attempt >= this.retry.maxAttempts() || !isRepeatable(ex)) {
					throw ex;
				}
				Duration backoff = this.retry.backoff(attempt);
				if (System.nanoTime() + backoff.toNanos() - start > this.retry.maxElapsed().toNanos()) {
					throw ex;
				}
				logger.debug("Repeating NetSuite's access token request with a new assertion after: "
						+ ex.getMessage());
				sleep(backoff);
			}
		}
	}

	// No answer and no timeout (refused, reset, closed before answering), a 5xx or a 429.
	private static boolean isRepeatable(RuntimeException ex) {
		if (ex instanceof NetSuiteServerException || ex instanceof NetSuiteConcurrencyLimitException) {
			return true;
		}
		if (ex instanceof NetSuiteConnectionException connection) {
			return connection.getReason() != Reason.READ_TIMEOUT;
		}
		if (ex instanceof ResourceAccessException && ex.getCause() instanceof IOException io) {
			Reason reason = NetSuiteConnectionInterceptor.reason(io);
			return reason != null && reason != Reason.READ_TIMEOUT;
		}
		return false;
	}

	private static void sleep(Duration backoff) throws InterruptedIOException {
		try {
			Thread.sleep(backoff.toMillis(), backoff.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while backing off before repeating the access token request");
		}
	}

	private AccessToken fetch(int attempt) {
		String form = "grant_type=client_credentials&client_assertion_type="
				+ URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8) + "&client_assertion="
				+ URLEncoder.encode(this.assertions.next(), StandardCharsets.UTF_8);
		Instant sent = this.clock.instant();
		return this.tokenClient.post()
			.uri(this.assertions.tokenUrl())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.TOKEN)
			.attribute(NetSuiteRequests.ATTEMPT_ATTRIBUTE, attempt)
			// Never the same body twice: this class repeats it with a new assertion.
			.attribute(NetSuiteRequests.IDEMPOTENT_ATTRIBUTE, false)
			.body(form)
			.exchange((request, response) -> read(request, response, sent), true);
	}

	private AccessToken read(HttpRequest request, ClientHttpResponse response, Instant sent) throws IOException {
		int status = response.getStatusCode().value();
		String path = this.assertions.tokenUrl().getRawPath();
		if (status >= 300 && status < 400) {
			// Never followed nor re-posted: the assertion goes to the token URL alone.
			throw new NetSuiteRedirectException(status, request.getURI(), response.getHeaders().getFirst(HttpHeaders.LOCATION),
					"POST", path, "check netsuite.oauth2.token-url and netsuite.rest-url, and any proxy on the way");
		}
		if (status < 200 || status >= 300) {
			// Read once on the wire, as every error answer of the account's.
			NetSuiteError error = NetSuiteRequests.error(request);
			if (error == null) {
				error = NetSuiteError.of(status, response.getHeaders(), response.getBody().readNBytes(MAX_TOKEN_ANSWER));
			}
			if (status == 429) {
				throw new NetSuiteConcurrencyLimitException(status, error.errorCode(), error.detail(), "POST", path,
						"NetSuite's token endpoint refused more requests for now; lower netsuite.concurrency.limit "
								+ "or spread the load");
			}
			if (status >= 500) {
				throw new NetSuiteServerException(status, error.errorCode(), error.detail(), "POST", path,
						"NetSuite's token endpoint did not answer; requests go on once it does");
			}
			throw new NetSuiteAuthenticationException(status, error.errorCode(), error.detail(), "POST", path,
					CHECKLIST);
		}
		// A token answer is a few hundred bytes: a larger one is no token answer.
		byte[] body = response.getBody().readNBytes(MAX_TOKEN_ANSWER + 1);
		String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		JsonNode json = (body.length <= MAX_TOKEN_ANSWER) ? json(body) : null;
		if (json == null) {
			throw new NetSuiteUnreadableAnswerException(
					(body.length <= MAX_TOKEN_ANSWER) ? NetSuiteUnreadableAnswerException.Reason.NOT_JSON
						: NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, status, contentType, false,
					"POST", path, NOT_A_TOKEN_ANSWER);
		}
		String value = text(json, "access_token");
		String expiresIn = text(json, "expires_in");
		if (value == null || expiresIn == null || !expiresIn.matches("\\d{1,9}")) {
			throw new NetSuiteUnreadableAnswerException(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, status,
					contentType, false, "POST", path, "the answer has no access_token or expires_in; "
							+ NOT_A_TOKEN_ANSWER);
		}
		Duration lifetime = Duration.ofSeconds(Long.parseLong(expiresIn));
		Instant expiresAt = sent.plus(lifetime);
		Duration ahead = (lifetime.dividedBy(4).compareTo(RENEW_AHEAD) < 0) ? lifetime.dividedBy(4) : RENEW_AHEAD;
		return new AccessToken(value, expiresAt.minus(ahead), expiresAt);
	}

	private static @Nullable JsonNode json(byte[] body) {
		try {
			return (body.length > 0) ? JsonMapper.shared().readTree(body) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode json, String field) {
		return (json != null && json.path(field).isValueNode() && !json.path(field).isNull())
				? json.path(field).asString() : null;
	}

	@Override
	public String toString() {
		return "OAuth2Authentication[tokenUrl=" + this.assertions.tokenUrl() + "]";
	}

	/**
	 * How a token request that got no usable answer is repeated, each time with a new
	 * client assertion: after a connection failure, a lost answer, a 5xx or a 429, with
	 * exponential back-off and full jitter, while attempts are left and the back-off ends
	 * within {@code maxElapsed} of the first attempt. The same shape as the account's
	 * {@code netsuite.retry.*}.
	 *
	 * @param maxAttempts the most attempts per fetch, the first included
	 * @param initialBackoff the back-off ceiling before the second attempt; it doubles for
	 * each further attempt
	 * @param maxBackoff the largest back-off ceiling
	 * @param maxElapsed the longest time from the first attempt after which no further
	 * attempt starts
	 * @since 0.1.0
	 */
	record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {

		/**
		 * As {@code netsuite.retry.*}'s defaults: 4 attempts, back-off from 500ms up to 10s,
		 * none started after 60s.
		 */
		static final Retry DEFAULT = new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(10),
				Duration.ofSeconds(60));

		/**
		 * One attempt, never repeated.
		 */
		static final Retry NONE = new Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

		/**
		 * Check the policy.
		 * @param maxAttempts the most attempts per fetch, the first included
		 * @param initialBackoff the back-off ceiling before the second attempt
		 * @param maxBackoff the largest back-off ceiling
		 * @param maxElapsed the longest time after which no further attempt starts
		 */
		Retry {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			Assert.notNull(initialBackoff, "'initialBackoff' must not be null");
			Assert.notNull(maxBackoff, "'maxBackoff' must not be null");
			Assert.notNull(maxElapsed, "'maxElapsed' must not be null");
		}

		Duration backoff(int attempt) {
			long ceiling = Math.min(this.maxBackoff.toNanos(), this.initialBackoff.toNanos() << Math.min(attempt - 1, 30));
			return Duration.ofNanos(ThreadLocalRandom.current().nextLong(Math.max(ceiling, 1)));
		}

	}

	/**
	 * The fetch in flight: its outcome, shared by the callers that wait on it, and the
	 * moment after which they stop waiting.
	 */
	private record Fetch(CompletableFuture<AccessToken> token, long deadline) {

		Fetch(long deadline) {
			this(new CompletableFuture<>(), deadline);
		}

	}

	/**
	 * An access token and when it is to be renewed and runs out; never printed.
	 */
	private record AccessToken(String value, Instant renewAt, Instant expiresAt) {

		AccessToken expired() {
			return new AccessToken(this.value, Instant.MIN, Instant.MIN);
		}

		@Override
		public String toString() {
			return "AccessToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
