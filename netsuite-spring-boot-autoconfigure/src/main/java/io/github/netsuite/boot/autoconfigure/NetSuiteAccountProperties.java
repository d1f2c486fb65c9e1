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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.netsuite.boot.PropertyValidation;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Properties of one NetSuite account: the primary account's at the top level of
 * {@code netsuite.*}, a named account's under {@code netsuite.accounts.<name>.*}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
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
	 * Longest time for one attempt of a request, from sending it to the last byte of the
	 * answer, however slowly the answer arrives.
	 */
	private Duration attemptTimeout = Duration.ofMinutes(5);

	/**
	 * Longest time for a whole call: the wait for a concurrency permit, every attempt and
	 * the back-off between them.
	 */
	private Duration callTimeout = Duration.ofMinutes(10);

	/**
	 * Largest answer read from NetSuite; a longer one fails and its connection is closed.
	 */
	private DataSize maxAnswerSize = DataSize.ofMegabytes(32);

	/**
	 * Concurrency governance settings.
	 */
	private final Concurrency concurrency = new Concurrency();

	/**
	 * OAuth 2.0 client credentials (machine to machine), instead of the four token-based
	 * authentication credentials.
	 */
	private final OAuth2 oauth2 = new OAuth2();

	/**
	 * SuiteQL settings.
	 */
	private final SuiteQl suiteql = new SuiteQl();

	/**
	 * Record API settings.
	 */
	private final Records records = new Records();

	/**
	 * Asynchronous request settings.
	 */
	private final Async async = new Async();

	/**
	 * Batch write settings.
	 */
	private final Batch batch = new Batch();

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

	public Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	public void setAttemptTimeout(Duration attemptTimeout) {
		this.attemptTimeout = attemptTimeout;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public DataSize getMaxAnswerSize() {
		return this.maxAnswerSize;
	}

	public void setMaxAnswerSize(DataSize maxAnswerSize) {
		this.maxAnswerSize = maxAnswerSize;
	}

	public Concurrency getConcurrency() {
		return this.concurrency;
	}

	public OAuth2 getOauth2() {
		return this.oauth2;
	}

	public SuiteQl getSuiteql() {
		return this.suiteql;
	}

	public Records getRecords() {
		return this.records;
	}

	public Async getAsync() {
		return this.async;
	}

	public Batch getBatch() {
		return this.batch;
	}

	/**
	 * How the record API writes.
	 */
	public static class Records {

		/**
		 * Whether creates, updates and upserts are done exactly once: sent async with an idempotency key and
		 * awaited, so a lost answer is safely retried.
		 */
		private boolean exactlyOnceWrites;

		// Set by its own key, which then wins over the deprecated one whatever the binding order
		private boolean exactlyOnceWritesBound;

		/**
		 * What NetSuite does with a record field it does not know (X-NetSuite-PropertyNameValidation): error, warning or ignore; NetSuite's default when unset.
		 */
		private @Nullable PropertyValidation propertyNameValidation;

		/**
		 * What NetSuite does with an invalid record field value (X-NetSuite-PropertyValueValidation): error, warning or ignore; NetSuite's default when unset.
		 */
		private @Nullable PropertyValidation propertyValueValidation;

		public @Nullable PropertyValidation getPropertyNameValidation() {
			return this.propertyNameValidation;
		}

		public void setPropertyNameValidation(@Nullable PropertyValidation propertyNameValidation) {
			this.propertyNameValidation = propertyNameValidation;
		}

		public @Nullable PropertyValidation getPropertyValueValidation() {
			return this.propertyValueValidation;
		}

		public void setPropertyValueValidation(@Nullable PropertyValidation propertyValueValidation) {
			this.propertyValueValidation = propertyValueValidation;
		}

		public boolean isExactlyOnceWrites() {
			return this.exactlyOnceWrites;
		}

		public void setExactlyOnceWrites(boolean exactlyOnceWrites) {
			this.exactlyOnceWrites = exactlyOnceWrites;
			this.exactlyOnceWritesBound = true;
		}

		/**
		 * Whether creates, updates and upserts are done exactly once.
		 * @return whether they are
		 * @deprecated since 0.1.0 for {@code exactly-once-writes}: "idempotent" also names
		 * requests that are safe to repeat, which is not what this does
		 */
		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(replacement = "netsuite.records.exactly-once-writes", since = "0.1.0",
				reason = "Renamed: writes done exactly once through an async job with an idempotency key")
		public boolean isIdempotentWrites() {
			return this.exactlyOnceWrites;
		}

		/**
		 * Set whether creates, updates and upserts are done exactly once, unless
		 * {@code exactly-once-writes} says.
		 * @param idempotentWrites whether they are
		 * @deprecated since 0.1.0 for {@link #setExactlyOnceWrites(boolean)}
		 */
		@Deprecated(since = "0.1.0")
		public void setIdempotentWrites(boolean idempotentWrites) {
			if (!this.exactlyOnceWritesBound) {
				this.exactlyOnceWrites = idempotentWrites;
			}
		}

	}

	/**
	 * How asynchronous requests wait for their jobs.
	 */
	public static class Async {

		/**
		 * Time before the first poll of a job; it doubles for each further poll.
		 */
		private Duration pollInterval = Duration.ofMillis(200);

		/**
		 * Longest time between two polls of a job.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(5);

		/**
		 * Longest time to wait for a job; by default NetSuite's own limit on a REST request.
		 */
		private Duration timeout = Duration.ofMinutes(15);

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * How batch writes ({@code RecordCollection.batch()}) cut their input and wait for
	 * their jobs.
	 */
	public static class Batch {

		/**
		 * Records per batch request, 1 to 100 (NetSuite's most).
		 */
		private int size = 100;

		/**
		 * Time before the first poll of a batch job; it doubles for each further poll.
		 */
		private Duration pollInterval = Duration.ofMillis(200);

		/**
		 * Longest time between two polls of a batch job.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(2);

		/**
		 * Longest time to wait for a batch job, which may queue behind others at the account's async processors.
		 */
		private Duration timeout = Duration.ofMinutes(30);

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

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
		 * Most requests in flight to the account at once; with an adaptive limit, the
		 * ceiling it never grows above. The default suits the smallest accounts; raise it
		 * up to what Setup > Integration > Integration Governance grants this integration.
		 * With the redis store, the most of all instances together.
		 */
		private int limit = 5;

		/**
		 * Whether the limit learns from NetSuite's throttled answers: it shrinks when
		 * NetSuite throttles (other integrations share the account's limit) and grows
		 * back, up to 'limit', while requests queue without throttling.
		 */
		private boolean adaptive = true;

		/**
		 * Where the permits live: 'local' to this instance, or 'redis', shared by every
		 * instance through the application's Redis (spring.data.redis.*).
		 */
		private Store store = Store.LOCAL;

		/**
		 * How long a permit in the redis store stays taken once its instance stops
		 * renewing it (it crashed or lost Redis); renewed every third of it while the
		 * request is in flight.
		 */
		private Duration leaseTime = Duration.ofSeconds(30);

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

		public boolean isAdaptive() {
			return this.adaptive;
		}

		public void setAdaptive(boolean adaptive) {
			this.adaptive = adaptive;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getLeaseTime() {
			return this.leaseTime;
		}

		public void setLeaseTime(Duration leaseTime) {
			this.leaseTime = leaseTime;
		}

		/**
		 * Where an account's concurrency permits live.
		 */
		public enum Store {

			/**
			 * In this instance: the limit is this instance's alone.
			 */
			LOCAL,

			/**
			 * In the application's Redis: the limit is that of all instances together.
			 */
			REDIS

		}

	}

	/**
	 * OAuth 2.0 client credentials of the account (Setup > Integration > Manage
	 * Authentication > OAuth 2.0 Client Credentials (M2M) Setup).
	 */
	public static class OAuth2 {

		/**
		 * Client ID of the integration record (its consumer key), which has 'Client
		 * Credentials (Machine to Machine) Grant' checked.
		 */
		private @Nullable String clientId;

		/**
		 * Certificate ID of the M2M setup's mapping: the client assertion's 'kid'.
		 */
		private @Nullable String certificateId;

		/**
		 * Private key whose certificate was uploaded to the M2M setup: PEM text, or a
		 * resource location such as 'file:' or 'classpath:'.
		 */
		private @Nullable String privateKey;

		/**
		 * Certificate uploaded to the M2M setup, PEM text or a resource location, so that
		 * health warns 30 days before it expires. Optional.
		 */
		private @Nullable String certificate;

		/**
		 * Signing algorithm: PS256, PS384 or PS512 for an RSA key; ES256, ES384 or ES512
		 * for an EC key on P-256, P-384 or P-521. Defaults to PS256 for an RSA key and to
		 * the curve's algorithm for an EC key.
		 */
		private @Nullable String algorithm;

		/**
		 * Scopes to ask for: rest_webservices, restlets, suite_analytics.
		 */
		private List<String> scopes = new ArrayList<>(List.of("rest_webservices", "restlets"));

		/**
		 * Token endpoint. Defaults to '<rest-url>/services/rest/auth/oauth2/v1/token'.
		 */
		private @Nullable String tokenUrl;

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getCertificateId() {
			return this.certificateId;
		}

		public void setCertificateId(@Nullable String certificateId) {
			this.certificateId = certificateId;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getCertificate() {
			return this.certificate;
		}

		public void setCertificate(@Nullable String certificate) {
			this.certificate = certificate;
		}

		public @Nullable String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(@Nullable String algorithm) {
			this.algorithm = algorithm;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public @Nullable String getTokenUrl() {
			return this.tokenUrl;
		}

		public void setTokenUrl(@Nullable String tokenUrl) {
			this.tokenUrl = tokenUrl;
		}

		@Override
		public String toString() {
			return "OAuth2[clientId=" + this.clientId + ", certificateId=" + this.certificateId + "]";
		}

	}

	/**
	 * How SuiteQL queries read their pages.
	 */
	public static class SuiteQl {

		/**
		 * Most SuiteQL and record collection pages fetched ahead while a stream's consumer reads one; 0 for one page at a time; unset (the default) for as many as the account's permits allow, its concurrency limit in force.
		 */
		private @Nullable Integer prefetchPages;

		public @Nullable Integer getPrefetchPages() {
			return this.prefetchPages;
		}

		public void setPrefetchPages(@Nullable Integer prefetchPages) {
			this.prefetchPages = prefetchPages;
		}

	}

}
