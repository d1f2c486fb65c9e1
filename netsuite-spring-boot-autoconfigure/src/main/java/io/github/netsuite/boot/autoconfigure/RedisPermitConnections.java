package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
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
 * same user, password and SSL), but never the application's own connection: its
 * commands time out after {@link #COMMAND_TIMEOUT} and fail at once while disconnected,
 * where the application's would wait for a reconnection, by default for a minute.
 *
 * @author NetSuite Spring Boot team
 */
final class RedisPermitConnections {

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	private RedisPermitConnections() {
	}

	static LettuceConnectionFactory connectionFactory(DataRedisConnectionDetails details) {
		boolean cluster = details.getCluster() != null;
		ClientOptions options = cluster
				? ClusterClientOptions.builder()
					.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
					.build()
				: ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build();
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(COMMAND_TIMEOUT)
			.shutdownTimeout(Duration.ZERO)
			.clientName("netsuite-permits")
			.clientOptions(options);
		if (details.getSslBundle() != null) {
			client.useSsl();
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration(details), client.build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
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
