package io.github.netsuite.boot.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteAuthenticationException;
import io.github.netsuite.boot.NetSuiteError;
import io.github.netsuite.boot.NetSuiteRequests;
import io.github.netsuite.boot.NetSuiteServerException;
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
import org.springframework.web.client.RestClient;

/**
 * OAuth 2.0 client credentials (machine to machine): every attempt carries
 * {@code Authorization: Bearer} with the account's access token. The token is fetched
 * with a signed client assertion, kept and shared by all threads, and renewed ahead of its
 * expiry by one request at a time while the others go on with the valid one (or wait for
 * the new one once it has expired). A login failure fetches a new token (once for all
 * the calls refused with the same one) and the request is repeated once.
 *
 * @author NetSuite Spring Boot team
 */
public final class OAuth2Authentication implements NetSuiteAuthentication {

	/**
	 * What to check when NetSuite refuses the client assertion or the access token, in the
	 * words of NetSuite's setup screens.
	 */
	public static final String CHECKLIST = "NetSuite refused the OAuth 2.0 client credentials. Check, in order: "
			+ "netsuite.oauth2.certificate-id and netsuite.oauth2.private-key belong together (the certificate "
			+ "uploaded in Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup "
			+ "is the private key's); that mapping's certificate is not revoked or expired (a revoked one needs a "
			+ "new mapping); the integration record (Setup > Integration > Manage Integrations) has 'Client "
			+ "Credentials (Machine to Machine) Grant' checked and allows the scopes in netsuite.oauth2.scopes, "
			+ "and netsuite.oauth2.client-id is its client ID; the mapping's entity and role are active and the "
			+ "role has REST Web Services (a 'Web Services Only' role cannot call RESTlets); this server's clock "
			+ "is right; a sandbox refresh clears the M2M setup, so map the certificate again after one. The real "
			+ "reason is in Setup > Users/Roles > User Management > View Login Audit Trail";

	private static final Log logger = LogFactory.getLog(OAuth2Authentication.class);

	private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	// Renew this long before expiry at most, so that a token never runs out mid-request.
	private static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

	private final ClientAssertions assertions;

	private final RestClient tokenClient;

	private final Clock clock;

	private final ReentrantLock renewal = new ReentrantLock();

	private final AtomicReference<@Nullable AccessToken> token = new AtomicReference<>();

	/**
	 * Create an authentication.
	 * @param assertions makes the client assertions, and knows the token URL
	 * @param tokenClient the client for the token endpoint, with the account's permits
	 * and observation but without authentication of its own
	 * @param clock the clock that tells tokens' ages
	 */
	public OAuth2Authentication(ClientAssertions assertions, RestClient tokenClient, Clock clock) {
		this.assertions = Objects.requireNonNull(assertions, "assertions");
		this.tokenClient = Objects.requireNonNull(tokenClient, "tokenClient");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public void prepare() {
		currentToken();
	}

	// On the wire, holding a permit: the token prepare() made ready, even one found
	// refused meanwhile (NetSuite's 401 then renews it), never a fetch that would wait for
	// a permit of its own while holding one (unless nothing was ever prepared).
	@Override
	public void authenticate(HttpRequest request, byte[] body) {
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
	public String failureHint(NetSuiteError error) {
		return CHECKLIST;
	}

	/**
	 * Return when the certificate uploaded to the M2M setup expires.
	 * @return the expiry, or {@code null} when {@code netsuite.oauth2.certificate} was not
	 * given
	 */
	public @Nullable Instant certificateExpiry() {
		return this.assertions.credentials().certificateExpiry();
	}

	/**
	 * Return how long the current access token has left.
	 * @return the remaining lifetime, or {@code null} when no token was fetched yet
	 */
	public @Nullable Duration remainingLifetime() {
		AccessToken current = this.token.get();
		if (current == null) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), current.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	private AccessToken currentToken() {
		AccessToken current = this.token.get();
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.renewAt())) {
			return current;
		}
		if (current != null && now.isBefore(current.expiresAt())) {
			renewAhead(current);
			AccessToken renewed = this.token.get();
			return (renewed != null) ? renewed : current;
		}
		this.renewal.lock();
		try {
			current = this.token.get();
			if (current == null || !this.clock.instant().isBefore(current.expiresAt())) {
				current = fetch();
				this.token.set(current);
			}
			return current;
		}
		finally {
			this.renewal.unlock();
		}
	}

	// One thread renews; the others go on with the token that is still valid.
	private void renewAhead(AccessToken current) {
		if (!this.renewal.tryLock()) {
			return;
		}
		try {
			if (this.token.get() == current) {
				this.token.set(fetch());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the NetSuite access token ahead of its expiry (" + ex.getMessage()
					+ "); going on with the current one, valid until " + current.expiresAt());
		}
		finally {
			this.renewal.unlock();
		}
	}

	private AccessToken fetch() {
		String form = "grant_type=client_credentials&client_assertion_type="
				+ URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8) + "&client_assertion="
				+ URLEncoder.encode(this.assertions.next(), StandardCharsets.UTF_8);
		Instant sent = this.clock.instant();
		return this.tokenClient.post()
			.uri(this.assertions.tokenUrl())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.attribute(NetSuiteRequests.API_ATTRIBUTE, NetSuiteRequests.TOKEN)
			// A new assertion on every attempt would be better, but a token request changes nothing.
			.attribute(NetSuiteRequests.IDEMPOTENT_ATTRIBUTE, true)
			.body(form)
			.exchange((request, response) -> read(request, response, sent), true);
	}

	private AccessToken read(HttpRequest request, ClientHttpResponse response, Instant sent) throws IOException {
		int status = response.getStatusCode().value();
		String path = this.assertions.tokenUrl().getRawPath();
		if (status < 200 || status >= 300) {
			// Read once on the wire, as every error answer of the account's.
			NetSuiteError error = NetSuiteRequests.error(request);
			if (error == null) {
				error = NetSuiteError.of(status, response.getHeaders(), response.getBody().readAllBytes());
			}
			if (status >= 500) {
				throw new NetSuiteServerException(status, error.errorCode(), error.detail(), "POST", path,
						"NetSuite's token endpoint did not answer; requests go on once it does");
			}
			throw new NetSuiteAuthenticationException(status, error.errorCode(), error.detail(), "POST", path,
					CHECKLIST);
		}
		JsonNode json = json(response.getBody().readAllBytes());
		String value = text(json, "access_token");
		String expiresIn = text(json, "expires_in");
		if (value == null || expiresIn == null || !expiresIn.matches("\\d{1,9}")) {
			throw new NetSuiteAuthenticationException(status, null,
					"NetSuite's token answer has no access_token or expires_in", "POST", path, CHECKLIST);
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
