package io.github.netsuite.boot;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.http.RetryInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One NetSuite account as the application reaches it, and everything that is per
 * account: its name in the configuration, its ID (whose realm tags its metrics), the base
 * URLs, how it authenticates, its concurrency permits, its two signed {@link RestClient}s
 * and its {@link NetSuiteClient}. The auto-configuration builds one per configured account
 * and holds them in {@link NetSuiteAccounts}.
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteAccount {

	// The property that sets a probe's time: the health check is the starter's one probe.
	private static final String PROBE_TIMEOUT_PROPERTY = "netsuite.health.timeout";

	private final String name;

	private final AccountId id;

	private final URI restUrl;

	private final URI restletUrl;

	private final NetSuiteAuthentication authentication;

	private final @Nullable NetSuitePermits permits;

	private final RestClient restClient;

	private final RestClient restletClient;

	private final NetSuiteClient client;

	/**
	 * Create an account.
	 * @param name the account's name: {@link NetSuiteAccounts#PRIMARY} or the
	 * {@code <name>} of {@code netsuite.accounts.<name>.*}
	 * @param id the account ID
	 * @param restUrl the base URL of REST web services
	 * @param restletUrl the base URL of RESTlets
	 * @param authentication how the account's requests authenticate
	 * @param permits the account's concurrency permits, or {@code null} when not limited
	 * @param restClient the client signed for REST web services
	 * @param restletClient the client signed for RESTlets
	 * @param client the high-level client over the two
	 */
	public NetSuiteAccount(String name, AccountId id, URI restUrl, URI restletUrl,
			NetSuiteAuthentication authentication, @Nullable NetSuitePermits permits, RestClient restClient,
			RestClient restletClient, NetSuiteClient client) {
		this.name = Objects.requireNonNull(name, "name");
		this.id = Objects.requireNonNull(id, "id");
		this.restUrl = Objects.requireNonNull(restUrl, "restUrl");
		this.restletUrl = Objects.requireNonNull(restletUrl, "restletUrl");
		this.authentication = Objects.requireNonNull(authentication, "authentication");
		this.permits = permits;
		this.restClient = Objects.requireNonNull(restClient, "restClient");
		this.restletClient = Objects.requireNonNull(restletClient, "restletClient");
		this.client = Objects.requireNonNull(client, "client").named(name);
	}

	/**
	 * Return NetSuite's default base URL of REST web services for an account.
	 * @param id the account ID
	 * @return {@code https://<account>.suitetalk.api.netsuite.com}
	 */
	public static URI defaultRestUrl(AccountId id) {
		return URI.create("https://" + id.host() + ".suitetalk.api.netsuite.com");
	}

	/**
	 * Return NetSuite's default base URL of RESTlets for an account.
	 * @param id the account ID
	 * @return {@code https://<account>.restlets.api.netsuite.com}
	 */
	public static URI defaultRestletUrl(AccountId id) {
		return URI.create("https://" + id.host() + ".restlets.api.netsuite.com");
	}

	/**
	 * Return NetSuite's OAuth 2.0 token endpoint below a REST web services base URL.
	 * @param restUrl the base URL of REST web services
	 * @return {@code <restUrl>/services/rest/auth/oauth2/v1/token}
	 */
	public static URI defaultTokenUrl(URI restUrl) {
		return URI.create(restUrl.toString().replaceAll("/+$", "") + "/services/rest/auth/oauth2/v1/token");
	}

	/**
	 * Return the account's name in the configuration.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the account ID.
	 * @return the account ID
	 */
	public AccountId id() {
		return this.id;
	}

	/**
	 * Return the base URL of REST web services.
	 * @return the REST base URL
	 */
	public URI restUrl() {
		return this.restUrl;
	}

	/**
	 * Return the base URL of RESTlets.
	 * @return the RESTlet base URL
	 */
	public URI restletUrl() {
		return this.restletUrl;
	}

	/**
	 * Return how the account's requests authenticate.
	 * @return the authentication
	 */
	public NetSuiteAuthentication authentication() {
		return this.authentication;
	}

	/**
	 * Return the account's concurrency permits.
	 * @return the permits, or {@code null} when requests are not limited
	 */
	public @Nullable NetSuitePermits permits() {
		return this.permits;
	}

	/**
	 * Return the client signed for REST web services, with their base URL.
	 * @return the REST client
	 */
	public RestClient restClient() {
		return this.restClient;
	}

	/**
	 * Return a client for a probe of the account, such as the {@code netsuite} health
	 * check: the REST web services client's signed chain (authentication, permit,
	 * observation, error reading, answer guard) and base URL, without retry, which would
	 * carry a probe past its time, on the given request factory, and every call bounded by
	 * {@code timeout} (the wait for a permit or a token included), which a
	 * {@link NetSuiteTimeoutException} names as {@code netsuite.health.timeout}.
	 * @param requestFactory the request factory, typically with connect and read
	 * timeouts no longer than {@code timeout}
	 * @param timeout the most each call may take
	 * @return a new client
	 * @since 0.1.0
	 */
	public RestClient probeClient(ClientHttpRequestFactory requestFactory, Duration timeout) {
		Objects.requireNonNull(requestFactory, "requestFactory");
		Objects.requireNonNull(timeout, "timeout");
		// The deadline starts when a request is built: a tighter one than netsuite.call-timeout's.
		return this.restClient.mutate()
			.requestFactory(requestFactory)
			.requestInterceptors((interceptors) -> interceptors.removeIf(RetryInterceptor.class::isInstance))
			.defaultRequest((request) -> request.attribute(NetSuiteRequests.DEADLINE_ATTRIBUTE,
					NetSuiteRequests.Deadline.in(timeout, PROBE_TIMEOUT_PROPERTY)))
			.build();
	}

	/**
	 * Return the client signed for RESTlets, with their base URL.
	 * @return the RESTlet client
	 */
	public RestClient restletClient() {
		return this.restletClient;
	}

	/**
	 * Return the high-level client of the account.
	 * @return the client
	 */
	public NetSuiteClient client() {
		return this.client;
	}

	@Override
	public String toString() {
		return "NetSuiteAccount[name=" + this.name + ", realm=" + this.id.realm() + ", restUrl=" + this.restUrl
				+ ", restletUrl=" + this.restletUrl + "]";
	}

}
