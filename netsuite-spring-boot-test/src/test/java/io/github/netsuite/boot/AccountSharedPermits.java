package io.github.netsuite.boot;

/**
 * The shared permits behind an account's concurrency limit, for tests in other packages:
 * the governor that takes them is package-private.
 */
public final class AccountSharedPermits {

	private AccountSharedPermits() {
	}

	/**
	 * Return the shared permits the account's governor takes.
	 * @param account the account
	 * @return the shared permits, or {@code null} when the account has no governor or
	 * takes no shared permits
	 */
	public static SharedPermitStore.Permits of(NetSuiteAccount account) {
		return (account.permits() instanceof ConcurrencyGovernor governor) ? governor.sharedPermits() : null;
	}

}
