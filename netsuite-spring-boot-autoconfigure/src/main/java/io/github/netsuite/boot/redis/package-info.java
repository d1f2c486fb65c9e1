/**
 * Concurrency permits of NetSuite accounts shared by every instance of the application
 * through Redis (Spring Data Redis): leases in a sorted set, taken and given back with
 * small Lua scripts, waiters woken by a pub/sub channel.
 */
@NullMarked
package io.github.netsuite.boot.redis;

import org.jspecify.annotations.NullMarked;
