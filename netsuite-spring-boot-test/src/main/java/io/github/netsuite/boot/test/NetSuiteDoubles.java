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
package io.github.netsuite.boot.test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.netsuite.boot.test.EnableNetSuiteDouble.Authentication;

/**
 * The doubles of one {@link EnableNetSuiteDouble} context: the primary account's, also
 * registered as the {@link NetSuiteDouble} bean, and one per {@link EnableNetSuiteDouble#accounts()
 * named account}, each with its own account ID, credentials, authentication and port.
 * Registered as the bean {@code netSuiteDoubles}, by {@link EnableNetSuiteDouble} and, for an
 * application with a {@code NetSuiteDouble} bean of its own, by
 * {@link NetSuiteDoubleAutoConfiguration}.
 * <pre class="code">
 * &#64;Autowired
 * NetSuiteDoubles netSuites;
 *
 * &#64;Test
 * void readsCustomersOfBothAccounts() {
 *     this.netSuites.primary().table("customer", List.of(Map.of("id", "1")));
 *     this.netSuites.get("eu").table("customer", List.of(Map.of("id", "2")));
 *     // …
 * }
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteDoubles {

	// The prefix of NetSuite's test drive accounts, e.g. TSTDRV1234567
	private static final String NAMED_ACCOUNT_PREFIX = "TSTDRV";

	private final NetSuiteDouble primary;

	private final Map<String, NetSuiteDouble> named;

	NetSuiteDoubles(NetSuiteDouble primary, Map<String, NetSuiteDouble> named) {
		this.primary = primary;
		this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
	}

	/**
	 * The double of the primary account, the one the top-level {@code netsuite.*}
	 * properties point at.
	 * @return the primary double
	 */
	public NetSuiteDouble primary() {
		return this.primary;
	}

	/**
	 * The double of a named account, the one the {@code netsuite.accounts.<name>.*}
	 * properties point at.
	 * @param name the account name, as the application configures it or as given to
	 * {@link EnableNetSuiteDouble#accounts()}
	 * @return the double
	 * @throws IllegalArgumentException if there is no account of that name
	 */
	public NetSuiteDouble get(String name) {
		NetSuiteDouble netSuite = this.named.get(name);
		if (netSuite == null) {
			throw new IllegalArgumentException("No NetSuite double for the account '" + name + "'; the named accounts are "
					+ this.named.keySet() + " (those the application configures under netsuite.accounts.<name>, "
					+ "or see @EnableNetSuiteDouble(accounts = ...))");
		}
		return netSuite;
	}

	/**
	 * The names of the named accounts, in the order they were declared; not the primary.
	 * @return the names, unmodifiable
	 */
	public Set<String> names() {
		return this.named.keySet();
	}

	@Override
	public String toString() {
		return "NetSuiteDoubles[primary=" + this.primary + ", accounts=" + this.named + "]";
	}

	/**
	 * Every double, the primary first.
	 */
	List<NetSuiteDouble> all() {
		List<NetSuiteDouble> all = new ArrayList<>();
		all.add(this.primary);
		all.addAll(this.named.values());
		return all;
	}

	void reset() {
		all().forEach(NetSuiteDouble::reset);
	}

	void stop() {
		all().forEach(NetSuiteDouble::stop);
	}

	/**
	 * Start the doubles of a primary account (random credentials) and of named accounts
	 * (credentials from {@link #builder(String)}), all with token-based authentication.
	 * Stops those already started when one fails to start.
	 */
	static NetSuiteDoubles start(String account, List<String> names) {
		return start(account, names, false);
	}

	/**
	 * Start them as {@link #start(String, List)} does, the primary one with OAuth 2.0 client
	 * credentials enabled when asked.
	 */
	static NetSuiteDoubles start(String account, List<String> names, boolean oauth2) {
		Map<String, Authentication> named = new LinkedHashMap<>();
		names.forEach((name) -> named.put(name, Authentication.TBA));
		return start(account, named, oauth2);
	}

	/**
	 * Start the doubles of a primary account, with OAuth 2.0 client credentials when asked,
	 * and of named accounts, each with its own authentication. Stops those already started
	 * when one fails to start.
	 */
	static NetSuiteDoubles start(String account, Map<String, Authentication> named, boolean oauth2) {
		NetSuiteDouble primary = NetSuiteDouble.builder().account(account).oauth2(oauth2).build().start();
		try {
			return new NetSuiteDoubles(primary, startNamed(named));
		}
		catch (RuntimeException ex) {
			primary.stop();
			throw ex;
		}
	}

	/**
	 * Start the doubles of named accounts, each with its own authentication and the
	 * credentials of {@link #builder(String)}. Stops those already started when one fails to
	 * start.
	 * @return the running doubles by name, in order
	 */
	static Map<String, NetSuiteDouble> startNamed(Map<String, Authentication> named) {
		Map<String, NetSuiteDouble> started = new LinkedHashMap<>();
		try {
			named.forEach((name, authentication) -> started.put(name,
					builder(name).oauth2(authentication == Authentication.OAUTH2).build().start()));
			return started;
		}
		catch (RuntimeException ex) {
			started.values().forEach(NetSuiteDouble::stop);
			throw ex;
		}
	}

	/**
	 * The {@code netsuite.accounts.<name>.*} properties that point the starter at the
	 * double of a named account, with the double's authentication: the TBA keys, or the
	 * {@code oauth2.*} keys (with the token URL, and no certificate, so that an application's
	 * own certificate of the real account stays out).
	 */
	static Map<String, Object> accountProperties(String name, NetSuiteDouble netSuite) {
		if (!netSuite.isOAuth2Enabled()) {
			return netSuite.accountProperties(name);
		}
		String prefix = "netsuite.accounts." + NetSuiteDouble.requireAccountName(name) + ".";
		Map<String, Object> properties = new LinkedHashMap<>();
		netSuite.oauth2Properties()
			.forEach((key, value) -> properties.put(prefix + key.substring("netsuite.".length()), value));
		properties.put(prefix + "oauth2.token-url", netSuite.oauth2TokenUrl());
		// Blank is unset for the starter: no expiry warning about the real account's certificate
		properties.put(prefix + "oauth2.certificate", "");
		return properties;
	}

	/**
	 * Check the names of {@link EnableNetSuiteDouble#accounts()}: valid, unique, and none
	 * with the primary's account ID.
	 * @return the names, in order
	 */
	static List<String> checkNames(String primaryAccount, String... names) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			NetSuiteDouble.requireAccountName(name);
			if (!seen.add(name)) {
				throw new IllegalArgumentException("The account '" + name + "' is named twice");
			}
			if (accountId(name).equals(primaryAccount)) {
				throw new IllegalArgumentException("The account '" + name + "' would have the primary's account ID "
						+ primaryAccount + "; give the primary another one");
			}
		}
		return List.of(names);
	}

	/**
	 * A builder of the double of a named account, with the account ID of
	 * {@link #accountId(String)} and credentials that are hex SHA-256 digests of the name and
	 * the credential's property name: the same in every run, different for every name.
	 */
	static NetSuiteDouble.Builder builder(String name) {
		return NetSuiteDouble.builder()
			.account(accountId(name))
			.consumerKey(credential(name, "consumer-key"))
			.consumerSecret(credential(name, "consumer-secret"))
			.tokenId(credential(name, "token-id"))
			.tokenSecret(credential(name, "token-secret"));
	}

	/**
	 * The account ID of a named account: {@code TSTDRV} and the name's UTF-8 bytes read as one
	 * unsigned number, e.g. {@code eu} is {@code TSTDRV25973} (0x6575). Names never start with
	 * a zero byte, so two names never share an ID.
	 */
	static String accountId(String name) {
		return NAMED_ACCOUNT_PREFIX + new BigInteger(1, name.getBytes(StandardCharsets.UTF_8));
	}

	private static String credential(String name, String property) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("netsuite-double/" + name + "/" + property).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
