package io.github.netsuite.boot;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link SharedPermits} when the store cannot be reached; the governor then
 * falls back to the instance's own permits.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class SharedPermitsUnavailableException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what happened
	 * @param cause the store's failure, or {@code null}
	 */
	public SharedPermitsUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
