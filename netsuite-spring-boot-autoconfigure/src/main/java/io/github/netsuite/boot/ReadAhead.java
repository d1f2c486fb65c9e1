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
 * consumer reads: as many as the account's permits allow, the concurrency limit in force,
 * read again each time a page is planned, so that an adaptive limit that shrank after
 * throttling (or grew back) is followed at once; never more than a cap, the
 * {@code netsuite.suiteql.prefetch-pages} property or {@link SuiteQlQuery#prefetch(int)}.
 * <p>
 * How a stream shares the permits with the account's other callers: the permits are
 * handed out first come, first served ({@link ConcurrencyGovernor}), and a stream asks for
 * a page more only when its consumer moves on to the next page. While the consumer waits
 * for a page, its stream has that page and the limit's worth ahead out: every permit in
 * use and one page waiting for the next to come free, so no permit idles between two
 * pages. A request of another caller queues behind that one page only, not behind the
 * rest of the stream: it waits for at most two of the stream's pages to end, then the
 * stream's next page waits behind it. The one waiting page also tells an adaptive limit
 * that more permits would be used, so that one that shrank after throttling grows back.
 * <p>
 * Memory stays bounded: at most the limit plus one pages (or cap plus one) are held at
 * once, whatever the consumer's pace.
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
	static final int WITHOUT_PERMITS = 5;

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
		int allowed = (permits != null) ? permits.limit() : WITHOUT_PERMITS;
		return Math.max(0, Math.min(cap, allowed));
	}

}
