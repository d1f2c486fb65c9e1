/**
 * Observation of NetSuite requests: one {@code netsuite.requests} observation per attempt
 * on the wire (a timer with metrics, a span with tracing), its context, convention and
 * documentation, and the meters that count retries, throttling and SuiteQL rows.
 * <p>
 * Public are what an application touches: the {@link
 * io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention convention} (a
 * bean of that type changes the tags), its default, the context it reads, the
 * documentation, and {@link io.github.netsuite.boot.observation.NetSuiteMetricsAutoConfiguration
 * the auto-configuration} of the meters, kept next to them as Spring Boot keeps its own.
 * The meter handler and binders it registers are package-private.
 */
@NullMarked
package io.github.netsuite.boot.observation;

import org.jspecify.annotations.NullMarked;
