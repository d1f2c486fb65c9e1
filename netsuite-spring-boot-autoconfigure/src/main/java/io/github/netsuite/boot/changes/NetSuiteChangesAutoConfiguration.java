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
package io.github.netsuite.boot.changes;

import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for NetSuite change feeds: finds the
 * {@link NetSuiteChangeListener} methods and follows their record types once the context has
 * started. Checkpoints and locks live in the application's database ({@code JdbcTemplate} and
 * Spring Integration's {@code JdbcLockRegistry}) or in Redis ({@code RedisLockRegistry}), as
 * {@code netsuite.changes.store} says; without it, in memory, with a warning. The store is never
 * guessed from the beans there are: a Redis connection factory exists whenever Spring Data Redis
 * is on the class path, and a database may not be the place for them.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = NetSuiteAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBean(NetSuiteAccounts.class)
@ConditionalOnBooleanProperty(name = "netsuite.changes.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NetSuiteChangesProperties.class)
public final class NetSuiteChangesAutoConfiguration {

	private static final Log logger = LogFactory.getLog(NetSuiteChangesAutoConfiguration.class);

	// Static: a post-processor is made before the other beans
	@Bean
	static ChangeListenerMethods netSuiteChangeListenerMethods() {
		return new ChangeListenerMethods();
	}

	@Bean
	ChangeFeeds netSuiteChangeFeeds(ChangeListenerMethods methods, NetSuiteAccounts accounts,
			NetSuiteChangesProperties properties, ObjectProvider<ChangeStore> stores,
			ObjectProvider<FeedMeters> meters) {
		ChangeStore store = stores.getIfAvailable();
		CheckpointStore checkpoints;
		Function<String, FeedLock> locks;
		if (store != null) {
			checkpoints = store.checkpoints();
			locks = store.locks();
		}
		else {
			NetSuiteChangesProperties.Store wanted = properties.getStore();
			if (wanted != null) {
				throw new IllegalStateException("netsuite.changes.store=" + wanted.name().toLowerCase(Locale.ROOT)
						+ " needs " + ((wanted == NetSuiteChangesProperties.Store.JDBC)
								? "a DataSource, spring-jdbc and spring-integration-jdbc"
								: "a Redis connection (spring.data.redis.*), spring-data-redis and spring-integration-redis")
						+ " in the application");
			}
			checkpoints = new MemoryCheckpointStore();
			locks = (feed) -> FeedLock.ALONE;
			if (!methods.listeners().isEmpty()) {
				logger.warn("NetSuite change feeds keep their checkpoints in memory: a restart replays or skips"
						+ " changes from netsuite.changes.start-at (" + properties.getStartAt()
						+ "), and every instance polls on its own. Set netsuite.changes.store=jdbc or redis.");
			}
		}
		return new ChangeFeeds(methods, accounts, checkpoints, locks, FeedSettings.of(properties),
				meters.getIfAvailable(() -> FeedMeters.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, JdbcLockRegistry.class })
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnProperty(name = "netsuite.changes.store", havingValue = "jdbc")
	static class JdbcStoreConfiguration {

		@Bean
		ChangeStore netSuiteChangeStore(DataSource dataSource, NetSuiteChangesProperties properties) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			JdbcChangeSchema.ensure(dataSource, jdbc, properties.getJdbc().getInitializeSchema());
			DefaultLockRepository repository = new DefaultLockRepository(dataSource);
			repository.setPrefix("NETSUITE_");
			repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
			repository.afterPropertiesSet();
			repository.afterSingletonsInstantiated();
			JdbcLockRegistry registry = new JdbcLockRegistry(repository, properties.getLease());
			return new ChangeStore(new JdbcCheckpointStore(jdbc),
					(feed) -> new LockRegistryFeedLock(registry, feed, properties.getLease()), repository::close);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ StringRedisTemplate.class, RedisLockRegistry.class })
	@ConditionalOnBean(RedisConnectionFactory.class)
	@ConditionalOnProperty(name = "netsuite.changes.store", havingValue = "redis")
	static class RedisStoreConfiguration {

		@Bean
		ChangeStore netSuiteChangeStore(RedisConnectionFactory connectionFactory,
				NetSuiteChangesProperties properties) {
			StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
			RedisLockRegistry registry = new RedisLockRegistry(connectionFactory, "netsuite:changes:lock",
					properties.getLease());
			return new ChangeStore(new RedisCheckpointStore(redis),
					(feed) -> new LockRegistryFeedLock(registry, feed, properties.getLease()), registry::destroy);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		FeedMeters netSuiteChangeFeedMeters(MeterRegistry registry) {
			return new ChangeFeedMeters(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("netsuite-changes")
	static class HealthConfiguration {

		// The contributor's name is the bean name without its suffix: "netsuiteChanges"
		@Bean
		@ConditionalOnMissingBean(name = "netsuiteChangesHealthIndicator")
		HealthIndicator netsuiteChangesHealthIndicator(ChangeFeeds feeds) {
			return new NetSuiteChangesHealthIndicator(feeds);
		}

	}

}
