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
package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import io.github.netsuite.boot.autoconfigure.UnresolvedPlaceholders.Written;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code netsuite.*} properties, every account's under its own prefix,
 * collecting every problem at once so that one failed start-up names all of them by
 * their full keys ({@code netsuite.accounts.eu.token-secret}).
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuitePropertiesValidation {

	static final String PRIMARY_PREFIX = "netsuite.";

	private static final String REST_URL_SOURCE = "the account's REST web services URL (Setup > Company > Company "
			+ "Information > Company URLs: SuiteTalk (SOAP and REST Web Services)), or leave it unset for NetSuite's "
			+ "own URL";

	private static final String RESTLET_URL_SOURCE = "the account's RESTlet URL (Setup > Company > Company "
			+ "Information > Company URLs: RESTlets), or leave it unset for NetSuite's own URL";

	private static final String TOKEN_URL_SOURCE = "the OAuth 2.0 token endpoint, or leave it unset for "
			+ "<rest-url>/services/rest/auth/oauth2/v1/token";

	private static final String CERTIFICATE_SOURCE = "the PEM certificate uploaded to Setup > Integration > Manage "
			+ "Authentication > OAuth 2.0 Client Credentials (M2M) Setup (or a file: or classpath: location of it), "
			+ "or leave it unset";

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private NetSuitePropertiesValidation() {
	}

	/**
	 * Return the key prefix of a named account.
	 */
	static String prefix(String name) {
		return PRIMARY_PREFIX + "accounts." + name + ".";
	}

	/**
	 * Check the shared settings and every account, naming every problem at once.
	 * @param properties the properties
	 * @param primary the primary account's connection if it comes from the properties:
	 * its keys are not checked when the application defines connection details of its
	 * own
	 * @param named the named accounts' connections, by name
	 * @param written the values as written in the configuration, to quote an unresolved
	 * placeholder from
	 * @throws InvalidNetSuitePropertiesException naming every problem
	 */
	static void validate(NetSuiteProperties properties, @Nullable PropertiesNetSuiteConnectionDetails primary,
			Map<String, PropertiesNetSuiteConnectionDetails> named, Written written) {
		List<Problem> problems = new ArrayList<>();
		if (primary != null) {
			check(primary, written, problems);
		}
		checkSettings(PRIMARY_PREFIX, properties, problems);
		named.forEach((name, connection) -> {
			if (name.equals(NetSuiteAccounts.PRIMARY)) {
				problems.add(new Problem(PRIMARY_PREFIX + "accounts." + NetSuiteAccounts.PRIMARY, "is a reserved name",
						"the primary account is configured by the top-level netsuite.* keys; give the named account "
								+ "another name"));
			}
			else {
				check(connection, written, problems);
				checkSettings(connection.prefix(), connection.properties(), problems);
			}
		});
		NetSuiteProperties.Retry retry = properties.getRetry();
		positive("netsuite.retry.max-attempts", retry.getMaxAttempts(), problems);
		positive("netsuite.retry.initial-backoff", retry.getInitialBackoff(), problems);
		positive("netsuite.retry.max-backoff", retry.getMaxBackoff(), problems);
		positive("netsuite.retry.max-elapsed", retry.getMaxElapsed(), problems);
		positive("netsuite.health.timeout", properties.getHealth().getTimeout(), problems);
		if (properties.getHealth().getCacheTtl().isNegative()) {
			problems.add(new Problem("netsuite.health.cache-ttl", "must not be negative",
					"netsuite.health.cache-ttl: a duration such as 30s, or 0s to check on every probe"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidNetSuitePropertiesException(problems);
		}
	}

	// The keys of the connection: the account, its URLs and one kind of credentials.
	private static void check(PropertiesNetSuiteConnectionDetails connection, Written written,
			List<Problem> problems) {
		String prefix = connection.prefix();
		NetSuiteAccountProperties properties = connection.properties();
		// First, so that a placeholder is not also called missing, malformed or not a URL.
		Set<String> unresolved = unresolved(prefix, properties, written, problems);
		String account = credential(prefix, properties, CredentialProperty.ACCOUNT, unresolved, problems);
		if (account != null) {
			try {
				AccountId.of(account);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(CredentialProperty.ACCOUNT.key(prefix), "is malformed: " + ex.getMessage(),
						action(prefix, CredentialProperty.ACCOUNT)));
			}
		}
		url(prefix + "rest-url", properties.getRestUrl(), unresolved, problems);
		url(prefix + "restlet-url", properties.getRestletUrl(), unresolved, problems);
		url(prefix + "oauth2.token-url", properties.getOauth2().getTokenUrl(), unresolved, problems);
		boolean tba = CredentialProperty.TBA.stream().anyMatch((property) -> property.isSet(properties));
		boolean oauth2 = CredentialProperty.OAUTH2.stream().anyMatch((property) -> property.isSet(properties));
		if (tba && oauth2) {
			problems.add(new Problem(prefix + "oauth2", "is set beside the token-based authentication credentials",
					"set either " + prefix + "oauth2.* (OAuth 2.0) or " + prefix + "consumer-key, consumer-secret, "
							+ "token-id and token-secret (token-based authentication) for the account, not both"));
		}
		else if (oauth2) {
			checkOAuth2(connection, unresolved, problems);
		}
		else {
			CredentialProperty.TBA.forEach((property) -> credential(prefix, properties, property, unresolved, problems));
		}
	}

	private static void checkOAuth2(PropertiesNetSuiteConnectionDetails connection, Set<String> unresolved,
			List<Problem> problems) {
		String prefix = connection.prefix();
		NetSuiteAccountProperties properties = connection.properties();
		String clientId = credential(prefix, properties, CredentialProperty.OAUTH2_CLIENT_ID, unresolved, problems);
		String certificateId = credential(prefix, properties, CredentialProperty.OAUTH2_CERTIFICATE_ID, unresolved,
				problems);
		if (unresolved.contains(CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix))) {
			return;
		}
		if (!CredentialProperty.OAUTH2_PRIVATE_KEY.isSet(properties)) {
			problems.add(new Problem(CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix), "is missing",
					action(prefix, CredentialProperty.OAUTH2_PRIVATE_KEY)));
			return;
		}
		// Checking the key, certificate, algorithm and scopes is reading them: the connection
		// keeps the credentials it read, so that its key file is read once.
		try {
			if (clientId == null || certificateId == null || unresolved.contains(prefix + "oauth2.certificate")) {
				connection.privateKey();
			}
			else {
				connection.getOAuth2Credentials();
			}
		}
		catch (InvalidNetSuitePropertiesException ex) {
			problems.addAll(ex.getProblems());
		}
	}

	// Every key that names a value from NetSuite, or where NetSuite is: those a placeholder usually fills.
	private static Set<String> unresolved(String prefix, NetSuiteAccountProperties properties, Written written,
			List<Problem> problems) {
		Set<String> unresolved = new HashSet<>();
		for (CredentialProperty property : CredentialProperty.values()) {
			unresolved(property.key(prefix), property.get(properties), written, property.source(), unresolved,
					problems);
		}
		NetSuiteAccountProperties.OAuth2 oauth2 = properties.getOauth2();
		unresolved(prefix + "oauth2.certificate", oauth2.getCertificate(), written, CERTIFICATE_SOURCE, unresolved,
				problems);
		unresolved(prefix + "rest-url", properties.getRestUrl(), written, REST_URL_SOURCE, unresolved, problems);
		unresolved(prefix + "restlet-url", properties.getRestletUrl(), written, RESTLET_URL_SOURCE, unresolved,
				problems);
		unresolved(prefix + "oauth2.token-url", oauth2.getTokenUrl(), written, TOKEN_URL_SOURCE, unresolved,
				problems);
		return unresolved;
	}

	private static void unresolved(String key, @Nullable String value, Written written, String source,
			Set<String> unresolved, List<Problem> problems) {
		Problem problem = UnresolvedPlaceholders.check(key, value, written, source);
		if (problem != null) {
			problems.add(problem);
			unresolved.add(key);
		}
	}

	private static void checkSettings(String prefix, NetSuiteAccountProperties properties, List<Problem> problems) {
		checkAsync(prefix, properties.getAsync(), problems);
		checkBatch(prefix, properties.getBatch(), problems);
		positive(prefix + "connect-timeout", properties.getConnectTimeout(), problems);
		positive(prefix + "read-timeout", properties.getReadTimeout(), problems);
		positive(prefix + "attempt-timeout", properties.getAttemptTimeout(), problems);
		positive(prefix + "call-timeout", properties.getCallTimeout(), problems);
		if (properties.getMaxAnswerSize().toBytes() < 1) {
			String key = prefix + "max-answer-size";
			problems.add(new Problem(key, "must be positive", key + ": a positive size such as 32MB"));
		}
		positive(prefix + "concurrency.limit", properties.getConcurrency().getLimit(), problems);
		positive(prefix + "concurrency.acquire-timeout", properties.getConcurrency().getAcquireTimeout(), problems);
		Integer prefetchPages = properties.getSuiteql().getPrefetchPages();
		if (prefetchPages != null) {
			notNegative(prefix + "suiteql.prefetch-pages", prefetchPages, problems);
		}
		positive(prefix + "concurrency.lease-time", properties.getConcurrency().getLeaseTime(), problems);
	}

	private static void checkAsync(String prefix, NetSuiteAccountProperties.Async async, List<Problem> problems) {
		positive(prefix + "async.poll-interval", async.getPollInterval(), problems);
		positive(prefix + "async.timeout", async.getTimeout(), problems);
		if (async.getMaxPollInterval().compareTo(async.getPollInterval()) < 0) {
			String key = prefix + "async.max-poll-interval";
			problems.add(new Problem(key, "must not be shorter than " + prefix + "async.poll-interval",
					key + ": a duration at least as long as the poll interval, such as 5s"));
		}
	}

	private static void checkBatch(String prefix, NetSuiteAccountProperties.Batch batch, List<Problem> problems) {
		if (batch.getSize() < 1 || batch.getSize() > 100) {
			String key = prefix + "batch.size";
			problems.add(new Problem(key, "must be between 1 and 100",
					key + ": a whole number from 1 to 100, NetSuite's most records per batch request"));
		}
		positive(prefix + "batch.poll-interval", batch.getPollInterval(), problems);
		positive(prefix + "batch.timeout", batch.getTimeout(), problems);
		if (batch.getMaxPollInterval().compareTo(batch.getPollInterval()) < 0) {
			String key = prefix + "batch.max-poll-interval";
			problems.add(new Problem(key, "must not be shorter than " + prefix + "batch.poll-interval",
					key + ": a duration at least as long as the poll interval, such as 2s"));
		}
	}

	private static @Nullable String credential(String prefix, NetSuiteAccountProperties properties,
			CredentialProperty property, Set<String> unresolved, List<Problem> problems) {
		if (unresolved.contains(property.key(prefix))) {
			return null;
		}
		String value = property.get(properties);
		if (value == null || value.isBlank()) {
			problems.add(new Problem(property.key(prefix), "is missing", action(prefix, property)));
			return null;
		}
		// Pasted values often bring a trailing newline; whitespace inside is a copying mistake.
		String trimmed = value.strip();
		if (trimmed.chars().anyMatch(Character::isWhitespace)) {
			problems.add(new Problem(property.key(prefix), "contains whitespace", action(prefix, property)));
			return null;
		}
		return trimmed;
	}

	private static String action(String prefix, CredentialProperty property) {
		return property.key(prefix) + " (" + property.environmentVariable(prefix) + "): " + property.source();
	}

	private static void url(String key, @Nullable String value, Set<String> unresolved,
			List<Problem> problems) {
		if (value == null || value.isBlank() || unresolved.contains(key)) {
			return;
		}
		String action = key + ": an absolute https URL (plain http only for localhost), or leave it unset for "
				+ "NetSuite's own URL";
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			problems.add(new Problem(key, "is not a URL", action));
			return;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
			problems.add(new Problem(key, "is not an absolute http(s) URL", action));
			return;
		}
		if (uri.getHost() == null) {
			// Java leaves the host of "1234567_SB1.suitetalk…" unparsed: '_' is no host character.
			problems.add(new Problem(key, "has a host that is not a valid host name",
					key + ": host names take letters, digits, '-' and '.' only; NetSuite's hosts spell the account "
							+ "in lower case with '-' (1234567-sb1.suitetalk.api.netsuite.com, not 1234567_SB1)"));
			return;
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			problems.add(new Problem(key, "uses plain http for a host other than localhost", action));
			return;
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			problems.add(new Problem(key, "must not have user info, a query or a fragment", action));
			return;
		}
	}

	private static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.endsWith(".localhost") || LOOPBACK_IPV4.matcher(lower).matches()
				|| lower.equals("[::1]") || lower.equals("::1");
	}

	private static void positive(String key, int value, List<Problem> problems) {
		if (value < 1) {
			problems.add(new Problem(key, "must be at least 1", key + ": a whole number of at least 1"));
		}
	}

	private static void notNegative(String key, int value, List<Problem> problems) {
		if (value < 0) {
			problems.add(new Problem(key, "must not be negative", key + ": a whole number, 0 for one page at a time"));
		}
	}

	private static void positive(String key, Duration value, List<Problem> problems) {
		if (value.isNegative() || value.isZero()) {
			problems.add(new Problem(key, "must be positive", key + ": a positive duration such as 30s"));
		}
	}

}
