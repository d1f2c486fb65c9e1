package io.github.netsuite.boot.autoconfigure;

import java.net.URI;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.jspecify.annotations.Nullable;

/**
 * {@link NetSuiteConnectionDetails} of the top-level {@code netsuite.*} properties,
 * validated when first asked for.
 *
 * @author NetSuite Spring Boot team
 */
final class PropertiesNetSuiteConnectionDetails implements NetSuiteConnectionDetails {

	private final NetSuiteProperties properties;

	private final UnresolvedPlaceholders.Written written;

	private volatile NetSuitePropertiesValidation.@Nullable Account account;

	PropertiesNetSuiteConnectionDetails(NetSuiteProperties properties, UnresolvedPlaceholders.Written written) {
		this.properties = properties;
		this.written = written;
	}

	@Override
	public AccountId getAccount() {
		return account().getAccount();
	}

	@Override
	public @Nullable TbaCredentials getCredentials() {
		return account().getCredentials();
	}

	@Override
	public @Nullable OAuth2Credentials getOAuth2Credentials() {
		return account().getOAuth2Credentials();
	}

	@Override
	public URI getTokenUrl() {
		return account().getTokenUrl();
	}

	@Override
	public URI getRestUrl() {
		return account().getRestUrl();
	}

	@Override
	public URI getRestletUrl() {
		return account().getRestletUrl();
	}

	private NetSuitePropertiesValidation.Account account() {
		NetSuitePropertiesValidation.Account account = this.account;
		if (account == null) {
			account = NetSuitePropertiesValidation.account(NetSuitePropertiesValidation.PRIMARY_PREFIX,
					this.properties, this.written);
			this.account = account;
		}
		return account;
	}

	@Override
	public String toString() {
		return "PropertiesNetSuiteConnectionDetails[account=" + this.properties.getAccount() + "]";
	}

}
