package io.github.netsuite.boot.observation;

import io.github.netsuite.boot.SuiteQlPageListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;

/**
 * Counts the SuiteQL pages ({@code netsuite.suiteql.pages}) and rows
 * ({@code netsuite.suiteql.rows}) a {@code NetSuiteClient} reads, tagged with the account
 * realm.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteSuiteQlMeters implements SuiteQlPageListener {

	/**
	 * Name of the counter of SuiteQL pages read.
	 */
	public static final String PAGES = "netsuite.suiteql.pages";

	/**
	 * Name of the counter of SuiteQL rows read.
	 */
	public static final String ROWS = "netsuite.suiteql.rows";

	private final Counter pages;

	private final Counter rows;

	/**
	 * Create the counters for an account.
	 * @param registry the registry the counters go to
	 * @param realm the account realm
	 */
	public NetSuiteSuiteQlMeters(MeterRegistry registry, String realm) {
		this.pages = Counter.builder(PAGES)
			.description("SuiteQL pages read")
			.baseUnit("pages")
			.tag(ACCOUNT.asString(), realm)
			.register(registry);
		this.rows = Counter.builder(ROWS)
			.description("SuiteQL rows read")
			.baseUnit("rows")
			.tag(ACCOUNT.asString(), realm)
			.register(registry);
	}

	@Override
	public void pageRead(int rows) {
		this.pages.increment();
		this.rows.increment(rows);
	}

}
