package io.github.netsuite.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for NetSuite request attempts. Define a bean of this type
 * to change the name or key values of {@code netsuite.requests}.
 *
 * @author NetSuite Spring Boot team
 */
public interface NetSuiteRequestObservationConvention extends ObservationConvention<NetSuiteRequestContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NetSuiteRequestContext;
	}

}
