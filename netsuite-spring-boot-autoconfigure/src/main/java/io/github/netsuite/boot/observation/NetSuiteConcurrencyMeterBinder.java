package io.github.netsuite.boot.observation;

import java.util.Objects;

import io.github.netsuite.boot.http.ConcurrencyGovernor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import static io.github.netsuite.boot.observation.NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT;

/**
 * Binds the gauges {@code netsuite.requests.in-flight} (requests on the wire, holding a
 * concurrency permit) and {@code netsuite.requests.waiting} (requests waiting for one),
 * tagged with the account realm.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteConcurrencyMeterBinder implements MeterBinder {

	/**
	 * Name of the gauge of requests on the wire.
	 */
	public static final String IN_FLIGHT = "netsuite.requests.in-flight";

	/**
	 * Name of the gauge of requests waiting for a concurrency permit.
	 */
	public static final String WAITING = "netsuite.requests.waiting";

	private final ConcurrencyGovernor governor;

	private final String realm;

	/**
	 * Create a binder.
	 * @param governor the governor whose permits to gauge
	 * @param realm the account realm
	 */
	public NetSuiteConcurrencyMeterBinder(ConcurrencyGovernor governor, String realm) {
		this.governor = Objects.requireNonNull(governor, "governor");
		this.realm = Objects.requireNonNull(realm, "realm");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(IN_FLIGHT, this.governor, ConcurrencyGovernor::inFlight)
			.description("NetSuite requests on the wire, holding a concurrency permit")
			.tag(ACCOUNT.asString(), this.realm)
			.strongReference(true)
			.register(registry);
		Gauge.builder(WAITING, this.governor, ConcurrencyGovernor::waiting)
			.description("NetSuite requests waiting for a concurrency permit")
			.tag(ACCOUNT.asString(), this.realm)
			.strongReference(true)
			.register(registry);
	}

}
