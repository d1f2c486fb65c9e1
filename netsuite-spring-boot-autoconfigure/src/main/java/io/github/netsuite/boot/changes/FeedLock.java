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

/**
 * The lock that lets one instance poll a feed: held across polls by the feed's own thread and
 * renewed before its lease runs out; another instance takes it when it was not renewed within
 * the lease.
 *
 * @author NetSuite Spring Boot team
 */
interface FeedLock {

	/**
	 * Take the lock if it is free, without waiting.
	 */
	boolean tryAcquire();

	/**
	 * Renew the lease of the lock this thread holds.
	 * @return {@code false} if the lock was lost (the lease ran out and another took it)
	 */
	boolean renew();

	/**
	 * Give the lock back, if this thread still holds it.
	 */
	void release();

	/**
	 * A lock for an application that polls alone (the in-memory store): always free.
	 */
	FeedLock ALONE = new FeedLock() {

		@Override
		public boolean tryAcquire() {
			return true;
		}

		@Override
		public boolean renew() {
			return true;
		}

		@Override
		public void release() {
		}

	};

}
