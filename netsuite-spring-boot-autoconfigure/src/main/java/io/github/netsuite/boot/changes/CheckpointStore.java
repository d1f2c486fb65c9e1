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

/**
 * Where the checkpoints of change feeds live, by feed ID. Only the instance that holds a feed's
 * lock writes its checkpoint.
 *
 * @author NetSuite Spring Boot team
 */
interface CheckpointStore {

	@Nullable String load(String feed);

	void save(String feed, String checkpoint);

	/**
	 * What the store is, for the log and health.
	 */
	String describe();

}
