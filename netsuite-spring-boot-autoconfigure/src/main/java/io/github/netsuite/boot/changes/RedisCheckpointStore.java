package io.github.netsuite.boot.changes;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Checkpoints in Redis, one string key per feed: {@code netsuite:changes:checkpoint:<feed>}.
 *
 * @author NetSuite Spring Boot team
 */
final class RedisCheckpointStore implements CheckpointStore {

	static final String PREFIX = "netsuite:changes:checkpoint:";

	private final StringRedisTemplate redis;

	RedisCheckpointStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public @Nullable String load(String feed) {
		return this.redis.opsForValue().get(PREFIX + feed);
	}

	@Override
	public void save(String feed, String checkpoint) {
		this.redis.opsForValue().set(PREFIX + feed, checkpoint);
	}

	@Override
	public String describe() {
		return "redis";
	}

}
