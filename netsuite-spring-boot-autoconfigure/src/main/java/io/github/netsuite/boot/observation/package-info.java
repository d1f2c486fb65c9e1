/**
 * Observation of NetSuite requests: one {@code netsuite.requests} observation per attempt
 * on the wire (a timer with metrics, a span with tracing), its context, convention and
 * documentation, and the meters that count retries, throttling and SuiteQL rows.
 */
@NullMarked
package io.github.netsuite.boot.observation;

import org.jspecify.annotations.NullMarked;
