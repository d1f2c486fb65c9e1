package io.github.netsuite.boot.observation;

import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * {@link ObservationHandler} that counts, from the {@code netsuite.requests} observations,
 * the retries ({@code netsuite.retries}: every attempt after the first) and NetSuite's
 * throttling ({@code netsuite.throttled}: REST 429 or {@code CONCURRENCY_LIMIT_EXCEEDED},
 * RESTlet {@code SSS_REQUEST_LIMIT_EXCEEDED}), each tagged with the account realm and the
 * API. The timer itself comes from Micrometer's {@code DefaultMeterObservationHandler}.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteMeterObservationHandler implements ObservationHandler<NetSuiteRequestContext> {

	/**
	 * Name of the counter of retried attempts.
	 */
	public static final String RETRIES = "netsuite.retries";

	/**
	 * Name of the counter of attempts NetSuite refused for its concurrency limit.
	 */
	public static final String THROTTLED = "netsuite.throttled";

	private final MeterRegistry registry;

	/**
	 * Create a handler.
	 * @param registry the registry the counters go to
	 */
	public NetSuiteMeterObservationHandler(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void onStart(NetSuiteRequestContext context) {
		if (context.getAttempt() > 1) {
			counter(RETRIES, "Request attempts after the first (retries), each signed afresh", context).increment();
		}
	}

	@Override
	public void onStop(NetSuiteRequestContext context) {
		if (context.isThrottled()) {
			counter(THROTTLED, "Request attempts NetSuite refused for the account's concurrency limit", context)
				.increment();
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof NetSuiteRequestContext;
	}

	private Counter counter(String name, String description, NetSuiteRequestContext context) {
		return Counter.builder(name)
			.description(description)
			.tags(Tags.of(NetSuiteObservationDocumentation.LowCardinalityKeyNames.ACCOUNT.asString(), context.getRealm(),
					NetSuiteObservationDocumentation.LowCardinalityKeyNames.API.asString(), context.getApi()))
			.register(this.registry);
	}

}
