package io.github.netsuite.boot.health;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteError;
import io.github.netsuite.boot.NetSuiteErrorDecoder;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteRedirectException;
import io.github.netsuite.boot.NetSuiteTimeoutException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import io.github.netsuite.boot.ConcurrencyGovernor;
import io.github.netsuite.boot.OAuth2Authentication;
import io.github.netsuite.boot.SharedPermits;
import io.github.netsuite.boot.TbaAuthentication;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link HealthIndicator} for a NetSuite account: checks the credentials with one cheap
 * authenticated call and caches the result, so that frequent probes do not spend the
 * account's concurrency.
 * <p>
 * The call is {@code GET /services/rest/system/v1/serverTime}: it is authenticated like
 * every REST call, reads no record (so it needs no permission beyond REST web services),
 * answers a few bytes, and tells NetSuite's clock, which measures the skew that breaks
 * token-based authentication beyond about five minutes. Accounts older than 2025.2 answer
 * it 404; for them the check falls back, for good, to {@code OPTIONS /services/rest/*},
 * equally authenticated and data-free, rather than to a one-row SuiteQL query, which would
 * need a table the role can read.
 * <p>
 * UP: the credentials work, also when NetSuite throttled the call (its concurrency limit
 * was reached, which it checks only for requests it authenticated). DOWN: NetSuite refused
 * the credentials, with what to fix, or did not answer in time, at all, or with something
 * that is not NetSuite's answer (a redirect, an HTML page). The check runs on a thread of
 * the indicator's, one at a time, and a probe waits for it at most the timeout, whatever
 * the network does; a failure is a DOWN, never an exception. Details never carry a
 * secret. {@link #close()} stops the thread.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteHealthIndicator implements HealthIndicator, AutoCloseable {

	static final String SERVER_TIME_PATH = "/services/rest/system/v1/serverTime";

	static final String FALLBACK_PATH = "/services/rest/*";

	private static final String HEALTH_TIMEOUT = "netsuite.health.timeout";

	// When the check's request went on the wire and its answer came back.
	private static final String WIRE_ATTRIBUTE = NetSuiteHealthIndicator.class.getName() + ".wire";

	// NetSuite refuses OAuth timestamps further than this from its clock.
	private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

	// NetSuite refuses an expired certificate: warn while there is time to map a new one.
	private static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

	// A skew this large is worth a warning while the credentials still work.
	private static final Duration SKEW_WARNING = Duration.ofMinutes(1);

	private static final int MAX_BODY = 64 * 1024;

	private final NetSuiteAccount account;

	private final RestClient restClient;

	private final Duration timeout;

	private final long cacheTtlNanos;

	private final Clock clock;

	private final NetSuiteErrorDecoder errors;

	private final ThreadPoolExecutor executor;

	private @Nullable CompletableFuture<Health> inFlight;

	private volatile boolean serverTimeAvailable = true;

	private volatile @Nullable Health cached;

	private volatile long cachedAt;

	/**
	 * Create an indicator.
	 * @param account the account to check
	 * @param restClient a client signed for the account with the REST web services base
	 * URL, whose request factory gives up after {@code timeout}
	 * @param timeout how long a probe waits for the check
	 * @param cacheTtl how long a result is reused; zero checks on every call
	 */
	public NetSuiteHealthIndicator(NetSuiteAccount account, RestClient restClient, Duration timeout,
			Duration cacheTtl) {
		this(account, restClient, timeout, cacheTtl, Clock.systemUTC());
	}

	NetSuiteHealthIndicator(NetSuiteAccount account, RestClient restClient, Duration timeout, Duration cacheTtl,
			Clock clock) {
		this.account = Objects.requireNonNull(account, "account");
		// Innermost, so that the wait for a permit or a token counts neither as latency nor as skew.
		this.restClient = Objects.requireNonNull(restClient, "restClient")
			.mutate()
			.requestInterceptor(this::onTheWire)
			.build();
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		this.cacheTtlNanos = Objects.requireNonNull(cacheTtl, "cacheTtl").toNanos();
		this.clock = Objects.requireNonNull(clock, "clock");
		this.errors = new NetSuiteErrorDecoder(account.authentication());
		// One daemon thread, gone when idle: a check that hangs holds it, never a probe.
		this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "netsuite-health-" + account.name());
			thread.setDaemon(true);
			return thread;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	@Override
	public Health health() {
		return withSharedPermits(checked());
	}

	// One check at a time: a probe that comes while one runs waits for it, at most the timeout.
	private Health checked() {
		CompletableFuture<Health> check;
		synchronized (this) {
			Health health = fresh();
			if (health != null) {
				return health;
			}
			if (this.executor.isShutdown()) {
				return currentDown().withDetail("error", "Not checked: the indicator is closed").build();
			}
			if (this.inFlight == null || this.inFlight.isDone()) {
				this.inFlight = CompletableFuture.supplyAsync(this::check, this.executor);
			}
			check = this.inFlight;
		}
		Health health = await(check);
		this.cached = health;
		this.cachedAt = System.nanoTime();
		return health;
	}

	private Health await(CompletableFuture<Health> check) {
		try {
			return check.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return currentDown().withDetail("error", "NetSuite did not answer within " + format(this.timeout)
					+ " (netsuite.health.timeout)").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return currentDown().withDetail("error", "Interrupted while waiting for the check").build();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return currentDown().withDetail("error", "The check failed: " + describe(cause)).build();
		}
	}

	/**
	 * Forget the cached result, so that the next call checks again whatever the cache TTL.
	 * Tests that switch NetSuite's behaviour between checks use it.
	 */
	public void clearCache() {
		this.cached = null;
	}

	/**
	 * Stop the thread the checks run on; a check that runs is interrupted, and later
	 * probes answer DOWN.
	 */
	@Override
	public synchronized void close() {
		this.executor.shutdownNow();
	}

	// Where the permits live, now rather than as cached: a fallback shows as it happens.
	private Health withSharedPermits(Health health) {
		if (!(this.account.permits() instanceof ConcurrencyGovernor governor)
				|| governor.sharedPermits() == null) {
			return health;
		}
		SharedPermits shared = governor.sharedPermits();
		String unavailable = shared.unavailable();
		Health.Builder builder = Health.status(health.getStatus())
			.withDetails(health.getDetails())
			.withDetail("concurrencyStore", (unavailable != null) ? "local (fallback)" : shared.store());
		if (unavailable != null) {
			builder.withDetail("concurrencyStoreFallback", unavailable);
		}
		return builder.build();
	}

	private @Nullable Health fresh() {
		Health health = this.cached;
		return (health != null && System.nanoTime() - this.cachedAt < this.cacheTtlNanos) ? health : null;
	}

	private Health check() {
		if (this.serverTimeAvailable) {
			Health health = check(HttpMethod.GET, SERVER_TIME_PATH);
			if (health != null) {
				return health;
			}
			this.serverTimeAvailable = false;
		}
		Health health = check(HttpMethod.OPTIONS, FALLBACK_PATH);
		return (health != null) ? health : down(HttpMethod.OPTIONS, FALLBACK_PATH)
			.withDetail("error", "NetSuite answered 404 to both health checks; is REST Web Services enabled "
					+ "(Setup > Company > Enable Features > SuiteCloud > SuiteTalk (Web Services) > REST Web Services)?")
			.build();
	}

	// Null when serverTime is not there (404), to fall back.
	private @Nullable Health check(HttpMethod method, String path) {
		try {
			// The client is the account's probe client (NetSuiteAccount#probeClient): the permit
			// wait and the attempt end with the probe's own time, so a hung check does not hold
			// the indicator's thread past it.
			Answer answer = this.restClient.method(method)
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> answer(request, response), true);
			return answered(method, path, answer);
		}
		catch (RuntimeException ex) {
			return failed(method, path, ex);
		}
	}

	private @Nullable Health answered(HttpMethod method, String path, Answer answer) {
		int status = answer.status();
		if (status >= 300 && status < 400) {
			throw new NetSuiteRedirectException(status, origin(answer.headers().getFirst(HttpHeaders.LOCATION)),
					method.name(), path, null);
		}
		if (status >= 200 && status < 300) {
			return up(method, path, answer);
		}
		if (status == 404 && path.equals(SERVER_TIME_PATH)) {
			return null;
		}
		NetSuiteError netSuiteError = (answer.error() != null) ? answer.error()
				: NetSuiteError.of(status, answer.headers(), answer.body());
		NetSuiteException error = this.errors.exception(netSuiteError, method.name(), path);
		if (error instanceof NetSuiteConcurrencyLimitException) {
			return base(Health.up(), method, path).withDetail("latency", millis(answer.latency()))
				.withDetail("throttled", "NetSuite answered " + status + describeCode(error)
						+ ": the account's concurrency limit was reached. The credentials work; requests wait for "
						+ "a free slot or fail until one frees up (see netsuite.concurrency.limit)")
				.build();
		}
		Health.Builder down = down(method, path).withDetail("status", status);
		if (error.getErrorCode() != null) {
			down.withDetail("errorCode", error.getErrorCode());
		}
		if (netSuiteError.mentions(TbaAuthentication.ROLE_DISABLED_DETAIL)) {
			return down.withDetail("error", (error.getDetail() != null && error.getDetail()
				.contains(TbaAuthentication.ROLE_DISABLED_DETAIL)) ? error.getDetail()
						: TbaAuthentication.ROLE_DISABLED_DETAIL)
				.withDetail("fix", TbaAuthentication.ROLE_DISABLED_HINT)
				.build();
		}
		down.withDetail("error", (error.getDetail() != null) ? error.getDetail() : "HTTP " + status);
		if (error instanceof NetSuiteAuthenticationException) {
			Object checklist = (this.account.authentication() instanceof TbaAuthentication)
					? invalidLoginChecklist(skew(answer.localTime(), answer.headers())) : error.getHint();
			if (checklist != null) {
				down.withDetail("checklist", checklist);
			}
			return down.build();
		}
		if (error.getHint() != null) {
			down.withDetail("hint", error.getHint());
		}
		return down.build();
	}

	// A serverTime answer without NetSuite's clock is not NetSuite's (an HTML page, say).
	private Health up(HttpMethod method, String path, Answer answer) {
		Instant serverTime = serverTime(answer.body());
		if (serverTime == null && path.equals(SERVER_TIME_PATH)) {
			throw new NetSuiteUnreadableAnswerException((json(answer.body()) != null) ? Reason.UNEXPECTED
					: Reason.NOT_JSON, answer.status(), answer.headers().getFirst(HttpHeaders.CONTENT_TYPE), false,
					method.name(), path, null);
		}
		Health.Builder up = base(Health.up(), method, path).withDetail("latency", millis(answer.latency()));
		if (this.account.authentication() instanceof OAuth2Authentication oauth2) {
			oauth2Details(up, oauth2);
		}
		if (serverTime != null) {
			Duration skew = Duration.between(serverTime, answer.localTime());
			up.withDetail("serverTime", serverTime.toString()).withDetail("clockSkew", signed(skew));
			if (skew.abs().compareTo(SKEW_WARNING) >= 0) {
				up.withDetail("clockSkewWarning", "The local clock is " + aheadOrBehind(skew)
						+ " NetSuite's; NetSuite refuses signatures more than about 5 minutes off. Synchronize "
						+ "the clock (NTP)");
			}
		}
		return up.build();
	}

	private void oauth2Details(Health.Builder up, OAuth2Authentication oauth2) {
		Duration tokenLifetime = oauth2.remainingLifetime();
		if (tokenLifetime != null) {
			up.withDetail("accessTokenExpiresIn", format(tokenLifetime));
		}
		Instant certificateExpiry = oauth2.certificateExpiry();
		if (certificateExpiry != null) {
			up.withDetail("certificateExpires", certificateExpiry.toString());
			Duration left = Duration.between(this.clock.instant(), certificateExpiry);
			if (left.compareTo(CERTIFICATE_WARNING) < 0) {
				up.withDetail("certificateWarning", "The M2M certificate "
						+ (left.isNegative() ? "expired on " : "expires on ") + certificateExpiry
						+ ": create a new key and certificate, map it in Setup > Integration > Manage "
						+ "Authentication > OAuth 2.0 Client Credentials (M2M) Setup, and configure "
						+ "netsuite.oauth2.certificate-id, private-key and certificate before then");
			}
		}
	}

	private Health unreachable(HttpMethod method, String path, NetSuiteConnectionException ex) {
		boolean timeout = ex.getReason() == NetSuiteConnectionException.Reason.CONNECT_TIMEOUT
				|| ex.getReason() == NetSuiteConnectionException.Reason.READ_TIMEOUT;
		String reason = ex.getReason().description() + ((ex.getHint() != null) ? " (" + ex.getHint() + ")" : "");
		String error = timeout ? "NetSuite did not answer within " + format(this.timeout)
				+ " (netsuite.health.timeout): " + ex.getReason().description() + " at " + ex.getHost()
				: "Could not reach NetSuite at " + ex.getHost() + ": " + reason;
		return down(method, path).withDetail("error", error).build();
	}

	// A client without the starter's connection interceptor
	private Health unreachable(HttpMethod method, String path, RestClientException ex) {
		Throwable cause = rootCause(ex);
		String reason = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		String host = hostAndPort(this.account.restUrl());
		String error = isTimeout(ex) ? "NetSuite did not answer within " + format(this.timeout)
				+ " (netsuite.health.timeout): " + reason + " at " + host
				: "Could not reach NetSuite at " + host + ": " + reason;
		return down(method, path).withDetail("error", error).build();
	}

	private static String hostAndPort(URI url) {
		return (url.getPort() != -1) ? url.getHost() + ":" + url.getPort() : String.valueOf(url.getHost());
	}

	// Whatever the check threw: a DOWN that says what, in words safe to show.
	private Health failed(HttpMethod method, String path, RuntimeException ex) {
		Health.Builder down = down(method, path);
		if (ex instanceof NetSuiteConnectionException connection) {
			return unreachable(method, path, connection);
		}
		if (ex instanceof RestClientException restClient) {
			return unreachable(method, path, restClient);
		}
		if (!(ex instanceof NetSuiteException error)) {
			return down.withDetail("error", "The check failed: " + describe(ex)).build();
		}
		if (error.getStatusCode() > 0) {
			down.withDetail("status", error.getStatusCode());
		}
		if (error.getErrorCode() != null) {
			down.withDetail("errorCode", error.getErrorCode());
		}
		if (error instanceof NetSuiteRedirectException redirect) {
			// The token endpoint's, or the check's own
			String property = (path.equals(redirect.getPath())) ? "netsuite.rest-url" : "netsuite.oauth2.token-url";
			return down.withDetail("error", "NetSuite answered a redirect to "
					+ ((redirect.getLocation() != null) ? redirect.getLocation() : "no location") + ": check " + property)
				.build();
		}
		if (error instanceof NetSuiteTimeoutException deadline && HEALTH_TIMEOUT.equals(deadline.getProperty())) {
			// The probe's own deadline, as when the probe stops waiting first
			return down.withDetail("error", "NetSuite did not answer within " + format(this.timeout) + " ("
					+ HEALTH_TIMEOUT + ")").build();
		}
		if (error instanceof NetSuiteAuthenticationException) {
			// The OAuth 2.0 token endpoint refused the client assertion: no call was made.
			down.withDetail("error", "NetSuite's token endpoint refused the client assertion"
					+ ((error.getDetail() != null) ? ": " + error.getDetail() : ""));
			// An application's own authentication may know no hint; a detail is never null.
			return (error.getHint() != null) ? down.withDetail("checklist", error.getHint()).build() : down.build();
		}
		// A failed token request, an unreadable answer, a deadline: the message names the request.
		return down.withDetail("error", String.valueOf(error.getMessage())).build();
	}

	private Health.Builder down(HttpMethod method, String path) {
		return base(Health.down(), method, path);
	}

	private Health.Builder base(Health.Builder builder, HttpMethod method, String path) {
		return builder.withDetail("realm", this.account.id().realm())
			.withDetail("restUrl", withoutUserInfoOrQuery(this.account.restUrl()))
			.withDetail("check", method.name() + " " + path);
	}

	private List<String> invalidLoginChecklist(@Nullable Duration skew) {
		List<String> checklist = new ArrayList<>();
		checklist.add("Account ID: netsuite.account is " + this.account.id().realm()
				+ "; it must be the account's ID as on Setup > Company > Company Information, sandboxes with their "
				+ "suffix (1234567_SB1, not 1234567)");
		checklist.add("Integration record (Setup > Integration > Manage Integrations): State Enabled, "
				+ "Token-based Authentication checked, and netsuite.consumer-key and netsuite.consumer-secret "
				+ "are from this record");
		checklist.add("Feature: Setup > Company > Enable Features > SuiteCloud > Manage Authentication > "
				+ "Token-based Authentication is checked");
		checklist.add("Token role: the access token's role has the permissions User Access Tokens, Access Token "
				+ "Management and REST Web Services (Setup > Users/Roles > Manage Roles)");
		checklist.add("Token: netsuite.token-id and netsuite.token-secret belong to an access token of this "
				+ "account that is not revoked (Setup > Users/Roles > Access Tokens); a sandbox refresh replaces "
				+ "the sandbox's tokens, so create a new one there after each refresh");
		String clockItem;
		if (skew == null) {
			clockItem = "Clock: this server's clock must be within about 5 minutes of NetSuite's (NTP); NetSuite's "
					+ "answer carried no Date header to measure it";
		}
		else if (skew.abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
			clockItem = "Clock: this server's clock is " + aheadOrBehind(skew) + " NetSuite's (measured with "
					+ "NetSuite's Date header); NetSuite refuses timestamps more than about 5 minutes off: "
					+ "synchronize the clock (NTP)";
		}
		else {
			clockItem = "Clock: this server's clock is " + aheadOrBehind(skew) + " NetSuite's (measured with "
					+ "NetSuite's Date header), within the 5 minutes NetSuite allows";
		}
		// A measured skew beyond NetSuite's tolerance is the cause, not a candidate.
		if (skew != null && skew.abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
			checklist.add(0, clockItem);
		}
		else {
			checklist.add(clockItem);
		}
		checklist.add("The real reason: Setup > Users/Roles > User Management > View Login Audit Trail, the "
				+ "entry of the token's user at the time of this check (its Detail column)");
		return checklist;
	}

	// Stamps the time the request went on the wire and the answer came back.
	private ClientHttpResponse onTheWire(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Instant sent = this.clock.instant();
		long start = System.nanoTime();
		ClientHttpResponse response = execution.execute(request, body);
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		Instant received = this.clock.instant();
		request.getAttributes()
			.put(WIRE_ATTRIBUTE, new Wire(sent.plus(Duration.between(sent, received).dividedBy(2)), latency));
		return response;
	}

	// The answer, with the error as the chain read it on the wire, if it did, and when it was there.
	private Answer answer(HttpRequest request, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = response.getBody().readNBytes(MAX_BODY);
		Wire wire = (request.getAttributes().get(WIRE_ATTRIBUTE) instanceof Wire stamped) ? stamped
				: new Wire(this.clock.instant(), Duration.ZERO);
		// The chain replays an error body it read, so the error is read from it here.
		return new Answer(status, response.getHeaders(), body, null, wire.localTime(), wire.latency());
	}

	// Scheme, host and port of a redirect's target: its path or query might carry a secret.
	private @Nullable String origin(@Nullable String location) {
		try {
			URI target = (location != null) ? this.account.restUrl().resolve(location) : null;
			return (target != null && target.getHost() != null) ? target.getScheme() + "://" + hostAndPort(target)
					: null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Health.Builder currentDown() {
		return this.serverTimeAvailable ? down(HttpMethod.GET, SERVER_TIME_PATH)
				: down(HttpMethod.OPTIONS, FALLBACK_PATH);
	}

	// The type and the message, without a URL's user info or query, nor a stack trace.
	private static String describe(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage()
			.replaceAll("//[^/@\\s]*@", "//")
			.replaceAll("\\?[^\\s\"']*", "") : null;
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

	private static @Nullable Instant serverTime(byte[] body) {
		JsonNode json = json(body);
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

	private static String describeCode(NetSuiteException error) {
		return (error.getErrorCode() != null) ? " " + error.getErrorCode() : "";
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
					|| cause instanceof java.net.http.HttpTimeoutException
					|| cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String withoutUserInfoOrQuery(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + "ms";
	}

	private static String signed(Duration duration) {
		return (duration.isNegative() ? "-" : "+") + format(duration.abs());
	}

	private static String aheadOrBehind(Duration skew) {
		if (skew.abs().compareTo(Duration.ofSeconds(1)) < 0) {
			return "within a second of";
		}
		return format(skew.abs()) + (skew.isNegative() ? " behind" : " ahead of");
	}

	// 350ms, 2.5s, 7m 3s, 1h 2m 0s
	static String format(Duration duration) {
		Duration abs = duration.abs();
		if (abs.compareTo(Duration.ofSeconds(1)) < 0) {
			return abs.toMillis() + "ms";
		}
		if (abs.compareTo(Duration.ofMinutes(1)) < 0) {
			String seconds = java.math.BigDecimal.valueOf(abs.toMillis(), 3).stripTrailingZeros().toPlainString();
			return seconds + "s";
		}
		long hours = abs.toHours();
		String minutesAndSeconds = abs.toMinutesPart() + "m " + abs.toSecondsPart() + "s";
		return (hours > 0) ? hours + "h " + minutesAndSeconds : minutesAndSeconds;
	}

	private record Answer(int status, HttpHeaders headers, byte[] body, @Nullable NetSuiteError error,
			Instant localTime, Duration latency) {
	}

	private record Wire(Instant localTime, Duration latency) {
	}

}
