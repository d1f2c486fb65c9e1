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

import java.util.function.Function;

/**
 * Where the feeds keep checkpoints and take their locks: the two always live together, so that
 * every instance that shares the checkpoints also shares the locks.
 *
 * @author NetSuite Spring Boot team
 */
record ChangeStore(CheckpointStore checkpoints, Function<String, FeedLock> locks, AutoCloseable resources)
		implements AutoCloseable {

	@Override
	public void close() throws Exception {
		this.resources.close();
	}

}
