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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Checkpoints in memory: the fallback when there is neither a database nor Redis; a restart
 * starts again at {@code netsuite.changes.start-at}.
 *
 * @author NetSuite Spring Boot team
 */
final class MemoryCheckpointStore implements CheckpointStore {

	private final Map<String, String> checkpoints = new ConcurrentHashMap<>();

	@Override
	public @Nullable String load(String feed) {
		return this.checkpoints.get(feed);
	}

	@Override
	public void save(String feed, String checkpoint) {
		this.checkpoints.put(feed, checkpoint);
	}

	@Override
	public String describe() {
		return "memory";
	}

}
