package io.github.netsuite.boot;

import java.net.URI;
import java.util.Objects;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.jspecify.annotations.Nullable;

/**
 * One NetSuite account as the application reaches it: its ID, the credentials and the
 * base URLs of REST web services and RESTlets. Everything that is per account hangs off
 * this object.
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteAccount {

	private final AccountId id;

	private final TbaCredentials credentials;

	private final URI restUrl;

	private final URI restletUrl;

	/**
	 * Create an account.
	 * @param id the account ID
	 * @param credentials the token-based authentication credentials
	 * @param restUrl the base URL of REST web services, or {@code null} for NetSuite's
	 * ({@code https://<account>.suitetalk.api.netsuite.com})
	 * @param restletUrl the base URL of RESTlets, or {@code null} for NetSuite's
	 * ({@code https://<account>.restlets.api.netsuite.com})
	 */
	public NetSuiteAccount(AccountId id, TbaCredentials credentials, @Nullable URI restUrl,
			@Nullable URI restletUrl) {
		this.id = Objects.requireNonNull(id, "id");
		this.credentials = Objects.requireNonNull(credentials, "credentials");
		this.restUrl = (restUrl != null) ? restUrl : URI.create("https://" + id.host() + ".suitetalk.api.netsuite.com");
		this.restletUrl = (restletUrl != null) ? restletUrl
				: URI.create("https://" + id.host() + ".restlets.api.netsuite.com");
	}

	/**
	 * Return the account ID.
	 * @return the account ID
	 */
	public AccountId id() {
		return this.id;
	}

	/**
	 * Return the credentials.
	 * @return the credentials
	 */
	public TbaCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Return the base URL of REST web services.
	 * @return the REST base URL
	 */
	public URI restUrl() {
		return this.restUrl;
	}

	/**
	 * Return the base URL of RESTlets.
	 * @return the RESTlet base URL
	 */
	public URI restletUrl() {
		return this.restletUrl;
	}

	@Override
	public String toString() {
		return "NetSuiteAccount[realm=" + this.id.realm() + ", restUrl=" + this.restUrl + ", restletUrl="
				+ this.restletUrl + "]";
	}

}
