/**
 * NetSuite token-based authentication (TBA): account ID spellings, credentials and the
 * OAuth 1.0a HMAC-SHA256 signer. Plain Java, free of Spring.
 */
@NullMarked
package io.github.netsuite.boot.auth;

import org.jspecify.annotations.NullMarked;
