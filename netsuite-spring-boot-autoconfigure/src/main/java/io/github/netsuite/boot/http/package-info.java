/**
 * HTTP plumbing for NetSuite: the {@code ClientHttpRequestInterceptor}s that turn
 * connection failures into exceptions naming the host, retry, govern, read error answers
 * and authenticate requests, and token-based authentication.
 */
@NullMarked
package io.github.netsuite.boot.http;

import org.jspecify.annotations.NullMarked;
