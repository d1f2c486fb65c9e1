package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link NetSuiteProperties} into a {@link NetSuiteAccount}, collecting every
 * problem at once so that one failed start-up names all of them.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteAccounts {

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private NetSuiteAccounts() {
	}

	static NetSuiteAccount from(NetSuiteProperties properties) {
		List<Problem> problems = new ArrayList<>();
		String account = credential(properties, CredentialProperty.ACCOUNT, problems);
		AccountId accountId = null;
		if (account != null) {
			try {
				accountId = AccountId.of(account);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(CredentialProperty.ACCOUNT.key(), "is malformed: " + ex.getMessage(),
						action(CredentialProperty.ACCOUNT)));
			}
		}
		String consumerKey = credential(properties, CredentialProperty.CONSUMER_KEY, problems);
		String consumerSecret = credential(properties, CredentialProperty.CONSUMER_SECRET, problems);
		String tokenId = credential(properties, CredentialProperty.TOKEN_ID, problems);
		String tokenSecret = credential(properties, CredentialProperty.TOKEN_SECRET, problems);
		URI restUrl = url("netsuite.rest-url", properties.getRestUrl(), problems);
		URI restletUrl = url("netsuite.restlet-url", properties.getRestletUrl(), problems);
		positive("netsuite.connect-timeout", properties.getConnectTimeout(), problems);
		positive("netsuite.read-timeout", properties.getReadTimeout(), problems);
		positive("netsuite.concurrency.limit", properties.getConcurrency().getLimit(), problems);
		positive("netsuite.concurrency.acquire-timeout", properties.getConcurrency().getAcquireTimeout(), problems);
		positive("netsuite.retry.max-attempts", properties.getRetry().getMaxAttempts(), problems);
		positive("netsuite.retry.initial-backoff", properties.getRetry().getInitialBackoff(), problems);
		positive("netsuite.retry.max-backoff", properties.getRetry().getMaxBackoff(), problems);
		positive("netsuite.retry.max-elapsed", properties.getRetry().getMaxElapsed(), problems);
		positive("netsuite.health.timeout", properties.getHealth().getTimeout(), problems);
		if (properties.getHealth().getCacheTtl().isNegative()) {
			problems.add(new Problem("netsuite.health.cache-ttl", "must not be negative",
					"netsuite.health.cache-ttl: a duration such as 30s, or 0s to check on every probe"));
		}
		if (!problems.isEmpty() || accountId == null || consumerKey == null || consumerSecret == null
				|| tokenId == null || tokenSecret == null) {
			throw new InvalidNetSuitePropertiesException(problems);
		}
		return new NetSuiteAccount(accountId, new TbaCredentials(consumerKey, consumerSecret, tokenId, tokenSecret),
				restUrl, restletUrl);
	}

	private static @Nullable String credential(NetSuiteProperties properties, CredentialProperty property,
			List<Problem> problems) {
		String value = property.get(properties);
		if (value == null || value.isBlank()) {
			problems.add(new Problem(property.key(), "is missing", action(property)));
			return null;
		}
		// Pasted values often bring a trailing newline; whitespace inside is a copying mistake.
		String trimmed = value.strip();
		if (trimmed.chars().anyMatch(Character::isWhitespace)) {
			problems.add(new Problem(property.key(), "contains whitespace", action(property)));
			return null;
		}
		return trimmed;
	}

	private static String action(CredentialProperty property) {
		return property.key() + " (" + property.environmentVariable() + "): " + property.source();
	}

	private static @Nullable URI url(String key, @Nullable String value, List<Problem> problems) {
		if (value == null || value.isBlank()) {
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
		if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
			problems.add(new Problem(key, "is not an absolute http(s) URL", action));
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

	private static void positive(String key, Duration value, List<Problem> problems) {
		if (value.isNegative() || value.isZero()) {
			problems.add(new Problem(key, "must be positive", key + ": a positive duration such as 30s"));
		}
	}

}
