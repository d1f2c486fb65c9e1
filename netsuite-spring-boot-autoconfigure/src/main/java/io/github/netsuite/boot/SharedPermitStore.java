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
package io.github.netsuite.boot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where the {@link Permits shared permits} of every NetSuite account of the application
 * live.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface SharedPermitStore {

	/**
	 * Return the shared permits of an account.
	 * @param account what names the account's permits in the store: its realm, the same
	 * for every instance and application that shares them
	 * @param leaseTime how long a permit stays taken once its holder stops renewing it
	 * @return the account's permits
	 */
	Permits permits(String account, Duration leaseTime);

	/**
	 * The concurrency permits of one NetSuite account that every instance of the
	 * application shares through a store, such as Redis. A permit is a lease: the store
	 * takes it back after the lease time unless its holder renews it, so a crashed
	 * instance's permits come back by themselves.
	 * <p>
	 * When the store cannot be reached, the account's concurrency limit falls back to the
	 * instance's own permits until {@link #unavailable()} is {@code null} again.
	 *
	 * @author NetSuite Spring Boot team
	 * @see SharedPermitStore
	 * @since 0.1.0
	 */
	interface Permits {

		/**
		 * Take one of the shared permits, waiting at most the timeout for one to come
		 * free.
		 * @param limit the most permits that all instances together may hold, as this
		 * instance sees it now
		 * @param timeout the longest to wait
		 * @return the lease, to {@linkplain #release give back}; {@code null} when none
		 * came free in time
		 * @throws UnavailableException when the store cannot be reached
		 * @throws InterruptedException when interrupted while waiting
		 */
		@Nullable String acquire(int limit, Duration timeout) throws InterruptedException;

		/**
		 * Give a lease back, so that a waiting instance can take it. Never fails: a lease
		 * that could not be given back expires.
		 * @param lease the lease that {@link #acquire} returned
		 */
		void release(String lease);

		/**
		 * Return why the store cannot be reached, or {@code null} while it can.
		 * @return what happened and since when, or {@code null}
		 */
		@Nullable String unavailable();

		/**
		 * Return the name of the store, for health details and messages.
		 * @return the name, such as {@code redis}
		 */
		String store();

	}

	/**
	 * Thrown by {@link Permits} when the store cannot be reached; the account's
	 * concurrency limit then falls back to the instance's own permits.
	 *
	 * @author NetSuite Spring Boot team
	 * @since 0.1.0
	 */
	class UnavailableException extends RuntimeException {

		/**
		 * Create an exception.
		 * @param message what happened
		 * @param cause the store's failure, or {@code null}
		 */
		public UnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
