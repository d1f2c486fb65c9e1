package io.github.netsuite.boot;

import java.time.Duration;

/**
 * Where the {@link SharedPermits} of every NetSuite account of the application live.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface SharedPermitStore {

	/**
	 * Return the shared permits of an account.
	 * @param account what names the account's permits in the store: its realm, the same
	 * for every instance and application that shares them
	 * @param leaseTime how long a permit stays taken once its holder stops renewing it
	 * @return the account's permits
	 */
	SharedPermits permits(String account, Duration leaseTime);

}
