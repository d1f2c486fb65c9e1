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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.RecordBatchListener;
import io.github.netsuite.boot.SuiteQlPageListener;
import io.github.netsuite.boot.SharedPermitStore;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.redis.RedisSharedPermitStore;
import io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Oracle NetSuite: every
 * configured account ({@link NetSuiteAccounts}) with its authentication, permits and
 * signed {@link RestClient}s, and the primary account's {@link NetSuiteClient} and
 * clients as beans.
 * <p>
 * The primary account authenticates with a {@link NetSuiteAuthentication} bean when the
 * application defines one, with token-based authentication otherwise.
 * <p>
 * Backs off entirely when no {@code netsuite.*} credential is set and the application
 * defines no {@link NetSuiteConnectionDetails}; a partial or malformed configuration
 * stops start-up with a message naming every key that is wrong.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "netsuite.enabled", matchIfMissing = true)
@Conditional(OnNetSuiteConfiguredCondition.class)
@EnableConfigurationProperties(NetSuiteProperties.class)
public final class NetSuiteAutoConfiguration {

	private static final Log logger = LogFactory.getLog(NetSuiteAutoConfiguration.class);

	private static final String PAGE_EXECUTOR_PROPERTY = "netsuite.page-executor";

	// Spring Boot's TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME
	private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	// Beyond this many fetches at once, more threads would only wait for permits.
	private static final int PAGE_THREADS = 64;

	/**
	 * Name of the primary account's {@link RestClient} bean for REST web services
	 * (records, SuiteQL). It is not a default candidate: inject it with
	 * {@code @Qualifier(REST_CLIENT_BEAN_NAME)}.
	 */
	public static final String REST_CLIENT_BEAN_NAME = "netSuiteRestClient";

	/**
	 * Name of the primary account's {@link RestClient} bean for RESTlets. It is not a
	 * default candidate: inject it with {@code @Qualifier(RESTLET_CLIENT_BEAN_NAME)}.
	 */
	public static final String RESTLET_CLIENT_BEAN_NAME = "netSuiteRestletClient";

	@Bean
	@ConditionalOnMissingBean(NetSuiteConnectionDetails.class)
	PropertiesNetSuiteConnectionDetails netSuiteConnectionDetails(NetSuiteProperties properties) {
		return new PropertiesNetSuiteConnectionDetails(NetSuitePropertiesValidation.PRIMARY_PREFIX, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	NetSuiteAccounts netSuiteAccounts(NetSuiteProperties properties, NetSuiteConnectionDetails connectionDetails,
			ObjectProvider<PropertiesNetSuiteConnectionDetails> propertiesConnectionDetails,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NetSuiteRequestObservationConvention> convention, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SuiteQlPageListener> suiteQlPageListeners,
			ObjectProvider<RecordBatchListener> recordBatchListeners,
			ObjectProvider<NetSuiteAuthentication> primaryAuthentication,
			ObjectProvider<SharedPermitStore> sharedPermitStore, NetSuiteAccountResources netSuiteAccountResources,
			BeanFactory beanFactory, Environment environment) {
		// The primary account's connection is the bean, from the properties unless the application
		// defines its own; a named account's is from its properties. Checked once, all at once.
		PropertiesNetSuiteConnectionDetails primary = propertiesConnectionDetails.getIfAvailable();
		boolean fromProperties = primary != null;
		Map<String, PropertiesNetSuiteConnectionDetails> named = new LinkedHashMap<>();
		properties.getAccounts()
			.forEach((name, account) -> named.put(name,
					new PropertiesNetSuiteConnectionDetails(NetSuitePropertiesValidation.prefix(name), account)));
		NetSuitePropertiesValidation.validate(properties, primary, named, UnresolvedPlaceholders.Written.of(environment));
		List<SuiteQlPageListener> listeners = suiteQlPageListeners.orderedStream().toList();
		List<RecordBatchListener> batchListeners = recordBatchListeners.orderedStream().toList();
		// micrometer-observation comes with spring-context; without a registry bean it is a no-op.
		NetSuiteAccountFactory factory = new NetSuiteAccountFactory(
				NetSuiteAccountFactory.builders(restClientCustomizers.orderedStream().toList()),
				requestFactoryBuilders.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), convention.getIfAvailable(),
				jsonMapper.getIfAvailable(
						() -> JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()),
				properties.getRetry(),
				(account, rows) -> listeners.forEach((listener) -> listener.pageRead(account, rows)),
				new RecordBatchListener() {

					@Override
					public void submitted(AccountId account, String type, int items) {
						batchListeners.forEach((listener) -> listener.submitted(account, type, items));
					}

					@Override
					public void finished(AccountId account, String type, boolean accepted, int succeeded, int failed) {
						batchListeners
							.forEach((listener) -> listener.finished(account, type, accepted, succeeded, failed));
					}

				},
				pageExecutor(properties.getPageExecutor(), beanFactory, netSuiteAccountResources::add),
				sharedPermitStore::getIfAvailable, netSuiteAccountResources::add);
		List<NetSuiteAccount> accounts = new ArrayList<>();
		// An application may bring its own authentication for the primary account.
		accounts.add(factory.create(NetSuiteAccounts.PRIMARY, connectionDetails, properties,
				primaryAuthentication.getIfUnique()));
		named.forEach((name, connection) -> accounts
			.add(factory.create(name, connection, properties.accountSettings(name), null)));
		if (logger.isInfoEnabled()) {
			for (NetSuiteAccount account : accounts) {
				logger.info(describe(account, properties.accountSettings(account.name()),
						(account.name().equals(NetSuiteAccounts.PRIMARY) && !fromProperties) ? connectionDetails
								: null));
			}
		}
		return new NetSuiteAccounts(accounts);
	}

	/**
	 * Return the executor that fetches pages ahead: the bean {@code netsuite.page-executor}
	 * names, else Boot's {@code applicationTaskExecutor} (virtual threads when the
	 * application enables them), else a bounded pool of daemon threads of the starter's
	 * own, shared by every account and stopped at shutdown.
	 * @param name the bean name, or {@code null}
	 * @param beanFactory where the bean lives
	 * @param closeables takes what is closed at shutdown
	 * @return the executor
	 * @throws InvalidNetSuitePropertiesException if the named bean does not exist or is no
	 * {@link Executor}
	 */
	static Executor pageExecutor(@Nullable String name, BeanFactory beanFactory,
			Consumer<AutoCloseable> closeables) {
		if (name != null && !name.isBlank()) {
			if (!beanFactory.containsBean(name)) {
				throw invalidPageExecutor("names no bean ('" + name + "')");
			}
			if (!beanFactory.isTypeMatch(name, Executor.class)) {
				throw invalidPageExecutor("names a bean that is not an Executor ('" + name + "')");
			}
			return beanFactory.getBean(name, Executor.class);
		}
		if (beanFactory.containsBean(APPLICATION_TASK_EXECUTOR)
				&& beanFactory.isTypeMatch(APPLICATION_TASK_EXECUTOR, Executor.class)) {
			return beanFactory.getBean(APPLICATION_TASK_EXECUTOR, Executor.class);
		}
		// Its own threads: a fetch blocks on a permit and on the wire. None until a page is
		// fetched ahead; past the pool's size a fetch is refused, and the consumer fetches the
		// page itself when it gets there.
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor own = new ThreadPoolExecutor(0, PAGE_THREADS, 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "netsuite-pages-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		closeables.accept(own::shutdown);
		return own;
	}

	private static InvalidNetSuitePropertiesException invalidPageExecutor(String reason) {
		return new InvalidNetSuitePropertiesException(List.of(new InvalidNetSuitePropertiesException.Problem(
				PAGE_EXECUTOR_PROPERTY, reason,
				"name an Executor bean, or remove the property to use applicationTaskExecutor or the starter's "
						+ "own threads")));
	}

	// Closed after the accounts and what uses them: requests still waiting for a permit
	// are refused as never sent, then the request factories close.
	@Bean
	NetSuiteAccountResources netSuiteAccountResources() {
		return new NetSuiteAccountResources();
	}

	/**
	 * Return the start-up line of an account: what it is and how the starter talks to
	 * it, never a credential.
	 * @param account the account
	 * @param settings its settings
	 * @param connectionDetails the connection details the application defined, if the
	 * account's connection comes from them rather than from the properties
	 */
	static String describe(NetSuiteAccount account, NetSuiteAccountProperties settings,
			@Nullable NetSuiteConnectionDetails connectionDetails) {
		StringBuilder line = new StringBuilder("NetSuite account '").append(account.name())
			.append("': realm ")
			.append(account.id().realm())
			.append(", ")
			.append(account.authentication().description())
			.append(", REST ")
			.append(account.restUrl())
			.append(", RESTlets ")
			.append(account.restletUrl());
		NetSuitePermits permits = account.permits();
		if (permits != null) {
			line.append(", ").append(permits.description());
			if (settings.getConcurrency().isUseGovernanceLimits()) {
				line.append(", limit to be sized from NetSuite's governance limits");
			}
		}
		else {
			line.append(", no concurrency limit");
		}
		if (connectionDetails != null) {
			line.append(", connection from ").append(connectionDetails.getClass().getSimpleName());
		}
		return line.toString();
	}

	/**
	 * Name of the bean of the primary account's authentication as a
	 * {@link ClientHttpRequestInterceptor}, for users who build their own
	 * {@link RestClient}s: it signs (or carries the access token of) every request it
	 * sees, and nothing else (no permit, retry or error reading).
	 */
	public static final String AUTHENTICATION_INTERCEPTOR_BEAN_NAME = "netSuiteAuthenticationInterceptor";

	// For users who build their own clients: the primary account's authentication.
	@Bean(name = AUTHENTICATION_INTERCEPTOR_BEAN_NAME)
	@ConditionalOnMissingBean(name = AUTHENTICATION_INTERCEPTOR_BEAN_NAME)
	ClientHttpRequestInterceptor netSuiteAuthenticationInterceptor(NetSuiteAccounts accounts) {
		NetSuiteAuthentication authentication = accounts.primary().authentication();
		return (request, body, execution) -> {
			authentication.authenticate(request, body);
			return execution.execute(request, body);
		};
	}

	@Bean
	GovernanceLimitsSizer netSuiteGovernanceLimitsSizer(NetSuiteAccounts accounts, NetSuiteProperties properties) {
		return new GovernanceLimitsSizer(accounts, properties);
	}

	// Not default candidates: they must never compete with the application's own RestClients.
	@Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
	RestClient netSuiteRestClient(NetSuiteAccounts accounts) {
		return accounts.primary().restClient();
	}

	@Bean(name = RESTLET_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = RESTLET_CLIENT_BEAN_NAME)
	RestClient netSuiteRestletClient(NetSuiteAccounts accounts) {
		return accounts.primary().restletClient();
	}

	@Bean
	@ConditionalOnMissingBean
	NetSuiteClient netSuiteClient(NetSuiteAccounts accounts) {
		return accounts.primary().client();
	}

	/**
	 * Permits shared through Redis, for accounts with {@code concurrency.store=redis}.
	 * They have a Lettuce connection of their own to the application's Redis
	 * ({@code spring.data.redis.*}, TLS and its SSL bundle included), whose commands time
	 * out quickly and fail at once while disconnected, so that a request falls back to
	 * local permits rather than wait on Redis.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ LettuceConnectionFactory.class, DataRedisConnectionDetails.class })
	@Conditional(OnRedisPermitStoreCondition.class)
	static class RedisPermitStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SharedPermitStore.class)
		RedisSharedPermitStore netSuiteRedisPermitStore(ObjectProvider<DataRedisConnectionDetails> connectionDetails,
				ObjectProvider<DataRedisProperties> properties) {
			DataRedisConnectionDetails details = connectionDetails.getIfAvailable();
			if (details == null) {
				throw new IllegalStateException("netsuite.concurrency.store=redis needs Spring Boot's Redis "
						+ "auto-configuration (DataRedisAutoConfiguration) for the spring.data.redis.* connection");
			}
			DataRedisProperties redis = properties.getIfAvailable();
			return new RedisSharedPermitStore(
					RedisPermitConnections.connectionFactory(details, (redis != null) ? redis.getUrl() : null));
		}

	}

}
