package io.github.netsuite.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link RedisPermitConnections}.
 */
class RedisPermitConnectionsTests {

	@Test
	void namesWhatItNeedsWhenTheConnectionDetailsHaveNoStandaloneSentinelOrCluster() {
		// Such as details of a master/replica setup only: every connection is null by default
		DataRedisConnectionDetails none = new DataRedisConnectionDetails() {
		};
		assertThatIllegalStateException().isThrownBy(() -> RedisPermitConnections.connectionFactory(none))
			.withMessage("The shared NetSuite permits need a standalone, sentinel or cluster Redis connection");
	}

}
