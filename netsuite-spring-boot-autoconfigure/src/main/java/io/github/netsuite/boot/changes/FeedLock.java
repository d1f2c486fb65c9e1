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
