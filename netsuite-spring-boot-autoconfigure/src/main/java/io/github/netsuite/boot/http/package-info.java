/**
 * HTTP plumbing for NetSuite: the {@code ClientHttpRequestInterceptor}s that sign, govern
 * and retry requests, and the decoding of NetSuite's error bodies.
 */
@NullMarked
package io.github.netsuite.boot.http;

import org.jspecify.annotations.NullMarked;
