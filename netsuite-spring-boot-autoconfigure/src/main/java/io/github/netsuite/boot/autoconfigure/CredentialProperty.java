package io.github.netsuite.boot.autoconfigure;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The five properties that make up a NetSuite connection, with where each value comes
 * from in NetSuite.
 *
 * @author NetSuite Spring Boot team
 */
enum CredentialProperty {

	ACCOUNT("netsuite.account", NetSuiteProperties::getAccount,
			"the account ID from Setup > Company > Company Information (sandboxes end in _SB1)"),

	CONSUMER_KEY("netsuite.consumer-key", NetSuiteProperties::getConsumerKey,
			"the consumer key of the integration record (Setup > Integration > Manage Integrations); "
					+ "it is shown only once, so use 'Reset Credentials' on the record if it is lost"),

	CONSUMER_SECRET("netsuite.consumer-secret", NetSuiteProperties::getConsumerSecret,
			"the consumer secret of the integration record (Setup > Integration > Manage Integrations); "
					+ "it is shown only once, so use 'Reset Credentials' on the record if it is lost"),

	TOKEN_ID("netsuite.token-id", NetSuiteProperties::getTokenId,
			"the token ID of the access token (Setup > Users/Roles > Access Tokens > New); "
					+ "it is shown only once, so create a new token if it is lost"),

	TOKEN_SECRET("netsuite.token-secret", NetSuiteProperties::getTokenSecret,
			"the token secret of the access token (Setup > Users/Roles > Access Tokens > New); "
					+ "it is shown only once, so create a new token if it is lost");

	private final String key;

	private final Function<NetSuiteProperties, @Nullable String> getter;

	private final String source;

	CredentialProperty(String key, Function<NetSuiteProperties, @Nullable String> getter, String source) {
		this.key = key;
		this.getter = getter;
		this.source = source;
	}

	String key() {
		return this.key;
	}

	String environmentVariable() {
		return this.key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	String source() {
		return this.source;
	}

	@Nullable String get(NetSuiteProperties properties) {
		return this.getter.apply(properties);
	}

}
