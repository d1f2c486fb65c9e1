package io.github.netsuite.boot;

import io.github.netsuite.boot.auth.AccountId;

/**
 * Told of every page of SuiteQL rows {@link NetSuiteClient} reads; the metrics
 * auto-configuration counts them as {@code netsuite.suiteql.pages} and
 * {@code netsuite.suiteql.rows}. Kept free of Micrometer, which is optional.
 *
 * @author NetSuite Spring Boot team
 */
@FunctionalInterface
public interface SuiteQlPageListener {

	/**
	 * A listener that does nothing.
	 */
	SuiteQlPageListener NONE = (account, rows) -> {
	};

	/**
	 * Called once NetSuite answered a SuiteQL page request and the page was read.
	 * @param account the account the page came from
	 * @param rows the number of rows on the page
	 */
	void pageRead(AccountId account, int rows);

}
