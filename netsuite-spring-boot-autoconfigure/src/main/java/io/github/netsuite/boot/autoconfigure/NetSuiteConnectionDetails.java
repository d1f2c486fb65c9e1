package io.github.netsuite.boot.autoconfigure;

import java.net.URI;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to the primary NetSuite account. Backed by the top-level
 * {@code netsuite.*} properties unless the application or a test defines a bean of its
 * own, which is then all the auto-configuration needs.
 *
 * @author NetSuite Spring Boot team
 */
public interface NetSuiteConnectionDetails extends ConnectionDetails {

	/**
	 * Return the account ID.
	 * @return the account ID
	 */
	AccountId getAccount();

	/**
	 * Return the token-based authentication credentials.
	 * @return the credentials
	 */
	TbaCredentials getCredentials();

	/**
	 * Return the base URL of REST web services.
	 * @return the REST base URL; NetSuite's own by default
	 */
	default URI getRestUrl() {
		return NetSuiteAccount.defaultRestUrl(getAccount());
	}

	/**
	 * Return the base URL of RESTlets.
	 * @return the RESTlet base URL; NetSuite's own by default
	 */
	default URI getRestletUrl() {
		return NetSuiteAccount.defaultRestletUrl(getAccount());
	}

}
