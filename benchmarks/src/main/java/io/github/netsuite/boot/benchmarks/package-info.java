/**
 * JMH benchmarks of the starter, run from {@code benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package io.github.netsuite.boot.benchmarks;

import org.jspecify.annotations.NullMarked;
