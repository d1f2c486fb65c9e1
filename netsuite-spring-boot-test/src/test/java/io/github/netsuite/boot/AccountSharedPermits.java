/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
