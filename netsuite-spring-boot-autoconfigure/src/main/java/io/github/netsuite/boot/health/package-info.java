/**
 * Actuator health for NetSuite: the {@code netsuite} indicator that checks the
 * credentials with one cheap authenticated call and explains what to fix when they fail.
 */
@NullMarked
package io.github.netsuite.boot.health;

import org.jspecify.annotations.NullMarked;
