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
package io.github.netsuite.boot.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Gives the HTTP service groups mapped to a NetSuite account that account's chain, and
 * leaves every other group alone: the signing is no {@code RestClientCustomizer}, which
 * Spring Boot applies to every group and every {@code RestClient.Builder}.
 * <p>
 * Late, after Spring Boot's configurers (the {@code spring.http.serviceclient.<group>.*}
 * properties and the customizers), so that the account's request factory, which never
 * follows a redirect, and its interceptors are what the group keeps; an application's
 * configurer of default order still comes after it.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteHttpServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	/**
	 * The group of the primary account, beside the groups named for each account.
	 */
	static final String PRIMARY_GROUP = "netsuite";

	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	private final NetSuiteAccounts accounts;

	private final Map<String, NetSuiteAccount> byGroup;

	NetSuiteHttpServiceGroupConfigurer(NetSuiteAccounts accounts, Map<String, String> mappedGroups) {
		this.accounts = accounts;
		Map<String, NetSuiteAccount> byGroup = new LinkedHashMap<>();
		byGroup.put(PRIMARY_GROUP, accounts.primary());
		accounts.all().forEach((account) -> byGroup.put(account.name(), account));
		// An explicit mapping wins; an unknown account fails at start-up, naming those there are.
		mappedGroups.forEach((group, account) -> byGroup.put(group, accounts.get(account)));
		this.byGroup = byGroup;
	}

	/**
	 * Return the account a group is mapped to.
	 * @param group the group's name
	 * @return the account, or {@code null} for a group of the application's own
	 */
	@Nullable NetSuiteAccount accountOf(String group) {
		return this.byGroup.get(group);
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		groups.filter((group) -> this.byGroup.containsKey(group.name()))
			.forEachClient((group, builder) -> {
				NetSuiteAccount account = this.byGroup.get(group.name());
				if (account != null) {
					account.configure(builder);
				}
			});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public String toString() {
		return "NetSuiteHttpServiceGroupConfigurer" + this.byGroup.keySet() + " of " + this.accounts.names();
	}

}
