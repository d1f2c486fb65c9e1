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

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How many pages a SuiteQL or record collection stream fetches ahead of the page its
 * consumer reads: as many as the account's permits allow, the concurrency limit in force
 * less one, read again each time a page is planned, so that an adaptive limit that
 * shrank after throttling (or grew back) is followed at once; never more than a cap, the
 * {@code netsuite.suiteql.prefetch-pages} property or {@link SuiteQlQuery#prefetch(int)}.
 * <p>
 * How a stream shares the permits with the account's other callers: with at most limit
 * less one pages ahead, a stream has at most as many requests out as there are permits,
 * the one its consumer waits for included. So it never queues for a permit behind its
 * own requests, and while its consumer reads a page one permit is free. The permits are
 * handed out first come, first served ({@link ConcurrencyGovernor}), and a stream asks
 * for its next page only once one of its pages has arrived: another caller waiting for
 * a permit gets the next one to come free, before the stream's next page, and waits at
 * most until one of the stream's pages ends.
 * <p>
 * Memory stays bounded: at most limit pages (or cap plus one) are held at once.
 *
 * @author NetSuite Spring Boot team
 */
final class ReadAhead {

	/**
	 * No cap of its own: as many pages ahead as the permits allow.
	 */
	static final int AS_PERMITS_ALLOW = Integer.MAX_VALUE;

	// Without permits (netsuite.concurrency.enabled=false), as under the default limit of 5,
	// the smallest account's: memory must stay bounded whatever the limit.
	static final int WITHOUT_PERMITS = 4;

	private final int cap;

	private final @Nullable NetSuitePermits permits;

	/**
	 * Create the read-ahead of an account.
	 * @param cap the most pages ahead, {@code 0} for one page at a time, or
	 * {@link #AS_PERMITS_ALLOW}
	 * @param permits the account's permits, or {@code null} when requests are not limited
	 */
	ReadAhead(int cap, @Nullable NetSuitePermits permits) {
		Assert.isTrue(cap >= 0, "'cap' must not be negative");
		this.cap = cap;
		this.permits = permits;
	}

	/**
	 * Return the account's cap, the default of its streams.
	 * @return the cap
	 */
	int cap() {
		return this.cap;
	}

	/**
	 * Return how many pages a stream with the account's cap may have ahead now.
	 * @return the pages
	 */
	int pages() {
		return pages(this.cap);
	}

	/**
	 * Return how many pages a stream with the given cap may have ahead now.
	 * @param cap the stream's cap
	 * @return the pages, {@code 0} to fetch no page before the consumer reaches it
	 */
	int pages(int cap) {
		NetSuitePermits permits = this.permits;
		int allowed = (permits != null) ? permits.limit() - 1 : WITHOUT_PERMITS;
		return Math.max(0, Math.min(cap, allowed));
	}

}
