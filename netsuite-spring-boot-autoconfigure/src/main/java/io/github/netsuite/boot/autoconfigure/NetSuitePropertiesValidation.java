package io.github.netsuite.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import io.github.netsuite.boot.autoconfigure.UnresolvedPlaceholders.Written;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.DefaultResourceLoader;

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
	 * Check every account and the shared settings, and return the accounts' connections.
	 * @param properties the properties
	 * @param primary whether the primary account comes from the properties (not from
	 * connection details the application defined)
	 * @return the connection of each account made from the properties, by name, in order
	 * @throws InvalidNetSuitePropertiesException naming every problem
	 */
	static Map<String, Account> validate(NetSuiteProperties properties, boolean primary) {
		return validate(properties, primary, Written.UNKNOWN);
	}

	/**
	 * Check every account and the shared settings, and return the accounts' connections.
	 * @param properties the properties
	 * @param primary whether the primary account comes from the properties (not from
	 * connection details the application defined)
	 * @param written the values as written in the configuration, to quote an unresolved
	 * placeholder from
	 * @return the connection of each account made from the properties, by name, in order
	 * @throws InvalidNetSuitePropertiesException naming every problem
	 */
	static Map<String, Account> validate(NetSuiteProperties properties, boolean primary, Written written) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Account> accounts = new LinkedHashMap<>();
		if (primary) {
			put(accounts, NetSuiteAccounts.PRIMARY, check(PRIMARY_PREFIX, properties, written, problems));
		}
		else {
			checkSettings(PRIMARY_PREFIX, properties, problems);
		}
		for (Map.Entry<String, NetSuiteAccountProperties> named : properties.getAccounts().entrySet()) {
			if (named.getKey().equals(NetSuiteAccounts.PRIMARY)) {
				problems.add(new Problem(PRIMARY_PREFIX + "accounts." + NetSuiteAccounts.PRIMARY, "is a reserved name",
						"the primary account is configured by the top-level netsuite.* keys; give the named account "
								+ "another name"));
				continue;
			}
			put(accounts, named.getKey(), check(prefix(named.getKey()), named.getValue(), written, problems));
		}
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
		return accounts;
	}

	private static void put(Map<String, Account> accounts, String name, @Nullable Account account) {
		if (account != null) {
			accounts.put(name, account);
		}
	}

	/**
	 * Return one account's connection from its properties.
	 * @param prefix the account's key prefix
	 * @param properties the account's properties
	 * @return the account
	 * @throws InvalidNetSuitePropertiesException naming every problem of the account
	 */
	static Account account(String prefix, NetSuiteAccountProperties properties) {
		return account(prefix, properties, Written.UNKNOWN);
	}

	/**
	 * Return one account's connection from its properties.
	 * @param prefix the account's key prefix
	 * @param properties the account's properties
	 * @param written the values as written in the configuration
	 * @return the account
	 * @throws InvalidNetSuitePropertiesException naming every problem of the account
	 */
	static Account account(String prefix, NetSuiteAccountProperties properties, Written written) {
		List<Problem> problems = new ArrayList<>();
		Account account = check(prefix, properties, written, problems);
		if (account == null) {
			throw new InvalidNetSuitePropertiesException(problems);
		}
		return account;
	}

	private static @Nullable Account check(String prefix, NetSuiteAccountProperties properties, Written written,
			List<Problem> problems) {
		int before = problems.size();
		// First, so that a placeholder is not also called missing, malformed or not a URL.
		Set<String> unresolved = unresolved(prefix, properties, written, problems);
		String account = credential(prefix, properties, CredentialProperty.ACCOUNT, unresolved, problems);
		AccountId accountId = null;
		if (account != null) {
			try {
				accountId = AccountId.of(account);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(CredentialProperty.ACCOUNT.key(prefix), "is malformed: " + ex.getMessage(),
						action(prefix, CredentialProperty.ACCOUNT)));
			}
		}
		URI restUrl = url(prefix + "rest-url", properties.getRestUrl(), unresolved, problems);
		URI restletUrl = url(prefix + "restlet-url", properties.getRestletUrl(), unresolved, problems);
		URI tokenUrl = url(prefix + "oauth2.token-url", properties.getOauth2().getTokenUrl(), unresolved, problems);
		checkSettings(prefix, properties, problems);
		boolean tba = isAnySet(CredentialProperty.TBA, properties);
		boolean oauth2 = isAnySet(CredentialProperty.OAUTH2, properties);
		TbaCredentials tbaCredentials = null;
		OAuth2Credentials oauth2Credentials = null;
		if (tba && oauth2) {
			problems.add(new Problem(prefix + "oauth2", "is set beside the token-based authentication credentials",
					"set either " + prefix + "oauth2.* (OAuth 2.0) or " + prefix + "consumer-key, consumer-secret, "
							+ "token-id and token-secret (token-based authentication) for the account, not both"));
		}
		else if (oauth2) {
			oauth2Credentials = oauth2(prefix, properties, unresolved, problems);
		}
		else {
			tbaCredentials = tba(prefix, properties, unresolved, problems);
		}
		if (problems.size() > before || accountId == null || (tbaCredentials == null && oauth2Credentials == null)) {
			return null;
		}
		URI rest = (restUrl != null) ? restUrl : NetSuiteAccount.defaultRestUrl(accountId);
		return new Account(accountId, tbaCredentials, oauth2Credentials, rest,
				(restletUrl != null) ? restletUrl : NetSuiteAccount.defaultRestletUrl(accountId),
				(tokenUrl != null) ? tokenUrl : NetSuiteAccount.defaultTokenUrl(rest));
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

	private static boolean isAnySet(List<CredentialProperty> credentials, NetSuiteAccountProperties properties) {
		return credentials.stream()
			.map((property) -> property.get(properties))
			.anyMatch((value) -> value != null && !value.isBlank());
	}

	private static @Nullable TbaCredentials tba(String prefix, NetSuiteAccountProperties properties,
			Set<String> unresolved, List<Problem> problems) {
		String consumerKey = credential(prefix, properties, CredentialProperty.CONSUMER_KEY, unresolved, problems);
		String consumerSecret = credential(prefix, properties, CredentialProperty.CONSUMER_SECRET, unresolved,
				problems);
		String tokenId = credential(prefix, properties, CredentialProperty.TOKEN_ID, unresolved, problems);
		String tokenSecret = credential(prefix, properties, CredentialProperty.TOKEN_SECRET, unresolved, problems);
		if (consumerKey == null || consumerSecret == null || tokenId == null || tokenSecret == null) {
			return null;
		}
		return new TbaCredentials(consumerKey, consumerSecret, tokenId, tokenSecret);
	}

	private static @Nullable OAuth2Credentials oauth2(String prefix, NetSuiteAccountProperties properties,
			Set<String> unresolved, List<Problem> problems) {
		String clientId = credential(prefix, properties, CredentialProperty.OAUTH2_CLIENT_ID, unresolved, problems);
		String certificateId = credential(prefix, properties, CredentialProperty.OAUTH2_CERTIFICATE_ID, unresolved,
				problems);
		String keyText = properties.getOauth2().getPrivateKey();
		PrivateKey privateKey = null;
		if (unresolved.contains(CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix))) {
			return null;
		}
		if (keyText == null || keyText.isBlank()) {
			problems.add(new Problem(CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix), "is missing",
					action(prefix, CredentialProperty.OAUTH2_PRIVATE_KEY)));
		}
		else {
			privateKey = privateKey(prefix, keyText, problems);
		}
		if (clientId == null || certificateId == null || privateKey == null) {
			return null;
		}
		NetSuiteAccountProperties.OAuth2 oauth2 = properties.getOauth2();
		Instant certificateExpiry = null;
		if (unresolved.contains(prefix + "oauth2.certificate")) {
			return null;
		}
		if (oauth2.getCertificate() != null && !oauth2.getCertificate().isBlank()) {
			certificateExpiry = certificateExpiry(prefix + "oauth2.certificate", oauth2.getCertificate().strip(),
					problems);
			if (certificateExpiry == null) {
				return null;
			}
		}
		return credentials(prefix, clientId, certificateId, privateKey, oauth2, certificateExpiry, problems);
	}

	// The key alone, then with the algorithm, then with the scopes: each refusal names its own keys.
	private static @Nullable OAuth2Credentials credentials(String prefix, String clientId, String certificateId,
			PrivateKey privateKey, NetSuiteAccountProperties.OAuth2 oauth2, @Nullable Instant certificateExpiry,
			List<Problem> problems) {
		String keyProperty = CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix);
		String algorithmProperty = prefix + "oauth2.algorithm";
		try {
			new OAuth2Credentials(clientId, certificateId, privateKey, null, List.of());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(keyProperty, "cannot sign for NetSuite: " + message(ex), privateKeyAction(prefix,
					"give an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521")));
			return null;
		}
		try {
			new OAuth2Credentials(clientId, certificateId, privateKey, oauth2.getAlgorithm(), List.of());
		}
		catch (IllegalArgumentException ex) {
			// The message names the algorithm and what the key is, never the key.
			problems.add(new Problem(algorithmProperty, "does not fit " + keyProperty + ": " + message(ex),
					algorithmProperty + ": leave it unset to sign with the key's own algorithm, or set one that fits ("
							+ message(ex) + "); if the algorithm is the intended one, " + keyProperty
							+ " is not the key whose certificate was uploaded to the M2M setup"));
			return null;
		}
		try {
			return new OAuth2Credentials(clientId, certificateId, privateKey, oauth2.getAlgorithm(),
					oauth2.getScopes(), certificateExpiry);
		}
		catch (IllegalArgumentException ex) {
			String key = prefix + "oauth2.scopes";
			problems.add(new Problem(key, "is not valid: " + message(ex), key + ": " + message(ex)));
			return null;
		}
	}

	private static String message(IllegalArgumentException ex) {
		return Objects.requireNonNullElse(ex.getMessage(), "does not fit the private key");
	}

	// PEM text (newlines may have arrived as \n), or where to read it.
	private static @Nullable PemContent pem(String value) throws IOException {
		if (PemPrivateKeys.isPem(value)) {
			return PemContent.of(PemPrivateKeys.normalize(value));
		}
		try (InputStream in = new DefaultResourceLoader().getResource(value).getInputStream()) {
			return PemContent.load(in);
		}
	}

	private static @Nullable Instant certificateExpiry(String key, String value, List<Problem> problems) {
		String action = key + ": the PEM certificate uploaded to the M2M setup (or a file: or classpath: location "
				+ "of it), or leave it unset";
		try {
			PemContent pem = pem(value);
			List<X509Certificate> certificates = (pem != null) ? pem.getCertificates() : List.of();
			if (!certificates.isEmpty()) {
				return certificates.get(0).getNotAfter().toInstant();
			}
			problems.add(new Problem(key, "holds no certificate", action));
		}
		catch (IOException | RuntimeException ex) {
			problems.add(new Problem(key, "is not a readable PEM certificate (" + ex.getClass().getSimpleName() + ")",
					action));
		}
		return null;
	}

	// Never quoted: it is a secret.
	private static @Nullable PrivateKey privateKey(String prefix, String value, List<Problem> problems) {
		try {
			return PemPrivateKeys.load(value, prefix);
		}
		catch (PemPrivateKeys.UnreadableKeyException ex) {
			problems.add(new Problem(CredentialProperty.OAUTH2_PRIVATE_KEY.key(prefix), ex.reason(),
					privateKeyAction(prefix, ex.advice())));
			return null;
		}
	}

	private static String privateKeyAction(String prefix, String advice) {
		CredentialProperty property = CredentialProperty.OAUTH2_PRIVATE_KEY;
		return property.key(prefix) + " (" + property.environmentVariable(prefix) + "): " + advice + "; it is "
				+ PemPrivateKeys.KEY_SOURCE;
	}

	private static void checkSettings(String prefix, NetSuiteAccountProperties properties, List<Problem> problems) {
		checkAsync(prefix, properties.getAsync(), problems);
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
		notNegative(prefix + "suiteql.prefetch-pages", properties.getSuiteql().getPrefetchPages(), problems);
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

	private static @Nullable URI url(String key, @Nullable String value, Set<String> unresolved,
			List<Problem> problems) {
		if (value == null || value.isBlank() || unresolved.contains(key)) {
			return null;
		}
		String action = key + ": an absolute https URL (plain http only for localhost), or leave it unset for "
				+ "NetSuite's own URL";
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			problems.add(new Problem(key, "is not a URL", action));
			return null;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
			problems.add(new Problem(key, "is not an absolute http(s) URL", action));
			return null;
		}
		if (uri.getHost() == null) {
			// Java leaves the host of "1234567_SB1.suitetalk…" unparsed: '_' is no host character.
			problems.add(new Problem(key, "has a host that is not a valid host name",
					key + ": host names take letters, digits, '-' and '.' only; NetSuite's hosts spell the account "
							+ "in lower case with '-' (1234567-sb1.suitetalk.api.netsuite.com, not 1234567_SB1)"));
			return null;
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			problems.add(new Problem(key, "uses plain http for a host other than localhost", action));
			return null;
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			problems.add(new Problem(key, "must not have user info, a query or a fragment", action));
			return null;
		}
		return uri;
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

	/**
	 * One account's connection, from valid properties.
	 */
	record Account(AccountId id, @Nullable TbaCredentials credentials, @Nullable OAuth2Credentials oauth2,
			URI restUrl, URI restletUrl, URI tokenUrl) implements NetSuiteConnectionDetails {

		@Override
		public AccountId getAccount() {
			return this.id;
		}

		@Override
		public @Nullable TbaCredentials getCredentials() {
			return this.credentials;
		}

		@Override
		public @Nullable OAuth2Credentials getOAuth2Credentials() {
			return this.oauth2;
		}

		@Override
		public URI getTokenUrl() {
			return this.tokenUrl;
		}

		@Override
		public URI getRestUrl() {
			return this.restUrl;
		}

		@Override
		public URI getRestletUrl() {
			return this.restletUrl;
		}

		@Override
		public String toString() {
			return "Account[realm=" + this.id.realm() + ", restUrl=" + this.restUrl + "]";
		}

	}

}
