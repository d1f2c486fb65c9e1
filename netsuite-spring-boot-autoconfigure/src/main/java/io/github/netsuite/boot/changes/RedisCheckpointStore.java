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
