/**
 * Auto-configuration for Oracle NetSuite: properties, the signed clients and the
 * analysis of configuration mistakes.
 */
@NullMarked
package io.github.netsuite.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
