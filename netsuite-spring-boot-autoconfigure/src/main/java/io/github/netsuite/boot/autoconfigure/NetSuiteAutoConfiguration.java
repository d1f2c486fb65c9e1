package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.auth.TbaSigner;
import io.github.netsuite.boot.http.ConcurrencyGovernor;
import io.github.netsuite.boot.http.RetryInterceptor;
import io.github.netsuite.boot.http.TbaSigningInterceptor;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import io.github.netsuite.boot.observation.NetSuiteObservationInterceptor;
import io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Oracle NetSuite: the account, the
 * token-based authentication signer and interceptor, {@link RestClient}s signed for REST
 * web services and RESTlets, and the {@link NetSuiteClient} built on them.
 * <p>
 * Backs off entirely when no {@code netsuite.*} credential is set; a partial or malformed
 * configuration stops start-up with a message naming every key that is wrong.
 *
 * @author NetSuite Spring Boot team
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "netsuite.enabled", matchIfMissing = true)
@Conditional(OnNetSuiteCredentialsCondition.class)
@EnableConfigurationProperties(NetSuiteProperties.class)
public final class NetSuiteAutoConfiguration {

	/**
	 * Name of the {@link RestClient} bean for REST web services (records, SuiteQL). It is
	 * not a default candidate: inject it with {@code @Qualifier(REST_CLIENT_BEAN_NAME)}.
	 */
	public static final String REST_CLIENT_BEAN_NAME = "netSuiteRestClient";

	/**
	 * Name of the {@link RestClient} bean for RESTlets. It is not a default candidate:
	 * inject it with {@code @Qualifier(RESTLET_CLIENT_BEAN_NAME)}.
	 */
	public static final String RESTLET_CLIENT_BEAN_NAME = "netSuiteRestletClient";

	@Bean
	@ConditionalOnMissingBean
	NetSuiteAccount netSuiteAccount(NetSuiteProperties properties) {
		return NetSuiteAccounts.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	TbaSigner netSuiteTbaSigner(NetSuiteAccount account) {
		return new TbaSigner(account.id(), account.credentials());
	}

	@Bean
	@ConditionalOnMissingBean
	TbaSigningInterceptor netSuiteTbaSigningInterceptor(TbaSigner signer) {
		return new TbaSigningInterceptor(signer);
	}

	// Both take the account, whose creation validates every netsuite.* property first.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "netsuite.concurrency.enabled", matchIfMissing = true)
	ConcurrencyGovernor netSuiteConcurrencyGovernor(NetSuiteProperties properties, NetSuiteAccount account) {
		NetSuiteProperties.Concurrency concurrency = properties.getConcurrency();
		return new ConcurrencyGovernor(concurrency.getLimit(), concurrency.getAcquireTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "netsuite.retry.enabled", matchIfMissing = true)
	RetryInterceptor netSuiteRetryInterceptor(NetSuiteProperties properties, NetSuiteAccount account) {
		NetSuiteProperties.Retry retry = properties.getRetry();
		return new RetryInterceptor(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxElapsed());
	}

	@Bean
	@ConditionalOnBean(ConcurrencyGovernor.class)
	@ConditionalOnBooleanProperty("netsuite.concurrency.use-governance-limits")
	GovernanceLimitsSizer netSuiteGovernanceLimitsSizer(ConcurrencyGovernor governor,
			@Qualifier(REST_CLIENT_BEAN_NAME) RestClient rest) {
		return new GovernanceLimitsSizer(governor, rest);
	}

	// micrometer-observation comes with spring-context; without a registry bean it is a no-op.
	@Bean
	@ConditionalOnMissingBean
	NetSuiteObservationInterceptor netSuiteObservationInterceptor(NetSuiteAccount account,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NetSuiteRequestObservationConvention> convention) {
		return new NetSuiteObservationInterceptor(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				account.id().realm(), convention.getIfAvailable());
	}

	@Bean
	NetSuiteInterceptors netSuiteInterceptors(ObjectProvider<RetryInterceptor> retry,
			ObjectProvider<ConcurrencyGovernor> governor, NetSuiteObservationInterceptor observation,
			TbaSigningInterceptor signing) {
		return new NetSuiteInterceptors(retry.getIfAvailable(), governor.getIfAvailable(), observation, signing);
	}

	// Not default candidates: they must never compete with the application's own RestClients.
	@Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
	RestClient netSuiteRestClient(NetSuiteAccount account, NetSuiteProperties properties,
			NetSuiteInterceptors interceptors, ObjectProvider<RestClient.Builder> builders,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		return signedRestClient(account.restUrl(), properties, interceptors, builders, requestFactoryBuilders,
				httpClientSettings);
	}

	@Bean(name = RESTLET_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = RESTLET_CLIENT_BEAN_NAME)
	RestClient netSuiteRestletClient(NetSuiteAccount account, NetSuiteProperties properties,
			NetSuiteInterceptors interceptors, ObjectProvider<RestClient.Builder> builders,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		return signedRestClient(account.restletUrl(), properties, interceptors, builders, requestFactoryBuilders,
				httpClientSettings);
	}

	@Bean
	@ConditionalOnMissingBean
	NetSuiteClient netSuiteClient(@Qualifier(REST_CLIENT_BEAN_NAME) RestClient rest,
			@Qualifier(RESTLET_CLIENT_BEAN_NAME) RestClient restlets, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SuiteQlPageListener> suiteQlPageListeners) {
		List<SuiteQlPageListener> listeners = suiteQlPageListeners.orderedStream().toList();
		return new NetSuiteClient(rest, restlets,
				jsonMapper.getIfAvailable(
						() -> JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()),
				(rows) -> listeners.forEach((listener) -> listener.pageRead(rows)));
	}

	// Boot's builder (a new prototype each time) keeps its customizers and observation.
	private static RestClient signedRestClient(URI baseUrl, NetSuiteProperties properties,
			NetSuiteInterceptors interceptors, ObjectProvider<RestClient.Builder> builders,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout());
		return builders.getIfAvailable(RestClient::builder)
			.baseUrl(baseUrl)
			.requestFactory(requestFactory(requestFactoryBuilders, settings))
			.requestInterceptors((list) -> list.addAll(interceptors.inOrder()))
			.build();
	}

	/**
	 * Build the request factory for NetSuite's clients from Boot's builder (or the one
	 * detected on the class path), with the given settings and without hidden retries.
	 */
	static ClientHttpRequestFactory requestFactory(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builders,
			HttpClientSettings settings) {
		ClientHttpRequestFactoryBuilder<?> builder = builders.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			builder = HttpComponentsRetries.disable(httpComponents);
		}
		return builder.build(settings);
	}

	/**
	 * Apache HttpClient repeats 429 and 503 answers by itself, a create included, and
	 * re-sends the old signature: only the starter's retry may decide what is repeated.
	 * Kept apart so that HttpClient's classes load only when HttpClient is in use.
	 */
	static final class HttpComponentsRetries {

		static ClientHttpRequestFactoryBuilder<?> disable(HttpComponentsClientHttpRequestFactoryBuilder builder) {
			return builder.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries);
		}

	}

}
