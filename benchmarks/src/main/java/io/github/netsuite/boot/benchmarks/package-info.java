/**
 * JMH benchmarks of the starter, run from {@code benchmarks/target/benchmarks.jar}.
 */
package io.github.netsuite.boot.benchmarks;
