package io.github.netsuite.boot;

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
	SuiteQlPageListener NONE = (rows) -> {
	};

	/**
	 * Called once NetSuite answered a SuiteQL page request and the page was read.
	 * @param rows the number of rows on the page
	 */
	void pageRead(int rows);

}
