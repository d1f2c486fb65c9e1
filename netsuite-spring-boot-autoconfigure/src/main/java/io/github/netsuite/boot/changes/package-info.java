/**
 * Change feeds: NetSuite's record changes and deletions handed, in order and at least once, to
 * methods annotated with {@link io.github.netsuite.boot.changes.NetSuiteChangeListener}, polled by
 * SuiteQL from one instance at a time, with a checkpoint kept in the application's database or in
 * Redis.
 */
@NullMarked
package io.github.netsuite.boot.changes;

import org.jspecify.annotations.NullMarked;
