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
package io.github.netsuite.boot.autoconfigure;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.HttpComponentsAttemptAbort;
import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.SharedPermitStore;
import io.github.netsuite.boot.RecordBatchListener;
import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
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
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Maps each account's connection and settings onto {@link NetSuiteAccount#builder}, with
 * what all accounts share: {@link RestClient.Builder}s with the application's
 * {@link RestClientCustomizer}s (so Boot's {@code http.client.requests} observation and
 * message converters apply), the request factory, the observation registry, the JSON
 * mapper, the retry settings, the SuiteQL page listeners and the executor of pages
 * fetched ahead. The builder assembles the chain (see {@link NetSuiteAccount.Builder}).
 * <p>
 * What it creates that holds threads or connections (the accounts, request factories) is
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

	private final RecordBatchListener batchListener;

	private final @Nullable Executor pageExecutor;

	private final Supplier<@Nullable SharedPermitStore> sharedPermitStore;

	private final Consumer<AutoCloseable> closeables;

	NetSuiteAccountFactory(Supplier<RestClient.Builder> builders,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings httpClientSettings,
			ObservationRegistry observationRegistry, @Nullable NetSuiteRequestObservationConvention convention,
			ObjectMapper mapper, NetSuiteProperties.Retry retry, SuiteQlPageListener pageListener,
			RecordBatchListener batchListener, @Nullable Executor pageExecutor, Supplier<@Nullable SharedPermitStore> sharedPermitStore,
			Consumer<AutoCloseable> closeables) {
		this.builders = builders;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.mapper = mapper;
		this.retry = retry;
		this.pageListener = pageListener;
		this.batchListener = batchListener;
		this.pageExecutor = pageExecutor;
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
		ClientHttpRequestFactory requestFactory = requestFactory(this.requestFactoryBuilder,
				this.httpClientSettings.withTimeouts(settings.getConnectTimeout(), settings.getReadTimeout()));
		NetSuiteAccount.Builder builder = NetSuiteAccount.builder(connection.getAccount())
			.name(name)
			.restUrl(connection.getRestUrl())
			.restletUrl(connection.getRestletUrl())
			.requestFactory(requestFactory)
			.restClientBuilders(this.builders)
			.jsonMapper(this.mapper)
			.observations(this.observationRegistry, this.convention)
			.attemptTimeout(settings.getAttemptTimeout())
			.callTimeout(settings.getCallTimeout())
			.maxAnswerSize(settings.getMaxAnswerSize())
			// One token request: its connection and its answer (the builder adds its permit).
			.tokenRequestTimeout(settings.getConnectTimeout().plus(settings.getReadTimeout()))
			.suiteQlPrefetchPages(Objects.requireNonNullElse(settings.getSuiteql().getPrefetchPages(),
					NetSuiteClient.DEFAULT_SUITEQL_PREFETCH_PAGES))
			.suiteQlPageListener(this.pageListener)
			.exactlyOnceWrites(settings.getRecords().isExactlyOnceWrites())
			.propertyValidation(settings.getRecords().getPropertyNameValidation(),
					settings.getRecords().getPropertyValueValidation())
			.asyncPolling(settings.getAsync().getPollInterval(), settings.getAsync().getMaxPollInterval(),
					settings.getAsync().getTimeout())
			.batch(settings.getBatch().getSize(), settings.getBatch().getPollInterval(),
					settings.getBatch().getMaxPollInterval(), settings.getBatch().getTimeout())
			.batchListener(this.batchListener);
		if (this.pageExecutor != null) {
			builder.pageExecutor(this.pageExecutor);
		}
		if (this.retry.isEnabled()) {
			builder.retry(this.retry.getMaxAttempts(), this.retry.getInitialBackoff(), this.retry.getMaxBackoff(),
					this.retry.getMaxElapsed());
		}
		else {
			builder.noRetry();
		}
		concurrency(builder, name, settings.getConcurrency());
		authentication(builder, connection, customAuthentication);
		NetSuiteAccount account = builder.build();
		// The account first: requests still waiting for a permit fail before the factory closes.
		this.closeables.accept(account);
		if (requestFactory instanceof AutoCloseable || requestFactory instanceof DisposableBean) {
			this.closeables.accept(() -> close(requestFactory));
		}
		return account;
	}

	private void concurrency(NetSuiteAccount.Builder builder, String name,
			NetSuiteAccountProperties.Concurrency concurrency) {
		if (!concurrency.isEnabled()) {
			builder.noConcurrencyLimit();
			return;
		}
		builder.concurrencyLimit(concurrency.getLimit(), concurrency.getAcquireTimeout())
			.adaptiveLimit(concurrency.isAdaptive());
		if (concurrency.getStore() == NetSuiteAccountProperties.Concurrency.Store.REDIS) {
			SharedPermitStore store = this.sharedPermitStore.get();
			if (store == null) {
				throw new IllegalStateException("NetSuite account '" + name + "' has concurrency.store=redis, which "
						+ "needs Spring Data Redis with Lettuce and Spring Boot's Redis auto-configuration: add "
						+ "org.springframework.boot:spring-boot-starter-data-redis and configure spring.data.redis.*");
			}
			builder.sharedPermits(store, concurrency.getLeaseTime());
		}
	}

	// The application's own authentication, OAuth 2.0, or token-based authentication.
	private static void authentication(NetSuiteAccount.Builder builder, NetSuiteConnectionDetails connection,
			@Nullable NetSuiteAuthentication customAuthentication) {
		OAuth2Credentials oauth2 = connection.getOAuth2Credentials();
		TbaCredentials credentials = connection.getCredentials();
		if (customAuthentication != null) {
			builder.authentication(customAuthentication);
		}
		else if (oauth2 != null) {
			builder.oauth2(oauth2).tokenUrl(connection.getTokenUrl());
		}
		else {
			Assert.state(credentials != null, "NetSuiteConnectionDetails must give TBA or OAuth 2.0 credentials");
			builder.tba(credentials);
		}
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
