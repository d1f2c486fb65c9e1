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

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * Every NetSuite account of the application: the primary one (the top-level
 * {@code netsuite.*} keys) and the named ones ({@code netsuite.accounts.<name>.*}).
 *
 * <pre class="code">
 * Map&lt;String, Object&gt; customer = accounts.get("eu").client().record("customer", "42").get();
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteAccounts {

	/**
	 * The name of the primary account.
	 */
	public static final String PRIMARY = "primary";

	private final Map<String, NetSuiteAccount> accounts;

	private final NetSuiteAccount primary;

	/**
	 * Create the accounts.
	 * @param accounts the accounts, the primary one among them
	 */
	public NetSuiteAccounts(List<NetSuiteAccount> accounts) {
		Map<String, NetSuiteAccount> byName = new LinkedHashMap<>();
		for (NetSuiteAccount account : accounts) {
			Assert.isTrue(byName.put(account.name(), account) == null,
					() -> "Two accounts are named '" + account.name() + "'");
		}
		NetSuiteAccount primary = byName.get(PRIMARY);
		Assert.isTrue(primary != null, "There must be a primary account");
		this.accounts = Collections.unmodifiableMap(byName);
		this.primary = primary;
	}

	/**
	 * Return the primary account, whose client is the injectable {@link NetSuiteClient}.
	 * @return the primary account
	 */
	public NetSuiteAccount primary() {
		return this.primary;
	}

	/**
	 * Return the account of the given name.
	 * @param name {@link #PRIMARY} or the {@code <name>} of
	 * {@code netsuite.accounts.<name>.*}
	 * @return the account
	 * @throws NoSuchNetSuiteAccountException if there is no such account
	 */
	public NetSuiteAccount get(String name) {
		NetSuiteAccount account = this.accounts.get(name);
		if (account == null) {
			throw new NoSuchNetSuiteAccountException(name, names());
		}
		return account;
	}

	/**
	 * Return the names of the accounts, the primary one first.
	 * @return the names
	 */
	public Set<String> names() {
		return this.accounts.keySet();
	}

	/**
	 * Return every account, the primary one first.
	 * @return the accounts
	 */
	public Collection<NetSuiteAccount> all() {
		return this.accounts.values();
	}

	@Override
	public String toString() {
		return "NetSuiteAccounts" + this.accounts.values();
	}

}
