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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.ClientAssertions;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * One NetSuite account as the application reaches it, and everything that is per
 * account: its name in the configuration, its ID (whose realm tags its metrics), the base
 * URLs, how it authenticates, its concurrency permits, its two signed {@link RestClient}s
 * and its {@link NetSuiteClient}. The auto-configuration builds one per configured account
 * and holds them in {@link NetSuiteAccounts}; an application that needs one of its own
 * builds it with {@link #builder(AccountId)}, the same way:
 *
 * <pre class="code">
 * NetSuiteAccount account = NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
 *     .tba(new TbaCredentials(consumerKey, consumerSecret, tokenId, tokenSecret))
 *     .concurrencyLimit(5, Duration.ofSeconds(30))
 *     .build();
 * NetSuiteClient client = account.client();
 * </pre>
 *
 * {@link #close()} refuses the requests still waiting for a permit and stops what the
 * account started; the request factory it was given stays its giver's to close.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteAccount implements AutoCloseable {

	// What a health probe's timeout is called when it runs out.
	private static final String HEALTH_TIMEOUT_PROPERTY = "netsuite.health.timeout";

	private final String name;

	private final AccountId id;

	private final URI restUrl;

	private final URI restletUrl;

	private final NetSuiteAuthentication authentication;

	private final @Nullable NetSuitePermits permits;

	private final RestClient restClient;

	private final RestClient restletClient;

	private final @Nullable ClientHttpRequestFactory requestFactory;

	private final NetSuiteErrorDecoder errors;

	private final NetSuiteClient client;

	private final BiFunction<ClientHttpRequestFactory, Duration, RestClient> probeClients;

	private final List<AutoCloseable> resources;

	NetSuiteAccount(String name, AccountId id, URI restUrl, URI restletUrl, NetSuiteAuthentication authentication,
			@Nullable NetSuitePermits permits, RestClient restClient, RestClient restletClient,
			@Nullable ClientHttpRequestFactory requestFactory, NetSuiteErrorDecoder errors, NetSuiteClient client,
			BiFunction<ClientHttpRequestFactory, Duration, RestClient> probeClients, List<AutoCloseable> resources) {
		this.name = Objects.requireNonNull(name, "name");
		this.id = Objects.requireNonNull(id, "id");
		this.restUrl = Objects.requireNonNull(restUrl, "restUrl");
		this.restletUrl = Objects.requireNonNull(restletUrl, "restletUrl");
		this.authentication = Objects.requireNonNull(authentication, "authentication");
		this.permits = permits;
		this.restClient = Objects.requireNonNull(restClient, "restClient");
		this.restletClient = Objects.requireNonNull(restletClient, "restletClient");
		this.requestFactory = requestFactory;
		this.errors = Objects.requireNonNull(errors, "errors");
		this.client = Objects.requireNonNull(client, "client").named(name);
		this.probeClients = probeClients;
		this.resources = List.copyOf(resources);
	}

	/**
	 * Start building an account.
	 * @param id the account ID
	 * @return a builder with the starter's defaults: TBA or OAuth 2.0 credentials (or an
	 * authentication) remain to be given
	 */
	public static Builder builder(AccountId id) {
		return new Builder(id);
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
	 * Return the client signed for RESTlets, with their base URL.
	 * @return the RESTlet client
	 */
	public RestClient restletClient() {
		return this.restletClient;
	}

	/**
	 * Give a client builder the account's whole chain, as its own signed clients have it,
	 * for clients that both REST web services and RESTlets answer, such as those behind
	 * HTTP service interfaces: relative URLs under {@code /services/} resolve against
	 * {@link #restUrl()}, every other one (a RESTlet's
	 * {@code /app/site/hosting/restlet.nl?script=…&deploy=…}) against
	 * {@link #restletUrl()}; each request counts as a REST, SuiteQL or RESTlet call by its
	 * path, for retry and observation as for {@link #client()}'s own. The builder's
	 * interceptors are replaced by the account's, its request factory by the account's
	 * (which never follows a redirect), and NetSuite's errors become
	 * {@link NetSuiteException}s; its message converters and observation stay as they are.
	 * @param builder the builder to configure
	 * @return the builder
	 */
	public RestClient.Builder configure(RestClient.Builder builder) {
		Assert.notNull(builder, "'builder' must not be null");
		List<ClientHttpRequestInterceptor> chain = new ArrayList<>();
		this.restClient.mutate().requestInterceptors(chain::addAll);
		chain.add(0, NetSuiteRequests.API_BY_PATH);
		builder.uriBuilderFactory(new AccountUriBuilderFactory(this.restUrl, this.restletUrl))
			.requestInterceptors((interceptors) -> {
				interceptors.clear();
				interceptors.addAll(chain);
			})
			.defaultStatusHandler(NetSuiteErrorDecoder.IS_ERROR, this.errors);
		if (this.requestFactory != null) {
			builder.requestFactory(this.requestFactory);
		}
		return builder;
	}

	/**
	 * Return the high-level client of the account.
	 * @return the client
	 */
	public NetSuiteClient client() {
		return this.client;
	}

	/**
	 * Return a client signed for REST web services that checks the account rather than
	 * works with it, as health does: the account's chain (permit, observation, signing,
	 * the answer's guard) without retry, on the given request factory, every call
	 * bounded by {@code timeout}, which a {@link NetSuiteTimeoutException} names as
	 * {@code netsuite.health.timeout}.
	 * @param requestFactory the request factory, whose own timeouts should not exceed
	 * {@code timeout}
	 * @param timeout the longest time one call may take, permit and token included
	 * @return a new client
	 */
	public RestClient probeClient(ClientHttpRequestFactory requestFactory, Duration timeout) {
		Assert.notNull(requestFactory, "'requestFactory' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		return this.probeClients.apply(requestFactory, timeout);
	}

	/**
	 * Release what the account holds: requests still waiting for a permit fail as never
	 * sent, and the threads the account started for pages fetched ahead stop. The request
	 * factory it was built with is left to whoever gave it.
	 */
	@Override
	public void close() {
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				// Closing is best effort: what is left is daemon threads and idle permits.
			}
		}
	}

	@Override
	public String toString() {
		return "NetSuiteAccount[name=" + this.name + ", realm=" + this.id.realm() + ", restUrl=" + this.restUrl
				+ ", restletUrl=" + this.restletUrl + "]";
	}

	/**
	 * Builds a {@link NetSuiteAccount}: its signed clients with their whole chain and its
	 * {@link NetSuiteClient}, in one place. The auto-configuration maps the
	 * {@code netsuite.*} properties onto it; every default is that of the property.
	 * <p>
	 * The interceptors of the account's clients, outermost first: connection failures
	 * (which also start the call's deadline), retry (a fresh attempt each time),
	 * authentication renewal (an access token fetched before the permit is taken),
	 * concurrency permit (held only while a request is on the wire), observation (each
	 * attempt on the wire), error reading (an error body read once), authentication (a new
	 * nonce and timestamp, or the current token, on every attempt), then the answer guard
	 * (no redirect, the attempt's deadline, the size of its body). An OAuth 2.0 token
	 * request has the same chain without retry (the authentication repeats it with a new
	 * assertion), renewal and authentication.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final AccountId id;

		private String name = NetSuiteAccounts.PRIMARY;

		private @Nullable URI restUrl;

		private @Nullable URI restletUrl;

		private @Nullable TbaCredentials tbaCredentials;

		private @Nullable TbaSigner tbaSigner;

		private @Nullable OAuth2Credentials oauth2Credentials;

		private @Nullable URI tokenUrl;

		private @Nullable NetSuiteAuthentication authentication;

		private @Nullable ClientHttpRequestFactory requestFactory;

		private Supplier<RestClient.Builder> restClientBuilders = RestClient::builder;

		private @Nullable ObjectMapper jsonMapper;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable NetSuiteRequestObservationConvention observationConvention;

		private OAuth2Authentication.@Nullable Retry retry = OAuth2Authentication.Retry.DEFAULT;

		private boolean concurrencyLimited = true;

		private int concurrencyLimit = 5;

		private Duration acquireTimeout = Duration.ofSeconds(30);

		private boolean adaptiveLimit = true;

		private @Nullable SharedPermitStore sharedPermitStore;

		private Duration leaseTime = Duration.ofSeconds(30);

		private Duration attemptTimeout = Duration.ofMinutes(5);

		private Duration callTimeout = Duration.ofMinutes(10);

		private DataSize maxAnswerSize = DataSize.ofMegabytes(32);

		private Duration tokenRequestTimeout = Duration.ofSeconds(10).plus(Duration.ofMinutes(2));

		private int suiteQlPrefetchPages = NetSuiteClient.DEFAULT_SUITEQL_PREFETCH_PAGES;

		private SuiteQlPageListener suiteQlPageListener = SuiteQlPageListener.NONE;

		private @Nullable Executor pageExecutor;

		private boolean exactlyOnceWrites;

		private NetSuiteJob.AsyncPolling asyncPolling = NetSuiteJob.AsyncPolling.DEFAULTS;

		private int batchSize = RecordBatch.Settings.DEFAULTS.size();

		private NetSuiteJob.AsyncPolling batchPolling = RecordBatch.Settings.DEFAULTS.polling();

		private RecordBatchListener batchListener = RecordBatchListener.NONE;

		private PropertyValidation.Pair propertyValidation = PropertyValidation.Pair.NONE;

		private Builder(AccountId id) {
			this.id = Objects.requireNonNull(id, "id");
		}

		/**
		 * Set the account's name, as {@link NetSuiteAccounts} knows it.
		 * @param name {@link NetSuiteAccounts#PRIMARY} (the default) or the
		 * {@code <name>} of {@code netsuite.accounts.<name>.*}
		 * @return this builder
		 */
		public Builder name(String name) {
			Assert.hasText(name, "'name' must not be empty");
			this.name = name;
			return this;
		}

		/**
		 * Set the base URL of REST web services ({@code netsuite.rest-url}).
		 * @param restUrl the URL; by default {@link NetSuiteAccount#defaultRestUrl}
		 * @return this builder
		 */
		public Builder restUrl(URI restUrl) {
			this.restUrl = Objects.requireNonNull(restUrl, "restUrl");
			return this;
		}

		/**
		 * Set the base URL of RESTlets ({@code netsuite.restlet-url}).
		 * @param restletUrl the URL; by default {@link NetSuiteAccount#defaultRestletUrl}
		 * @return this builder
		 */
		public Builder restletUrl(URI restletUrl) {
			this.restletUrl = Objects.requireNonNull(restletUrl, "restletUrl");
			return this;
		}

		/**
		 * Authenticate with token-based authentication (OAuth 1.0a, HMAC-SHA256).
		 * @param credentials the integration's and the access token's keys
		 * @return this builder
		 */
		public Builder tba(TbaCredentials credentials) {
			this.tbaCredentials = Objects.requireNonNull(credentials, "credentials");
			return this;
		}

		/**
		 * Authenticate with token-based authentication, signed by the given signer (with
		 * its own clock and nonces).
		 * @param signer the signer, for this account
		 * @return this builder
		 */
		public Builder tba(TbaSigner signer) {
			this.tbaSigner = Objects.requireNonNull(signer, "signer");
			return this;
		}

		/**
		 * Authenticate with OAuth 2.0 client credentials (machine to machine): access
		 * tokens fetched from {@link #tokenUrl(URI) the token endpoint} through the
		 * account's permits and observation. Takes precedence over {@link #tba}.
		 * @param credentials the client ID, certificate ID, key and scopes
		 * @return this builder
		 */
		public Builder oauth2(OAuth2Credentials credentials) {
			this.oauth2Credentials = Objects.requireNonNull(credentials, "credentials");
			return this;
		}

		/**
		 * Set the OAuth 2.0 token endpoint ({@code netsuite.oauth2.token-url}).
		 * @param tokenUrl the URL; by default {@link NetSuiteAccount#defaultTokenUrl}
		 * of the REST base URL
		 * @return this builder
		 */
		public Builder tokenUrl(URI tokenUrl) {
			this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
			return this;
		}

		/**
		 * Authenticate with an authentication of the application's own. Takes
		 * precedence over {@link #tba} and {@link #oauth2}.
		 * @param authentication the authentication
		 * @return this builder
		 */
		public Builder authentication(NetSuiteAuthentication authentication) {
			this.authentication = Objects.requireNonNull(authentication, "authentication");
			return this;
		}

		/**
		 * Set the request factory of the account's clients. It should neither follow
		 * redirects nor retry by itself: a request re-sent elsewhere would carry its
		 * credentials, and only the account's retry knows what is safe to repeat.
		 * @param requestFactory the request factory; by default {@link RestClient}'s
		 * @return this builder
		 */
		public Builder requestFactory(ClientHttpRequestFactory requestFactory) {
			this.requestFactory = Objects.requireNonNull(requestFactory, "requestFactory");
			return this;
		}

		/**
		 * Set where the account's {@link RestClient.Builder}s come from, one per client,
		 * so that the application's customizers (Boot's {@code RestClientCustomizer}s:
		 * message converters, {@code http.client.requests} observation) apply.
		 * @param restClientBuilders fresh builders; by default {@link RestClient#builder()}
		 * @return this builder
		 */
		public Builder restClientBuilders(Supplier<RestClient.Builder> restClientBuilders) {
			this.restClientBuilders = Objects.requireNonNull(restClientBuilders, "restClientBuilders");
			return this;
		}

		/**
		 * Set the JSON mapper of request and answer bodies.
		 * @param jsonMapper the mapper; by default one that ignores unknown properties
		 * @return this builder
		 */
		public Builder jsonMapper(ObjectMapper jsonMapper) {
			this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
			return this;
		}

		/**
		 * Observe every attempt on the wire as {@code netsuite.requests}.
		 * @param observationRegistry the registry; by default none
		 * @param convention a convention of the application's, or {@code null} for the
		 * default one
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observationRegistry,
				@Nullable NetSuiteRequestObservationConvention convention) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			this.observationConvention = convention;
			return this;
		}

		/**
		 * Retry throttled requests and, where a repeat cannot do harm, 502, 503, 504 and
		 * connection failures ({@code netsuite.retry.*}; by default 4 attempts, 500 ms,
		 * 10 s, 60 s).
		 * @param maxAttempts the most attempts per request, the first included
		 * @param initialBackoff the back-off ceiling before the second attempt
		 * @param maxBackoff the largest back-off ceiling
		 * @param maxElapsed the time from the first attempt after which none starts
		 * @return this builder
		 */
		public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
			this.retry = new OAuth2Authentication.Retry(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
			return this;
		}

		/**
		 * Never repeat a request ({@code netsuite.retry.enabled=false}).
		 * @return this builder
		 */
		public Builder noRetry() {
			this.retry = null;
			return this;
		}

		/**
		 * Limit the requests on the wire at once ({@code netsuite.concurrency.*}; by
		 * default 5, waiting at most 30 s for a permit).
		 * @param limit the most requests in flight, the ceiling of an adaptive limit
		 * @param acquireTimeout the longest wait for a permit
		 * @return this builder
		 */
		public Builder concurrencyLimit(int limit, Duration acquireTimeout) {
			Assert.isTrue(limit > 0, "'limit' must be positive");
			this.concurrencyLimited = true;
			this.concurrencyLimit = limit;
			this.acquireTimeout = Objects.requireNonNull(acquireTimeout, "acquireTimeout");
			return this;
		}

		/**
		 * Set whether the limit learns from NetSuite's throttled answers below its
		 * ceiling ({@code netsuite.concurrency.adaptive}, by default {@code true}).
		 * @param adaptive whether the limit is adaptive
		 * @return this builder
		 */
		public Builder adaptiveLimit(boolean adaptive) {
			this.adaptiveLimit = adaptive;
			return this;
		}

		/**
		 * Share the limit with every instance that uses the same store
		 * ({@code netsuite.concurrency.store=redis}); each instance falls back to local
		 * permits while the store is unavailable.
		 * @param store the store
		 * @param leaseTime how long a permit of a crashed instance stays taken
		 * @return this builder
		 */
		public Builder sharedPermits(SharedPermitStore store, Duration leaseTime) {
			this.sharedPermitStore = Objects.requireNonNull(store, "store");
			this.leaseTime = Objects.requireNonNull(leaseTime, "leaseTime");
			return this;
		}

		/**
		 * Do not limit the requests on the wire ({@code netsuite.concurrency.enabled=false}).
		 * @return this builder
		 */
		public Builder noConcurrencyLimit() {
			this.concurrencyLimited = false;
			return this;
		}

		/**
		 * Bound each attempt, from sending to the answer's last byte
		 * ({@code netsuite.attempt-timeout}, by default 5 minutes).
		 * @param attemptTimeout the longest attempt
		 * @return this builder
		 */
		public Builder attemptTimeout(Duration attemptTimeout) {
			this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
			return this;
		}

		/**
		 * Bound each call: the wait for a permit, every attempt and the back-off between
		 * them ({@code netsuite.call-timeout}, by default 10 minutes).
		 * @param callTimeout the longest call
		 * @return this builder
		 */
		public Builder callTimeout(Duration callTimeout) {
			this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
			return this;
		}

		/**
		 * Set the largest answer read ({@code netsuite.max-answer-size}, by default 32 MB).
		 * @param maxAnswerSize the largest answer
		 * @return this builder
		 */
		public Builder maxAnswerSize(DataSize maxAnswerSize) {
			this.maxAnswerSize = Objects.requireNonNull(maxAnswerSize, "maxAnswerSize");
			return this;
		}

		/**
		 * Set the longest time one OAuth 2.0 token request may take on the wire, its
		 * connection and its answer; the wait for its permit is added.
		 * @param tokenRequestTimeout the time, by default 2 minutes 10 seconds (the
		 * default connect and read timeouts)
		 * @return this builder
		 */
		public Builder tokenRequestTimeout(Duration tokenRequestTimeout) {
			this.tokenRequestTimeout = Objects.requireNonNull(tokenRequestTimeout, "tokenRequestTimeout");
			return this;
		}

		/**
		 * Set the most SuiteQL and record collection pages fetched ahead while a stream's
		 * consumer reads one ({@code netsuite.suiteql.prefetch-pages}). By default as many
		 * as the account's permits allow: its concurrency limit in force, read again for each
		 * page, so that every permit is busy and one page waits for the next.
		 * @param prefetchPages the most pages, {@code 0} for one page at a time, or
		 * {@link NetSuiteClient#DEFAULT_SUITEQL_PREFETCH_PAGES} for as the permits allow
		 * @return this builder
		 */
		public Builder suiteQlPrefetchPages(int prefetchPages) {
			Assert.isTrue(prefetchPages >= 0, "'prefetchPages' must not be negative");
			this.suiteQlPrefetchPages = prefetchPages;
			return this;
		}

		/**
		 * Tell a listener of every SuiteQL page read.
		 * @param listener the listener; by default none
		 * @return this builder
		 */
		public Builder suiteQlPageListener(SuiteQlPageListener listener) {
			this.suiteQlPageListener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Set the executor that fetches pages ahead ({@code netsuite.page-executor}). A
		 * fetch blocks on a permit and on the wire: give an executor that may block, such
		 * as one on virtual threads, not the common {@code ForkJoinPool}.
		 * @param pageExecutor the executor; by default a small pool of the account's
		 * own, of daemon threads, stopped by {@link NetSuiteAccount#close()}
		 * @return this builder
		 */
		public Builder pageExecutor(Executor pageExecutor) {
			this.pageExecutor = Objects.requireNonNull(pageExecutor, "pageExecutor");
			return this;
		}

		/**
		 * Set whether record creates, updates and upserts run exactly once by default,
		 * through an asynchronous job with an idempotency key
		 * ({@code netsuite.records.exactly-once-writes}, by default {@code false}).
		 * @param exactlyOnceWrites whether writes run exactly once unless told otherwise
		 * @return this builder
		 */
		public Builder exactlyOnceWrites(boolean exactlyOnceWrites) {
			this.exactlyOnceWrites = exactlyOnceWrites;
			return this;
		}

		/**
		 * Ask NetSuite to validate the field names and values of record requests as given
		 * ({@code netsuite.records.property-name-validation} and
		 * {@code netsuite.records.property-value-validation}; by default NetSuite's own).
		 * @param names what NetSuite does with a field it does not know, or {@code null}
		 * @param values what NetSuite does with an invalid value, or {@code null}
		 * @return this builder
		 * @see NetSuiteClient#withPropertyValidation
		 */
		public Builder propertyValidation(@Nullable PropertyValidation names, @Nullable PropertyValidation values) {
			this.propertyValidation = new PropertyValidation.Pair(names, values);
			return this;
		}

		/**
		 * Poll asynchronous jobs first after {@code interval}, then at twice the previous
		 * interval up to {@code maxInterval}, for at most {@code timeout}
		 * ({@code netsuite.async.*}; by default 200 ms, 5 s and 15 minutes).
		 * @param interval the first wait
		 * @param maxInterval the longest wait between two polls
		 * @param timeout the longest time to wait for a job
		 * @return this builder
		 */
		public Builder asyncPolling(Duration interval, Duration maxInterval, Duration timeout) {
			this.asyncPolling = new NetSuiteJob.AsyncPolling(interval, maxInterval, timeout);
			return this;
		}

		/**
		 * Set how {@linkplain RecordCollection#batch() batch writes} go: records per
		 * request, and how their jobs are polled: first after {@code pollInterval}, then at
		 * twice the previous interval up to {@code maxPollInterval}, for at most
		 * {@code timeout} ({@code netsuite.batch.*}; by default 100 records, 200 ms, 2 s
		 * and 30 minutes).
		 * @param size records per request, 1 to 100
		 * @param pollInterval the first wait
		 * @param maxPollInterval the longest wait between two polls
		 * @param timeout the longest time to wait for a job
		 * @return this builder
		 */
		public Builder batch(int size, Duration pollInterval, Duration maxPollInterval, Duration timeout) {
			Assert.isTrue(size >= 1 && size <= RecordBatch.MAX_SIZE, "'size' must be between 1 and 100");
			this.batchPolling = new NetSuiteJob.AsyncPolling(pollInterval, maxPollInterval, timeout);
			this.batchSize = size;
			return this;
		}

		/**
		 * Tell a listener of every batch request.
		 * @param listener the listener; by default none
		 * @return this builder
		 */
		public Builder batchListener(RecordBatchListener listener) {
			this.batchListener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Build the account: its permits, its authentication, its two signed clients and
		 * its {@link NetSuiteClient}, all sharing one chain.
		 * @return the account
		 * @throws IllegalStateException if no credentials or authentication were given,
		 * or a shared permit store has no permits for the account
		 */
		public NetSuiteAccount build() {
			URI restUrl = (this.restUrl != null) ? this.restUrl : defaultRestUrl(this.id);
			URI restletUrl = (this.restletUrl != null) ? this.restletUrl : defaultRestletUrl(this.id);
			List<AutoCloseable> resources = new ArrayList<>();
			ConcurrencyGovernor governor = null;
			if (this.concurrencyLimited) {
				// The limit is the ceiling of an adaptive one; with a shared store, that of all instances.
				SharedPermitStore.Permits shared = (this.sharedPermitStore != null)
						? this.sharedPermitStore.permits(this.id.realm(), this.leaseTime) : null;
				governor = new ConcurrencyGovernor(this.concurrencyLimit, this.acquireTimeout, this.adaptiveLimit,
						shared);
				resources.add(governor);
			}
			// Permit, observation and error reading: what every request of the account has.
			List<ClientHttpRequestInterceptor> onTheWire = new ArrayList<>();
			if (governor != null) {
				onTheWire.add(governor);
			}
			onTheWire.add(new NetSuiteObservationInterceptor(this.observationRegistry, this.id.realm(),
					this.observationConvention));
			onTheWire.add(new NetSuiteErrorInterceptor(this.maxAnswerSize));
			NetSuiteAnswerGuard answerGuard = new NetSuiteAnswerGuard(this.attemptTimeout, this.maxAnswerSize);
			NetSuiteAuthentication authentication = authentication(restUrl, onTheWire, answerGuard,
					(governor != null) ? this.acquireTimeout : Duration.ZERO);
			List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(
					List.of(new NetSuiteConnectionInterceptor(this.callTimeout)));
			if (this.retry != null) {
				interceptors.add(new RetryInterceptor(this.retry.maxAttempts(), this.retry.initialBackoff(),
						this.retry.maxBackoff(), this.retry.maxElapsed()));
			}
			// Ahead of the permit: what an authentication fetches never waits on its caller's permit.
			interceptors.add(new NetSuiteAuthenticationRenewalInterceptor(authentication));
			interceptors.addAll(onTheWire);
			interceptors.add(new NetSuiteAuthenticationInterceptor(authentication, List.of(restUrl, restletUrl)));
			interceptors.add(answerGuard);
			NetSuiteErrorDecoder errors = new NetSuiteErrorDecoder(authentication);
			RestClient rest = signedClient(restUrl, NetSuiteRequests.REST, interceptors, errors);
			RestClient restlets = signedClient(restletUrl, NetSuiteRequests.RESTLET, interceptors, errors);
			Executor pageExecutor = this.pageExecutor;
			if (pageExecutor == null) {
				ExecutorService own = SuiteQlExecutor.create(this.id.realm());
				resources.add(own::shutdown);
				pageExecutor = own;
			}
			ObjectMapper mapper = (this.jsonMapper != null) ? this.jsonMapper
					: JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
			NetSuiteExchange exchange = new NetSuiteExchange(this.id, rest, restlets, mapper, errors,
					this.suiteQlPageListener, new ReadAhead(this.suiteQlPrefetchPages, governor), pageExecutor, this.observationRegistry,
					this.exactlyOnceWrites, this.asyncPolling);
			// A batch's window follows the permits in force, adaptive or not.
			ConcurrencyGovernor permits = governor;
			int limit = this.concurrencyLimit;
			exchange = exchange.withBatching(new RecordBatch.Settings(this.batchSize, this.batchPolling,
					(permits != null) ? permits::limit : () -> limit, this.batchListener))
				.withPropertyValidation(this.propertyValidation);
			return new NetSuiteAccount(this.name, this.id, restUrl, restletUrl, authentication, governor, rest,
					restlets, this.requestFactory, errors, new NetSuiteClient(exchange),
					(requestFactory, timeout) -> probeClient(rest, requestFactory, timeout), resources);
		}

		// The application's, OAuth 2.0 with a token client that has the account's permits and
		// observation but no authentication or retry of its own, or token-based.
		private NetSuiteAuthentication authentication(URI restUrl, List<ClientHttpRequestInterceptor> onTheWire,
				NetSuiteAnswerGuard answerGuard, Duration permitWait) {
			if (this.authentication != null) {
				return this.authentication;
			}
			if (this.oauth2Credentials != null) {
				// No retry: OAuth2Authentication repeats a token request itself, with a new assertion.
				List<ClientHttpRequestInterceptor> tokenInterceptors = new ArrayList<>(
						List.of(new NetSuiteConnectionInterceptor(this.callTimeout)));
				tokenInterceptors.addAll(onTheWire);
				tokenInterceptors.add(answerGuard);
				RestClient.Builder tokenClient = this.restClientBuilders.get()
					.requestInterceptors((list) -> list.addAll(tokenInterceptors));
				if (this.requestFactory != null) {
					tokenClient.requestFactory(this.requestFactory);
				}
				URI tokenUrl = (this.tokenUrl != null) ? this.tokenUrl : defaultTokenUrl(restUrl);
				return new OAuth2Authentication(new ClientAssertions(this.oauth2Credentials, tokenUrl, Clock.systemUTC()),
						tokenClient.build(), Clock.systemUTC(),
						(this.retry != null) ? this.retry : OAuth2Authentication.Retry.NONE,
						this.tokenRequestTimeout.plus(permitWait));
			}
			if (this.tbaSigner != null) {
				return new TbaAuthentication(this.tbaSigner);
			}
			if (this.tbaCredentials != null) {
				return new TbaAuthentication(new TbaSigner(this.id, this.tbaCredentials));
			}
			throw new IllegalStateException("NetSuite account '" + this.name + "' needs TBA credentials, OAuth 2.0 "
					+ "credentials or an authentication");
		}

		// The account's API on every request, so that retry and observation need not guess it.
		private RestClient signedClient(URI baseUrl, String api, List<ClientHttpRequestInterceptor> interceptors,
				NetSuiteErrorDecoder errors) {
			RestClient.Builder builder = this.restClientBuilders.get()
				.baseUrl(baseUrl)
				.requestInterceptors((list) -> list.addAll(interceptors))
				.defaultRequest((request) -> request.attribute(NetSuiteRequests.API_ATTRIBUTE, api))
				.defaultStatusHandler(NetSuiteErrorDecoder.IS_ERROR, errors);
			if (this.requestFactory != null) {
				builder.requestFactory(this.requestFactory);
			}
			return builder.build();
		}

		// The REST client without retry, which would carry a probe past its time, on the
		// probe's request factory, its calls' deadline the probe's.
		private static RestClient probeClient(RestClient rest, ClientHttpRequestFactory requestFactory,
				Duration timeout) {
			return rest.mutate().requestFactory(requestFactory).requestInterceptors((interceptors) -> {
				interceptors.removeIf(RetryInterceptor.class::isInstance);
				interceptors.replaceAll((interceptor) -> (interceptor instanceof NetSuiteConnectionInterceptor)
						? new NetSuiteConnectionInterceptor(timeout, HEALTH_TIMEOUT_PROPERTY) : interceptor);
			}).build();
		}

	}

}
