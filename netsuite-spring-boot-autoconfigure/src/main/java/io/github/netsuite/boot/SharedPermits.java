package io.github.netsuite.boot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The concurrency permits of one NetSuite account that every instance of the application
 * shares through a store, such as Redis. A permit is a lease: the store takes it back
 * after the lease time unless its holder renews it, so a crashed instance's permits come
 * back by themselves.
 * <p>
 * When the store cannot be reached, the account's governor falls back to the
 * instance's own permits until {@link #unavailable()} is {@code null} again.
 *
 * @author NetSuite Spring Boot team
 * @see SharedPermitStore
 * @since 0.1.0
 */
public interface SharedPermits {

	/**
	 * Take one of the shared permits, waiting at most the timeout for one to come free.
	 * @param limit the most permits that all instances together may hold, as this
	 * instance sees it now
	 * @param timeout the longest to wait
	 * @return the lease, to {@linkplain #release give back}; {@code null} when none came
	 * free in time
	 * @throws SharedPermitsUnavailableException when the store cannot be reached
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
