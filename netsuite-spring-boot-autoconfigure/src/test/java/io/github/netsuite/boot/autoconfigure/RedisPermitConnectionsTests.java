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

import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RedisPermitConnections}. Their TLS against a real {@code redis-server}
 * is tested by {@code RedisTlsSharedPermitsDoubleTests} in the test module.
 */
class RedisPermitConnectionsTests {

	@Test
	void namesWhatItNeedsWhenTheConnectionDetailsHaveNoStandaloneSentinelOrCluster() {
		// Such as details of a master/replica setup only: every connection is null by default
		DataRedisConnectionDetails none = new DataRedisConnectionDetails() {
		};
		assertThatIllegalStateException().isThrownBy(() -> RedisPermitConnections.connectionFactory(none, null))
			.withMessage("The shared NetSuite permits need a standalone, sentinel or cluster Redis connection");
	}

	@Test
	void takesTheCiphersAndProtocolsOfTheSslBundleAsBootsConnectionDoes() {
		SslBundle bundle = SslBundle.of(SslStoreBundle.NONE, null,
				SslOptions.of(new String[] { "TLS_AES_256_GCM_SHA384" }, new String[] { "TLSv1.3" }));
		withClient(standalone(bundle), null, (client) -> {
			assertThat(client.isUseSsl()).isTrue();
			assertThat(client.isVerifyPeer()).isTrue();
			io.lettuce.core.SslOptions ssl = client.getClientOptions().map(ClientOptions::getSslOptions).orElseThrow();
			assertThat(ssl.getCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
			assertThat(ssl.getProtocols()).containsExactly("TLSv1.3");
		});
	}

	@Test
	void usesTlsForARedissUrlAsBootsConnectionDoes() {
		withClient(standalone(null), "rediss://redis.example.com:6380", (client) -> {
			assertThat(client.isUseSsl()).isTrue();
			assertThat(client.isVerifyPeer()).isTrue();
		});
	}

	@Test
	void usesNoTlsWithoutABundleOrARedissUrl() {
		withClient(standalone(null), "redis://redis.example.com:6379",
				(client) -> assertThat(client.isUseSsl()).isFalse());
	}

	private static void withClient(DataRedisConnectionDetails details, @Nullable String url,
			Consumer<LettuceClientConfiguration> client) {
		LettuceConnectionFactory factory = RedisPermitConnections.connectionFactory(details, url);
		try {
			client.accept(factory.getClientConfiguration());
			assertThat(factory.getClientConfiguration().getClientOptions().orElseThrow().getDisconnectedBehavior())
				.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		}
		finally {
			factory.destroy();
		}
	}

	private static DataRedisConnectionDetails standalone(@Nullable SslBundle bundle) {
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return Standalone.of("127.0.0.1", 6379);
			}

			@Override
			public @Nullable SslBundle getSslBundle() {
				return bundle;
			}

		};
	}

}
