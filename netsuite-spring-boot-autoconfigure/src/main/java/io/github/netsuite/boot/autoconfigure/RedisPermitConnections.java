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

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.Assert;

/**
 * The Lettuce connection of the shared permits to the application's Redis, from Spring
 * Boot's {@link DataRedisConnectionDetails} (standalone, sentinel or cluster, with the
 * same user, password and TLS), but never the application's own connection: its
 * commands time out after {@link #COMMAND_TIMEOUT} and fail at once while disconnected,
 * where the application's would wait for a reconnection, by default for a minute.
 * <p>
 * TLS is as Boot's own Lettuce connection has it: with the details' SSL bundle
 * ({@code spring.data.redis.ssl.bundle}, or the JDK's trust store when only
 * {@code spring.data.redis.ssl.enabled}), its key and trust material, ciphers and
 * protocols, and with the JDK's trust store for a {@code rediss://} URL.
 *
 * @author NetSuite Spring Boot team
 */
final class RedisPermitConnections {

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	private RedisPermitConnections() {
	}

	/**
	 * A started connection factory.
	 * @param details the application's Redis connection
	 * @param url {@code spring.data.redis.url}, if any: {@code rediss://} asks for TLS as it
	 * does of Boot's connection
	 * @return the factory, initialized and started
	 */
	static LettuceConnectionFactory connectionFactory(DataRedisConnectionDetails details, @Nullable String url) {
		ClientOptions.Builder options = (details.getCluster() != null) ? ClusterClientOptions.builder()
				: ClientOptions.builder();
		options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		SslBundle sslBundle = details.getSslBundle();
		if (sslBundle != null) {
			options.sslOptions(sslOptions(sslBundle));
		}
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(COMMAND_TIMEOUT)
			.shutdownTimeout(Duration.ZERO)
			.clientName("netsuite-permits")
			.clientOptions(options.build());
		if (sslBundle != null || (url != null && url.startsWith("rediss:"))) {
			// Verifying the peer, its certificate and host name, as Boot's connection does
			client.useSsl();
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration(details), client.build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	// As Boot's LettuceConnectionConfiguration applies the bundle
	private static io.lettuce.core.SslOptions sslOptions(SslBundle bundle) {
		io.lettuce.core.SslOptions.Builder builder = io.lettuce.core.SslOptions.builder()
			.keyManager(bundle.getManagers().getKeyManagerFactory())
			.trustManager(bundle.getManagers().getTrustManagerFactory());
		SslOptions options = bundle.getOptions();
		if (options.getCiphers() != null) {
			builder.cipherSuites(options.getCiphers());
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
		return builder.build();
	}

	private static RedisConfiguration configuration(DataRedisConnectionDetails details) {
		RedisPassword password = RedisPassword.of(details.getPassword());
		if (details.getSentinel() != null) {
			DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
			RedisSentinelConfiguration configuration = new RedisSentinelConfiguration();
			configuration.master(sentinel.getMaster());
			sentinel.getNodes().forEach((node) -> configuration.sentinel(node.host(), node.port()));
			configuration.setSentinelUsername(sentinel.getUsername());
			configuration.setSentinelPassword(RedisPassword.of(sentinel.getPassword()));
			configuration.setUsername(details.getUsername());
			configuration.setPassword(password);
			configuration.setDatabase(sentinel.getDatabase());
			return configuration;
		}
		if (details.getCluster() != null) {
			RedisClusterConfiguration configuration = new RedisClusterConfiguration();
			details.getCluster().getNodes().forEach((node) -> configuration.clusterNode(node.host(), node.port()));
			configuration.setUsername(details.getUsername());
			configuration.setPassword(password);
			return configuration;
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		Assert.state(standalone != null,
				"The shared NetSuite permits need a standalone, sentinel or cluster Redis connection");
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(standalone.getHost(),
				standalone.getPort());
		configuration.setDatabase(standalone.getDatabase());
		configuration.setUsername(details.getUsername());
		configuration.setPassword(password);
		return configuration;
	}

}
