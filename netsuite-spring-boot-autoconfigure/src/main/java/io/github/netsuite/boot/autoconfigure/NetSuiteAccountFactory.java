package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuiteErrorDecoder;
import io.github.netsuite.boot.NetSuiteRequests;
import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.auth.ClientAssertions;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.github.netsuite.boot.ConcurrencyGovernor;
import io.github.netsuite.boot.HttpComponentsAttemptAbort;
import io.github.netsuite.boot.NetSuiteAnswerGuard;
import io.github.netsuite.boot.NetSuiteConnectionInterceptor;
import io.github.netsuite.boot.NetSuiteAuthenticationInterceptor;
import io.github.netsuite.boot.NetSuiteAuthenticationRenewalInterceptor;
import io.github.netsuite.boot.NetSuiteErrorInterceptor;
import io.github.netsuite.boot.OAuth2Authentication;
import io.github.netsuite.boot.RetryInterceptor;
import io.github.netsuite.boot.SharedPermitStore;
import io.github.netsuite.boot.SharedPermits;
import io.github.netsuite.boot.TbaAuthentication;
import io.github.netsuite.boot.NetSuiteObservationInterceptor;
import io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Builds each {@link NetSuiteAccount} from its connection and settings and from what all
 * accounts share: {@link RestClient.Builder}s with the application's
 * {@link RestClientCustomizer}s (so Boot's {@code http.client.requests} observation and
 * message converters apply), the request factory, the observation registry, the JSON
 * mapper, the retry settings and the SuiteQL page listeners.
 * <p>
 * The interceptors of an account's clients, outermost first: retry (a fresh attempt each
 * time), authentication renewal (an access token fetched before the permit is taken),
 * concurrency permit (held only while a request is on the wire), observation (each
 * attempt on the wire), error reading (an error body read once), authentication (a
 * new nonce and timestamp, or the current token, on every attempt), then the answer
 * guard (no redirect, the attempt's deadline, the size of its body). The outermost,
 * connection failures, also starts the call's deadline.
 * <p>
 * What it creates that holds threads or connections (governors, request factories) is
 * handed to a consumer that closes it at shutdown.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAccountFactory {

	private static final String MOCK_SERVER_CUSTOMIZER = "org.springframework.boot.restclient.test."
			+ "MockServerRestClientCustomizer";

	private final Supplier<RestClient.Builder> builders;

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final HttpClientSettings httpClientSettings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable NetSuiteRequestObservationConvention convention;

	private final ObjectMapper mapper;

	private final NetSuiteProperties.Retry retry;

	private final SuiteQlPageListener pageListener;

	private final Supplier<@Nullable SharedPermitStore> sharedPermitStore;

	private final Consumer<AutoCloseable> closeables;

	NetSuiteAccountFactory(Supplier<RestClient.Builder> builders,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings httpClientSettings,
			ObservationRegistry observationRegistry, @Nullable NetSuiteRequestObservationConvention convention,
			ObjectMapper mapper, NetSuiteProperties.Retry retry, SuiteQlPageListener pageListener,
			Supplier<@Nullable SharedPermitStore> sharedPermitStore, Consumer<AutoCloseable> closeables) {
		this.builders = builders;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.mapper = mapper;
		this.retry = retry;
		this.pageListener = pageListener;
		this.sharedPermitStore = sharedPermitStore;
		this.closeables = closeables;
	}

	/**
	 * Return fresh builders with the given customizers applied in order, as Boot's own
	 * {@code RestClient.Builder} bean has them, but without a test's
	 * {@code MockServerRestClientCustomizer}: NetSuite's clients set their own request
	 * factory, so a mock server bound to them would never see a request, and the test's
	 * {@code MockRestServiceServer} would be bound to more than one client. Fresh rather
	 * than the application's {@code RestClient.Builder} bean, which, were it a singleton,
	 * would carry NetSuite's credentials into every client built from it.
	 */
	static Supplier<RestClient.Builder> builders(List<RestClientCustomizer> customizers) {
		List<RestClientCustomizer> applied = customizers.stream()
			.filter((customizer) -> !isMockServerCustomizer(customizer.getClass()))
			.toList();
		return () -> {
			RestClient.Builder builder = RestClient.builder();
			applied.forEach((customizer) -> customizer.customize(builder));
			return builder;
		};
	}

	// By name: spring-boot-restclient-test is only on a test's class path.
	private static boolean isMockServerCustomizer(@Nullable Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (MOCK_SERVER_CUSTOMIZER.equals(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

	NetSuiteAccount create(String name, NetSuiteConnectionDetails connection, NetSuiteAccountProperties settings,
			@Nullable NetSuiteAuthentication customAuthentication) {
		NetSuiteAccountProperties.Concurrency concurrency = settings.getConcurrency();
		ConcurrencyGovernor governor = concurrency.isEnabled() ? governor(name, connection, concurrency) : null;
		if (governor != null) {
			this.closeables.accept(governor);
		}
		ClientHttpRequestFactory requestFactory = requestFactory(this.requestFactoryBuilder,
				this.httpClientSettings.withTimeouts(settings.getConnectTimeout(), settings.getReadTimeout()));
		if (requestFactory instanceof AutoCloseable || requestFactory instanceof DisposableBean) {
			this.closeables.accept(() -> close(requestFactory));
		}
		RetryInterceptor retry = this.retry.isEnabled() ? new RetryInterceptor(this.retry.getMaxAttempts(),
				this.retry.getInitialBackoff(), this.retry.getMaxBackoff(), this.retry.getMaxElapsed()) : null;
		// Permit, observation and error reading: what every request of the account has.
		List<ClientHttpRequestInterceptor> onTheWire = new ArrayList<>();
		if (governor != null) {
			onTheWire.add(governor);
		}
		onTheWire.add(new NetSuiteObservationInterceptor(this.observationRegistry, connection.getAccount().realm(),
				this.convention));
		onTheWire.add(new NetSuiteErrorInterceptor(settings.getMaxAnswerSize()));
		NetSuiteAnswerGuard answerGuard = new NetSuiteAnswerGuard(settings.getAttemptTimeout(),
				settings.getMaxAnswerSize());
		// No retry: OAuth2Authentication repeats a token request itself, with a new assertion.
		List<ClientHttpRequestInterceptor> tokenInterceptors = new ArrayList<>(
				List.of(new NetSuiteConnectionInterceptor(settings.getCallTimeout())));
		tokenInterceptors.addAll(onTheWire);
		tokenInterceptors.add(answerGuard);
		OAuth2Authentication.Retry tokenRetry = this.retry.isEnabled()
				? new OAuth2Authentication.Retry(this.retry.getMaxAttempts(), this.retry.getInitialBackoff(),
						this.retry.getMaxBackoff(), this.retry.getMaxElapsed())
				: OAuth2Authentication.Retry.NONE;
		// One token request: its permit, its connection and its answer.
		Duration tokenRequestTimeout = settings.getConnectTimeout()
			.plus(settings.getReadTimeout())
			.plus((governor != null) ? concurrency.getAcquireTimeout() : Duration.ZERO);
		NetSuiteAuthentication authentication = (customAuthentication != null) ? customAuthentication
				: authentication(connection, requestFactory, tokenInterceptors, tokenRetry, tokenRequestTimeout);
		List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(
				List.of(new NetSuiteConnectionInterceptor(settings.getCallTimeout())));
		if (retry != null) {
			interceptors.add(retry);
		}
		// Ahead of the permit: what an authentication fetches never waits on its caller's permit.
		interceptors.add(new NetSuiteAuthenticationRenewalInterceptor(authentication));
		interceptors.addAll(onTheWire);
		interceptors.add(new NetSuiteAuthenticationInterceptor(authentication));
		interceptors.add(answerGuard);
		NetSuiteErrorDecoder errors = new NetSuiteErrorDecoder(authentication);
		RestClient rest = signedClient(connection.getRestUrl(), NetSuiteRequests.REST, requestFactory, interceptors,
				errors);
		RestClient restlets = signedClient(connection.getRestletUrl(), NetSuiteRequests.RESTLET, requestFactory,
				interceptors, errors);
		NetSuiteAccountProperties.Async async = settings.getAsync();
		NetSuiteClient client = new NetSuiteClient(connection.getAccount(), rest, restlets, this.mapper, errors,
				this.pageListener, settings.getSuiteql().getPrefetchPages())
			.withIdempotentWrites(settings.getRecords().isIdempotentWrites())
			.withAsyncPolling(async.getPollInterval(), async.getMaxPollInterval(), async.getTimeout());
		return new NetSuiteAccount(name, connection.getAccount(), connection.getRestUrl(), connection.getRestletUrl(),
				authentication, governor, rest, restlets, client);
	}

	// The limit is the ceiling of an adaptive one; with the redis store, that of all instances.
	private ConcurrencyGovernor governor(String name, NetSuiteConnectionDetails connection,
			NetSuiteAccountProperties.Concurrency concurrency) {
		SharedPermits shared = null;
		if (concurrency.getStore() == NetSuiteAccountProperties.Concurrency.Store.REDIS) {
			SharedPermitStore store = this.sharedPermitStore.get();
			if (store == null) {
				throw new IllegalStateException("NetSuite account '" + name + "' has concurrency.store=redis, which "
						+ "needs Spring Data Redis with Lettuce and Spring Boot's Redis auto-configuration: add "
						+ "org.springframework.boot:spring-boot-starter-data-redis and configure spring.data.redis.*");
			}
			shared = store.permits(connection.getAccount().realm(), concurrency.getLeaseTime());
		}
		return new ConcurrencyGovernor(concurrency.getLimit(), concurrency.getAcquireTimeout(),
				concurrency.isAdaptive(), shared);
	}

	// Token-based authentication, or OAuth 2.0 with a token client that has the account's
	// permits and observation but no authentication or retry of its own.
	private NetSuiteAuthentication authentication(NetSuiteConnectionDetails connection,
			ClientHttpRequestFactory requestFactory, List<ClientHttpRequestInterceptor> tokenInterceptors,
			OAuth2Authentication.Retry tokenRetry, Duration tokenRequestTimeout) {
		OAuth2Credentials oauth2 = connection.getOAuth2Credentials();
		if (oauth2 != null) {
			RestClient tokenClient = this.builders.get()
				.requestFactory(requestFactory)
				.requestInterceptors((list) -> list.addAll(tokenInterceptors))
				.build();
			return new OAuth2Authentication(new ClientAssertions(oauth2, connection.getTokenUrl(), Clock.systemUTC()),
					tokenClient, Clock.systemUTC(), tokenRetry, tokenRequestTimeout);
		}
		TbaCredentials credentials = connection.getCredentials();
		Assert.state(credentials != null, "NetSuiteConnectionDetails must give TBA or OAuth 2.0 credentials");
		return new TbaAuthentication(new TbaSigner(connection.getAccount(), credentials));
	}

	// The account's API on every request, so that retry and observation need not guess it.
	private RestClient signedClient(URI baseUrl, String api, ClientHttpRequestFactory requestFactory,
			List<ClientHttpRequestInterceptor> interceptors, NetSuiteErrorDecoder errors) {
		return this.builders.get()
			.baseUrl(baseUrl)
			.requestFactory(requestFactory)
			.requestInterceptors((list) -> list.addAll(interceptors))
			.defaultRequest((request) -> request.attribute(NetSuiteRequests.API_ATTRIBUTE, api))
			.defaultStatusHandler(NetSuiteErrorDecoder.IS_ERROR, errors)
			.build();
	}

	/**
	 * Build a request factory from Boot's builder (or the one detected on the class
	 * path), with the given settings, without hidden retries, without a connection pool
	 * that limits what the concurrency permits allow, and never following a redirect
	 * (whatever {@code spring.http.clients.redirects} says): a token request or a write
	 * re-sent to the host a redirect names would carry its credentials and body there.
	 */
	static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings) {
		HttpClientSettings noRedirects = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return HttpComponents.configure(httpComponents).build(noRedirects);
		}
		return builder.build(noRedirects);
	}

	private static void close(ClientHttpRequestFactory requestFactory) throws Exception {
		if (requestFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
		else if (requestFactory instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	/**
	 * Apache HttpClient's defaults that would undo the starter's own request handling.
	 * Kept apart so that HttpClient's classes load only when HttpClient is in use.
	 */
	static final class HttpComponents {

		/**
		 * Connections one account's pool may hold to one host: above any concurrency
		 * limit NetSuite grants, so that the permits, not the pool, limit what is in
		 * flight. Connections are opened only when requests need them.
		 */
		static final int MAX_CONNECTIONS_PER_HOST = 1000;

		static ClientHttpRequestFactoryBuilder<?> configure(HttpComponentsClientHttpRequestFactoryBuilder builder) {
			// HttpClient repeats 429 and 503 answers by itself, a create included, and re-sends
			// the old signature: only the starter's retry may decide what is repeated.
			return builder
				.withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
					// So that an attempt's deadline also ends a wait for the answer's headers.
					.addExecInterceptorFirst(HttpComponentsAttemptAbort.NAME, new HttpComponentsAttemptAbort()))
				// Its default of 5 connections per host would hold an account whose limit is
				// higher at 5 requests in flight, the others queued for a connection.
				.withConnectionManagerCustomizer((manager) -> manager.setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
					.setMaxConnTotal(2 * MAX_CONNECTIONS_PER_HOST));
		}

	}

}
