package io.github.netsuite.boot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Properties of one NetSuite account: the primary account's at the top level of
 * {@code netsuite.*}, a named account's under {@code netsuite.accounts.<name>.*}.
 *
 * @author NetSuite Spring Boot team
 */
public class NetSuiteAccountProperties {

	/**
	 * Account ID, as on Setup > Company > Company Information, in either spelling
	 * ('1234567_SB1' or '1234567-sb1').
	 */
	private @Nullable String account;

	/**
	 * Consumer key of the integration record (Setup > Integration > Manage Integrations).
	 */
	private @Nullable String consumerKey;

	/**
	 * Consumer secret of the integration record, shown once when the record is saved.
	 */
	private @Nullable String consumerSecret;

	/**
	 * Token ID of the access token (Setup > Users/Roles > Access Tokens).
	 */
	private @Nullable String tokenId;

	/**
	 * Token secret of the access token, shown once when the token is created.
	 */
	private @Nullable String tokenSecret;

	/**
	 * Base URL of REST web services. Defaults to
	 * 'https://<account>.suitetalk.api.netsuite.com'.
	 */
	private @Nullable String restUrl;

	/**
	 * Base URL of RESTlets. Defaults to 'https://<account>.restlets.api.netsuite.com'.
	 */
	private @Nullable String restletUrl;

	/**
	 * Time to wait for a connection to NetSuite.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Time to wait for NetSuite's response once a request is sent.
	 */
	private Duration readTimeout = Duration.ofMinutes(2);

	/**
	 * Concurrency governance settings.
	 */
	private final Concurrency concurrency = new Concurrency();

	public @Nullable String getAccount() {
		return this.account;
	}

	public void setAccount(@Nullable String account) {
		this.account = account;
	}

	public @Nullable String getConsumerKey() {
		return this.consumerKey;
	}

	public void setConsumerKey(@Nullable String consumerKey) {
		this.consumerKey = consumerKey;
	}

	public @Nullable String getConsumerSecret() {
		return this.consumerSecret;
	}

	public void setConsumerSecret(@Nullable String consumerSecret) {
		this.consumerSecret = consumerSecret;
	}

	public @Nullable String getTokenId() {
		return this.tokenId;
	}

	public void setTokenId(@Nullable String tokenId) {
		this.tokenId = tokenId;
	}

	public @Nullable String getTokenSecret() {
		return this.tokenSecret;
	}

	public void setTokenSecret(@Nullable String tokenSecret) {
		this.tokenSecret = tokenSecret;
	}

	public @Nullable String getRestUrl() {
		return this.restUrl;
	}

	public void setRestUrl(@Nullable String restUrl) {
		this.restUrl = restUrl;
	}

	public @Nullable String getRestletUrl() {
		return this.restletUrl;
	}

	public void setRestletUrl(@Nullable String restletUrl) {
		this.restletUrl = restletUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Concurrency getConcurrency() {
		return this.concurrency;
	}

	/**
	 * How many requests the application keeps in flight to the account at once.
	 */
	public static class Concurrency {

		/**
		 * Whether to limit the requests in flight to the account, REST and RESTlets
		 * together.
		 */
		private boolean enabled = true;

		/**
		 * Most requests in flight to the account at once. The default suits the smallest
		 * accounts; raise it up to what Setup > Integration > Integration Governance
		 * grants this integration.
		 */
		private int limit = 5;

		/**
		 * Longest time a request waits for one of the others to finish.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(30);

		/**
		 * Whether to size the limit at start-up from NetSuite's governanceLimits, where the
		 * token's role may read them.
		 */
		private boolean useGovernanceLimits;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getLimit() {
			return this.limit;
		}

		public void setLimit(int limit) {
			this.limit = limit;
		}

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

		public boolean isUseGovernanceLimits() {
			return this.useGovernanceLimits;
		}

		public void setUseGovernanceLimits(boolean useGovernanceLimits) {
			this.useGovernanceLimits = useGovernanceLimits;
		}

	}

}
