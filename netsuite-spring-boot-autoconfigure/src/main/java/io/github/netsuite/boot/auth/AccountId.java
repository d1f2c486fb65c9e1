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
package io.github.netsuite.boot.auth;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A NetSuite account ID in both of its spellings: the realm ({@code 1234567_SB1}, used in
 * the {@code Authorization} header) and the host prefix ({@code 1234567-sb1}, used in
 * URLs). Either spelling, in any case, is accepted.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class AccountId {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9]+([_-][A-Za-z0-9]+)*");

	// A NetSuite URL or host: its first label is the account in the host spelling.
	private static final Pattern NETSUITE_HOST = Pattern
		.compile("(?i)^(?:[a-z][a-z0-9+.-]*://)?([^/?#:.]+)\\.[^/?#:]*netsuite\\.com(?:[:/?#].*)?$");

	private final String realm;

	private final String host;

	private AccountId(String realm, String host) {
		this.realm = realm;
		this.host = host;
	}

	/**
	 * Parse an account ID given in either spelling, such as {@code 1234567},
	 * {@code 1234567_SB1}, {@code 1234567-sb1} or {@code TSTDRV1234567}.
	 * @param value the account ID
	 * @return the account ID
	 * @throws IllegalArgumentException if the value is not an account ID
	 */
	public static AccountId of(String value) {
		String trimmed = value.strip();
		if (!ACCOUNT_ID.matcher(trimmed).matches()) {
			String meant = accountInUrl(trimmed);
			if (meant != null) {
				// Accepting it would hide the mistake: a URL belongs in rest-url or restlet-url.
				throw new IllegalArgumentException("'" + trimmed + "' is a NetSuite URL, not an account ID: did you mean "
						+ meant + "? The account ID is the first part of NetSuite's host names; a URL goes in "
						+ "rest-url or restlet-url");
			}
			throw new IllegalArgumentException("'" + trimmed + "' is not a NetSuite account ID: expected letters and "
					+ "digits with an optional suffix, such as 1234567, 1234567_SB1, 1234567-sb1 or TSTDRV1234567");
		}
		return new AccountId(trimmed.toUpperCase(Locale.ROOT).replace('-', '_'),
				trimmed.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private static @Nullable String accountInUrl(String value) {
		Matcher matcher = NETSUITE_HOST.matcher(value);
		if (!matcher.matches()) {
			return null;
		}
		String label = matcher.group(1);
		// system.netsuite.com and the like name no account: every account ID has a digit.
		if (!ACCOUNT_ID.matcher(label).matches() || label.chars().noneMatch(Character::isDigit)) {
			return null;
		}
		return label.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * Return the realm spelling, upper case with underscores ({@code 1234567_SB1}).
	 * @return the realm
	 */
	public String realm() {
		return this.realm;
	}

	/**
	 * Return the host spelling, lower case with hyphens ({@code 1234567-sb1}).
	 * @return the host prefix
	 */
	public String host() {
		return this.host;
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof AccountId other) && this.realm.equals(other.realm);
	}

	@Override
	public int hashCode() {
		return this.realm.hashCode();
	}

	@Override
	public String toString() {
		return this.realm;
	}

}
