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
package io.github.netsuite.boot.test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * An embedded NetSuite for tests and demos: REST web services (records, SuiteQL, saved
 * datasets, system endpoints) and RESTlets on one local HTTP port, each request checked for token-based
 * authentication (OAuth 1.0a, HMAC-SHA256) as NetSuite checks it, and faults that can be
 * switched on at run time. Runs on WireMock. With {@link Builder#oauth2(boolean)} it also
 * serves OAuth 2.0 client credentials (machine to machine): see {@link #oauth2TokenUrl()}.
 * The record API does NetSuite's record operations on the {@linkplain #records(String) stores}:
 * transforms, record actions, initialize (create-form), external IDs wherever an ID stands,
 * sublists merged or replaced and read on their own, field selection and property validation,
 * each the double's subset of NetSuite's, as the testing documentation lists.
 * <pre class="code">
 * try (NetSuiteDouble netSuite = NetSuiteDouble.builder().account("1234567_SB1").build().start()) {
 *     netSuite.table("customer", List.of(Map.of("id", "1", "companyName", "Acme")));
 *     // point a client at netSuite.restUrl() with netSuite.consumerKey() …
 * }
 * </pre>
 * Every public method is thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @see EnableNetSuiteDouble
 * @since 0.1.0
 */
public final class NetSuiteDouble implements AutoCloseable {

	/**
	 * The account the double answers for unless told otherwise.
	 */
	public static final String DEFAULT_ACCOUNT = "1234567_SB1";

	private final String account;

	private final String consumerKey;

	private final String consumerSecret;

	private final String tokenId;

	private final String tokenSecret;

	final TbaVerifier verifier;

	private final @Nullable M2mCertificate m2mCertificate;

	private final Duration accessTokenLifetime;

	private final BearerTokens bearerTokens = new BearerTokens();

	// The parts: each keeps the state of one concern, the methods below switch and read it

	private final DoubleServer server;

	// The machine's clock is read lazily: the faults are made after the data
	private final DoubleData data = new DoubleData(new AsyncEndpoint(this),
			new ChangeTracking(() -> this.faults.now()));

	private final Faults faults = new Faults();

	private final HostileAnswers hostileAnswers = new HostileAnswers();

	private final Traffic traffic = new Traffic();

	private NetSuiteDouble(Builder builder) {
		this.account = builder.account;
		this.consumerKey = builder.consumerKey;
		this.consumerSecret = builder.consumerSecret;
		this.tokenId = builder.tokenId;
		this.tokenSecret = builder.tokenSecret;
		this.server = new DoubleServer(builder.port);
		this.verifier = new TbaVerifier(this.account, this.consumerKey, this.consumerSecret, this.tokenId,
				this.tokenSecret);
		// Made once: a client configured with the key keeps working across restarts
		this.m2mCertificate = builder.oauth2 ? M2mCertificate.generate(builder.oauth2KeyType) : null;
		this.accessTokenLifetime = builder.accessTokenLifetime;
	}

	/**
	 * Start configuring a double. Unset credentials are random.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a double with the default account and random credentials.
	 * @return the running double
	 */
	public static NetSuiteDouble startDefault() {
		return builder().build().start();
	}

	/**
	 * Start serving on 127.0.0.1. Does nothing if already running.
	 * @return this double
	 */
	public NetSuiteDouble start() {
		this.server.start(() -> new NetSuiteDoubleHandler(this));
		return this;
	}

	/**
	 * Stop serving. Does nothing if not running. Data and settings stay, so the double can be
	 * started again (on a new random port unless a port was given).
	 */
	public void stop() {
		// Token requests held by a hanging token endpoint would hold Jetty's stop
		this.server.stop(this.hostileAnswers::releaseHeld);
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the double is serving.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * The port the double listens on.
	 * @return the port
	 * @throws IllegalStateException if the double is not running
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The base URL of the REST web services, e.g. {@code http://127.0.0.1:54321} (the value
	 * for {@code netsuite.rest-url}).
	 * @return the URL, without a trailing slash
	 * @throws IllegalStateException if the double is not running
	 */
	public String restUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The base URL of the RESTlets (the value for {@code netsuite.restlet-url}); the same
	 * server as {@link #restUrl()}.
	 * @return the URL, without a trailing slash
	 * @throws IllegalStateException if the double is not running
	 */
	public String restletUrl() {
		return restUrl();
	}

	/**
	 * Return the {@code netsuite.*} properties that point the starter at this double: the
	 * five credentials, {@code netsuite.rest-url} and {@code netsuite.restlet-url}.
	 * @return the properties, by key
	 */
	public Map<String, Object> properties() {
		return properties("netsuite.");
	}

	/**
	 * Return the properties that point the starter's named account {@code name} at this
	 * double: the keys of {@link #properties()} under {@code netsuite.accounts.<name>.}, e.g.
	 * {@code netsuite.accounts.eu.consumer-key}.
	 * @param name the account name: lower-case letters, digits and hyphens, starting with a
	 * letter or digit
	 * @return the properties, by key
	 * @throws IllegalArgumentException if the name is not such a name
	 */
	public Map<String, Object> accountProperties(String name) {
		return properties("netsuite.accounts." + requireAccountName(name) + ".");
	}

	private Map<String, Object> properties(String prefix) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(prefix + "account", account());
		properties.put(prefix + "consumer-key", consumerKey());
		properties.put(prefix + "consumer-secret", consumerSecret());
		properties.put(prefix + "token-id", tokenId());
		properties.put(prefix + "token-secret", tokenSecret());
		properties.put(prefix + "rest-url", restUrl());
		properties.put(prefix + "restlet-url", restletUrl());
		return properties;
	}

	/**
	 * The account ID in its realm spelling, e.g. {@code 1234567_SB1}.
	 * @return the account ID
	 */
	public String account() {
		return this.account;
	}

	/**
	 * The consumer key the double accepts.
	 * @return the consumer key
	 */
	public String consumerKey() {
		return this.consumerKey;
	}

	/**
	 * The consumer secret the double signs with.
	 * @return the consumer secret
	 */
	public String consumerSecret() {
		return this.consumerSecret;
	}

	/**
	 * The token ID the double accepts.
	 * @return the token ID
	 */
	public String tokenId() {
		return this.tokenId;
	}

	/**
	 * The token secret the double signs with.
	 * @return the token secret
	 */
	public String tokenSecret() {
		return this.tokenSecret;
	}

	// OAuth 2.0 client credentials (machine to machine)

	/**
	 * The client ID of the OAuth 2.0 client credentials (M2M) flow: the integration's
	 * consumer key, sent as the {@code iss} claim of the client assertion.
	 * @return the client ID
	 * @throws IllegalStateException if OAuth 2.0 is not enabled
	 * @see Builder#oauth2(boolean)
	 */
	public String oauth2ClientId() {
		requireM2mCertificate();
		return this.consumerKey;
	}

	/**
	 * The ID of the M2M certificate, sent as the {@code kid} header of the client assertion.
	 * @return the certificate ID: letters and digits, random per double
	 * @throws IllegalStateException if OAuth 2.0 is not enabled
	 */
	public String oauth2CertificateId() {
		return requireM2mCertificate().id;
	}

	/**
	 * The private key of the M2M certificate, to sign client assertions with.
	 * @return the key as PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----})
	 * @throws IllegalStateException if OAuth 2.0 is not enabled
	 */
	public String oauth2PrivateKeyPem() {
		return requireM2mCertificate().privateKeyPem();
	}

	/**
	 * The URL of the OAuth 2.0 token endpoint, which is also the {@code aud} the client
	 * assertion must name: {@link #restUrl()} followed by
	 * {@code /services/rest/auth/oauth2/v1/token}.
	 * @return the URL
	 * @throws IllegalStateException if OAuth 2.0 is not enabled or the double is not running
	 */
	public String oauth2TokenUrl() {
		requireM2mCertificate();
		return restUrl() + OAuth2TokenEndpoint.PATH;
	}

	/**
	 * Return the {@code netsuite.*} properties that point the starter at this double with
	 * OAuth 2.0 client credentials: {@code netsuite.account}, {@code netsuite.rest-url},
	 * {@code netsuite.restlet-url}, {@code netsuite.oauth2.client-id},
	 * {@code netsuite.oauth2.certificate-id} and {@code netsuite.oauth2.private-key}; no
	 * token-based authentication keys.
	 * @return the properties, by key
	 * @throws IllegalStateException if OAuth 2.0 is not enabled or the double is not running
	 */
	public Map<String, Object> oauth2Properties() {
		requireM2mCertificate();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("netsuite.account", account());
		properties.put("netsuite.rest-url", restUrl());
		properties.put("netsuite.restlet-url", restletUrl());
		properties.put("netsuite.oauth2.client-id", oauth2ClientId());
		properties.put("netsuite.oauth2.certificate-id", oauth2CertificateId());
		properties.put("netsuite.oauth2.private-key", oauth2PrivateKeyPem());
		return properties;
	}

	private M2mCertificate requireM2mCertificate() {
		if (this.m2mCertificate == null) {
			throw new IllegalStateException(
					"OAuth 2.0 is not enabled for this NetSuite double; build it with oauth2(true)");
		}
		return this.m2mCertificate;
	}

	// Data

	/**
	 * The records of a record type, created empty on first use. The same store serves the
	 * record API and SuiteQL {@code FROM type}, and {@link #table(String, List)} seeds it too;
	 * record types are case-insensitive. Each record is kept once and answers the record API
	 * with record-style field names ({@code companyName}) and SuiteQL with lower-case ones
	 * ({@code companyname}), whichever it was seeded with: see {@link RecordStore}.
	 * @param type the record type, e.g. {@code customer}
	 * @return the store
	 */
	public RecordStore records(String type) {
		return this.data.records(type);
	}

	/**
	 * Add rows to a SuiteQL table, which is the record store of that name
	 * ({@link #records(String)}): an upsert by ID. A row with an {@code id} value (a number or
	 * a string of digits) is stored under that ID, replacing the record stored there as
	 * {@link RecordStore#put(Object, Map) put} does; a row without one is added under the next
	 * free ID. Records under other IDs, put or created before, stay: to start from an empty
	 * table, call {@code records(name).clear()} first. Field names may be spelled either way
	 * ({@code companyname} or {@code companyName}): the record API answers the record-style
	 * name and SuiteQL the lower-case one (see {@link RecordStore}).
	 * @param name the table name, e.g. {@code customer}
	 * @param rows the rows; copied
	 * @return this double
	 * @throws IllegalArgumentException if a row gives one field twice (in two spellings) with
	 * different values
	 */
	public NetSuiteDouble table(String name, List<? extends Map<String, ?>> rows) {
		return table(name, rows.size(), rows::get);
	}

	/**
	 * Add generated rows to a SuiteQL table, as {@link #table(String, List)} does (an upsert by
	 * ID: other records stay), e.g.
	 * {@code table("customer", 250_000, (i) -> Map.of("id", String.valueOf(i + 1)))}.
	 * @param name the table name
	 * @param count how many rows
	 * @param row makes row {@code i} ({@code 0 <= i < count}), keyed as in {@link #table(String, List)}
	 * @return this double
	 * @throws IllegalArgumentException if a row gives one field twice (in two spellings) with
	 * different values
	 */
	public NetSuiteDouble table(String name, int count, IntFunction<? extends Map<String, ?>> row) {
		this.data.table(name, count, row);
		return this;
	}

	/**
	 * Define the rows of a saved SuiteAnalytics dataset, replacing any it had: the double
	 * serves them at {@code GET /services/rest/query/v1/dataset/<id>/result}, paged with
	 * {@code limit} and {@code offset} as NetSuite pages its collections, in the order given.
	 * Column names are answered in lower case ({@code companyName} as {@code companyname}),
	 * as SuiteQL answers them, and a column whose value is {@code null} is left out of its
	 * row. An ID no dataset has answers {@code 404 NONEXISTENT_ID}. Dataset IDs are
	 * case-insensitive; {@link #clearData()} drops every dataset.
	 * @param id the dataset's ID, such as {@code custdataset1}
	 * @param rows the rows, each a map of column to value; copied
	 * @return this double
	 * @throws IllegalArgumentException if a row gives one column twice (in two spellings)
	 * with different values
	 */
	public NetSuiteDouble dataset(String id, List<? extends Map<String, ?>> rows) {
		if (id.isBlank()) {
			throw new IllegalArgumentException("'id' must not be empty");
		}
		this.data.dataset(id, rows);
		return this;
	}

	/**
	 * Register the handler of a RESTlet deployment. Deployments without one echo the call:
	 * {@code {"method":"POST","parameters":{"script":"6","deploy":"1",…},"body":…}}.
	 * @param script the {@code script} parameter
	 * @param deploy the {@code deploy} parameter
	 * @param handler the handler
	 * @return this double
	 */
	public NetSuiteDouble restlet(String script, String deploy, RestletHandler handler) {
		this.data.restlet(script, deploy, handler);
		return this;
	}

	/**
	 * How long an asynchronous request's job stays pending before it shows as completed with
	 * its result; for a batch request, how long before its first task may start on the
	 * {@link #asyncProcessors(int) async processors}. The request itself is executed when it is
	 * submitted.
	 * @param delay the delay; zero or {@code null} for none
	 * @return this double
	 */
	public NetSuiteDouble asyncDelay(Duration delay) {
		this.faults.asyncDelay(delay);
		return this;
	}

	/**
	 * How many REST async processors the account has: a batch request
	 * ({@code {"items":[…]}} with {@code Prefer: respond-async}) becomes a job with a task per
	 * item, and the tasks of all jobs queue, first come first served, for this many processors,
	 * each task taking {@link #timePerAsyncRecord(Duration)}. Tasks run outside the
	 * {@link #concurrencyLimit(int) concurrency limit}; the requests that submit and poll them
	 * count against it. The tasks' {@code startTime} and {@code endTime} tell the schedule.
	 * NetSuite's number follows the account's SuiteCloud Plus licences and is not published;
	 * the double has 4 unless told, and {@link #reset()} puts 4 back.
	 * @param processors the number of processors, at least 1
	 * @return this double
	 * @throws IllegalArgumentException if {@code processors} is less than 1
	 */
	public NetSuiteDouble asyncProcessors(int processors) {
		this.faults.asyncProcessors(processors);
		return this;
	}

	/**
	 * How long an async processor takes for one record of a batch request
	 * ({@link #asyncProcessors(int)}): a task's result shows this long after it starts.
	 * @param time the time per record; zero or {@code null} for none
	 * @return this double
	 */
	public NetSuiteDouble timePerAsyncRecord(Duration time) {
		this.faults.timePerAsyncRecord(time);
		return this;
	}

	/**
	 * Make each of the given fields required when a record of this type is created, as an
	 * account's forms do: a create (a {@code POST}, or an item of a batch create) without a
	 * value for one of them (absent, {@code null} or blank; names in any case) fails with
	 * {@code 400 USER_ERROR} "Please enter value(s) for: …" and stores nothing. NetSuite names
	 * the fields by their labels; the double by the names given here. No field is required
	 * unless told; {@link #clearData()} forgets them. Updates and upserts are not checked.
	 * @param type the record type, e.g. {@code customer}
	 * @param fields the field names, e.g. {@code companyName}; none to require nothing
	 * @return this double
	 */
	public NetSuiteDouble requiredFields(String type, String... fields) {
		this.data.requiredFields().require(type, List.of(fields));
		return this;
	}

	/**
	 * Drop every record, table, {@link #requiredFields(String, String...) required field},
	 * RESTlet handler, dataset, asynchronous job and remembered idempotency key, and stop tracking changes ({@link #trackChanges(ZoneId)}). Faults and
	 * observations stay.
	 */
	public void clearData() {
		this.data.clear();
	}

	// Changes and time

	/**
	 * Keep changes as NetSuite does, for change feeds: from now on every record created,
	 * updated or put (through the record API or {@link RecordStore}) gets {@code datecreated}
	 * (when created) and {@code lastmodifieddate} at the minute of the double's record clock
	 * ({@link #time(Instant)}), unless the fields give them as {@link Instant}s, and every
	 * record removed (a {@code DELETE}, {@link RecordStore#remove(Object)}) leaves a row in the
	 * SuiteQL table {@code deletedrecord} ({@code recordid}, {@code type}, {@code deleteddate}).
	 * SuiteQL reads {@code TO_TIMESTAMP} literals and writes {@code TO_CHAR} in the given time
	 * zone, the time zone of the user behind the token; a datetime selected raw comes as a date
	 * in the user's format ({@code 12/5/2026}), as in NetSuite. Off by default, so that records
	 * keep exactly the fields they are seeded with; {@link #clearData()} turns it off.
	 * @param timeZone the account user's time zone
	 * @return this double
	 */
	public NetSuiteDouble trackChanges(ZoneId timeZone) {
		this.data.trackChanges(timeZone);
		return this;
	}

	/**
	 * Stop the record clock at an instant: changes are stamped with its minute and SuiteQL's
	 * {@code SYSDATE} answers it until it is moved again. Independent from
	 * {@link #clockSkew(Duration)}, which moves the clock requests are signed against, so tests
	 * can move it by hours. Until called, the record clock follows the machine's.
	 * @param now the record clock's time
	 * @return this double
	 */
	public NetSuiteDouble time(Instant now) {
		this.data.tracking().time(now);
		return this;
	}

	/**
	 * Move the record clock forward ({@link #time(Instant)}).
	 * @param duration how far
	 * @return this double
	 */
	public NetSuiteDouble advanceTime(Duration duration) {
		this.data.tracking().advance(duration);
		return this;
	}

	// Faults

	/**
	 * Answer every correctly signed request as NetSuite does when the token's role has lost its
	 * login permission: 401 with the detail "Login access has been disabled for this role.".
	 * @param disabled whether the role is disabled
	 * @return this double
	 */
	public NetSuiteDouble roleDisabled(boolean disabled) {
		this.faults.roleDisabled(disabled);
		return this;
	}

	/**
	 * Answer every request with the generic invalid-login 401, whatever its signature.
	 * @param invalid whether every login is invalid
	 * @return this double
	 */
	public NetSuiteDouble invalidLogin(boolean invalid) {
		this.faults.invalidLogin(invalid);
		return this;
	}

	/**
	 * Behave as an account whose Token-Based Authentication feature is off: the generic 401,
	 * with {@code FeatureDisabled} in the login audit trail.
	 * @param disabled whether the feature is off
	 * @return this double
	 */
	public NetSuiteDouble tbaFeatureDisabled(boolean disabled) {
		this.faults.tbaFeatureDisabled(disabled);
		return this;
	}

	/**
	 * Refuse requests beyond this many in flight at once: REST with 429
	 * {@code CONCURRENCY_LIMIT_EXCEEDED}, RESTlets with 400 {@code SSS_REQUEST_LIMIT_EXCEEDED}. A
	 * request holds its slot from its arrival (after its headers are read) until its response
	 * is ready to be written, added latency included; refused requests take no slot and are not
	 * executed.
	 * @param limit the limit; 0 or less for none
	 * @return this double
	 */
	public NetSuiteDouble concurrencyLimit(int limit) {
		this.faults.concurrencyLimit(limit);
		return this;
	}

	/**
	 * Delay every admitted request by this much before answering it; a synchronous record
	 * write by {@link #writeLatency(Duration)} instead, when set.
	 * @param latency the added latency; zero or {@code null} for none
	 * @return this double
	 */
	public NetSuiteDouble latency(Duration latency) {
		this.faults.latency(latency);
		return this;
	}

	/**
	 * Delay every admitted synchronous record write (a {@code POST}, {@code PATCH},
	 * {@code PUT} or {@code DELETE} on the record API without {@code Prefer: respond-async})
	 * by this much instead of {@link #latency(Duration)}, as NetSuite takes longer to save a
	 * record than to read one (a few hundred milliseconds against tens). The write holds its
	 * concurrency slot all that time. Asynchronous and batch submissions take the latency of
	 * every request; their work is the {@link #asyncProcessors(int) async processors'}.
	 * @param latency the latency of a synchronous write; {@code null} for that of every
	 * request (the default, which {@link #reset()} puts back)
	 * @return this double
	 */
	public NetSuiteDouble writeLatency(@Nullable Duration latency) {
		this.faults.writeLatency(latency);
		return this;
	}

	/**
	 * Delay every SuiteQL page by this much more, as NetSuite takes one to several seconds
	 * for a page of 1,000 rows; on top of {@link #latency(Duration)}, and within the
	 * request's concurrency slot.
	 * @param latency the added latency per SuiteQL page; zero or {@code null} for none
	 * @return this double
	 */
	public NetSuiteDouble suiteQlPageLatency(Duration latency) {
		this.faults.suiteQlPageLatency(latency);
		return this;
	}

	/**
	 * Answer the next {@code k} admitted requests with the given status (before checking their
	 * login) and a NetSuite-shaped error body. {@code 429} answers as NetSuite throttles, as
	 * the {@link #concurrencyLimit(int) concurrency limit} does: REST with 429
	 * {@code CONCURRENCY_LIMIT_EXCEEDED}, RESTlets with 400 {@code SSS_REQUEST_LIMIT_EXCEEDED},
	 * detail "Concurrent request limit exceeded. Request blocked."; any other status with
	 * {@code UNEXPECTED_ERROR}.
	 * @param k how many requests fail
	 * @param status the status, from 400 to 599, e.g. 503 or 429
	 * @return this double
	 */
	public NetSuiteDouble failNext(int k, int status) {
		this.faults.failNext(k, status);
		return this;
	}

	/**
	 * Execute every {@code n}-th write (any admitted request but a read or a SuiteQL query:
	 * record writes, asynchronous submissions, RESTlet calls other than GET) and then lose
	 * its answer: the connection is reset before a byte of the response is written, as when
	 * a proxy or the network drops it. The record is written, the job submitted, its
	 * idempotency key remembered; the client cannot know.
	 * @param n lose the answer of every {@code n}-th write; 0 or less for none
	 * @return this double
	 */
	public NetSuiteDouble loseAnswers(int n) {
		this.faults.loseAnswers(n);
		return this;
	}

	/**
	 * Answer the token endpoint as NetSuite does once the M2M certificate is revoked: 401
	 * {@code invalid_client}, with {@code InvalidIntegration} in the login audit trail.
	 * Access tokens issued before stay valid until they expire.
	 * @param revoked whether the certificate is revoked
	 * @return this double
	 */
	public NetSuiteDouble certificateRevoked(boolean revoked) {
		this.faults.certificateRevoked(revoked);
		return this;
	}

	/**
	 * Expire every access token issued so far, at once: each is then refused with the
	 * generic invalid-login 401 and {@code AccessTokenExpired} in the login audit trail.
	 * Tokens issued afterwards live their full lifetime.
	 * @return this double
	 */
	public NetSuiteDouble expireTokensNow() {
		this.bearerTokens.expireAll();
		return this;
	}

	/**
	 * Answer every request to the token endpoint with 503 and NetSuite's problem JSON, while
	 * issued access tokens keep working.
	 * @param down whether the token endpoint is down
	 * @return this double
	 */
	public NetSuiteDouble tokenEndpointDown(boolean down) {
		this.faults.tokenEndpointDown(down);
		return this;
	}

	/**
	 * Redirect every request, REST, RESTlet and token endpoint alike, as a misconfigured proxy
	 * or a hostile host would: answer {@code status} with a {@code Location} on {@code target}
	 * that keeps the request's path and query (and a short HTML body). Nothing runs. Point it at
	 * a second double and read that one's {@link #receivedRequests()} to see whether
	 * credentials followed. Until {@link #reset()}.
	 * @param target where to send requests, e.g. {@code URI.create(other.restUrl())}: an
	 * absolute {@code http} or {@code https} URL, its path (if any) put before the request's
	 * @param status 301, 302, 303, 307 or 308
	 * @return this double
	 * @throws IllegalArgumentException if the target is not such a URL or the status not such
	 * a redirect
	 * @since 0.1.0
	 */
	public NetSuiteDouble redirectTo(URI target, int status) {
		this.hostileAnswers.redirectAll(target, status);
		return this;
	}

	/**
	 * Redirect the next {@code k} requests (of any kind) as {@link #redirectTo(URI, int)} does.
	 * @param k how many requests are redirected
	 * @param target where to send them
	 * @param status 301, 302, 303, 307 or 308
	 * @return this double
	 * @throws IllegalArgumentException if the target is not an absolute http or https URL or
	 * the status not such a redirect
	 * @since 0.1.0
	 */
	public NetSuiteDouble redirectNext(int k, URI target, int status) {
		this.hostileAnswers.redirectNext(k, target, status);
		return this;
	}

	/**
	 * Redirect every request to the OAuth 2.0 token endpoint as {@link #redirectTo(URI, int)}
	 * does, while REST and RESTlets answer normally. A client that follows a {@code 307} or
	 * {@code 308} sends its client assertion to {@code target}. Until {@link #reset()}.
	 * @param target where to send token requests
	 * @param status 301, 302, 303, 307 or 308
	 * @return this double
	 * @throws IllegalArgumentException if the target is not an absolute http or https URL or
	 * the status not such a redirect
	 * @since 0.1.0
	 */
	public NetSuiteDouble redirectTokenRequests(URI target, int status) {
		this.hostileAnswers.redirectTokenRequests(target, status);
		return this;
	}

	/**
	 * Answer the next {@code k} requests (of any kind) with an HTML page and the given status,
	 * as a proxy's error page or a captive portal's sign-in page does:
	 * {@code Content-Type: text/html; charset=UTF-8}. Nothing runs.
	 * @param k how many requests get the page
	 * @param status 2xx (200 for a captive portal) other than 204 and 205, 4xx or 5xx (502 for
	 * a proxy)
	 * @return this double
	 * @throws IllegalArgumentException if the status is not one of those
	 * @since 0.1.0
	 */
	public NetSuiteDouble htmlNext(int k, int status) {
		this.hostileAnswers.htmlNext(k, status);
		return this;
	}

	/**
	 * Send the body of each of the next {@code k} answers that have one slowly: the request
	 * runs and its answer is the normal one, but its body arrives in pieces spread over
	 * {@code duration}, a piece every 50 ms (or one byte a piece, evenly spaced, when the body
	 * is shorter), so that a timeout per read never fires while the whole takes
	 * {@code duration}. Answers without a body do not count.
	 * @param k how many answers drip
	 * @param duration how long each body takes, at least a millisecond
	 * @return this double
	 * @throws IllegalArgumentException if the duration is shorter
	 * @since 0.1.0
	 */
	public NetSuiteDouble dripNext(int k, Duration duration) {
		this.hostileAnswers.dripNext(k, duration);
		return this;
	}

	/**
	 * Cut the next {@code k} answers that have a body short: the request runs, the status,
	 * the headers and a {@code Content-Length} of the full body are sent, then half the body,
	 * then the connection is closed. Answers without a body do not count.
	 * @param k how many answers are cut short
	 * @return this double
	 * @since 0.1.0
	 */
	public NetSuiteDouble truncateNext(int k) {
		this.hostileAnswers.truncateNext(k);
		return this;
	}

	/**
	 * Answer the next {@code k} requests (of any kind) with a JSON body of exactly
	 * {@code bytes} bytes, generated while it is sent and never held in memory; chunked,
	 * without a {@code Content-Length}. Nothing runs. The body is valid JSON in the shape of
	 * the endpoint: a SuiteQL query gets a page of that many bytes of rows ({@code count},
	 * {@code items} with {@code id} and {@code name}), any other success a record with one
	 * huge {@code memo} field, an error status NetSuite's error body (REST or RESTlet; OAuth's
	 * from the token endpoint) with a huge message.
	 * @param k how many requests get a huge answer
	 * @param status 2xx other than 204 and 205, 4xx or 5xx
	 * @param bytes the size of the body, at least 1024, e.g. {@code 200L << 20} for 200 MB
	 * @return this double
	 * @throws IllegalArgumentException if the status is not one of those or the size is
	 * smaller
	 * @since 0.1.0
	 */
	public NetSuiteDouble hugeNext(int k, int status, long bytes) {
		this.hostileAnswers.hugeNext(k, status, bytes);
		return this;
	}

	/**
	 * Make the token endpoint hang: each token request is accepted and held without a byte of
	 * answer for {@code duration}, then answered normally. Requests to the other endpoints
	 * are answered meanwhile, and held token requests take no concurrency slot. Switching it
	 * off ({@link Duration#ZERO}), {@link #reset()} and {@link #stop()} let every held
	 * request go at once. For a hang without end, pass a long duration, such as
	 * {@code Duration.ofDays(1)}.
	 * @param duration how long each token request is held; zero or {@code null} for not at all
	 * @return this double
	 * @since 0.1.0
	 */
	public NetSuiteDouble tokenEndpointHangs(Duration duration) {
		this.hostileAnswers.tokenEndpointHangs(duration);
		return this;
	}

	/**
	 * Process the next {@code k} token requests and then lose their answers: the assertion
	 * is checked, a token issued and the {@code jti} remembered (so the same assertion sent
	 * again is refused 400 {@code invalid_grant}, {@code AssertionReplayed} in the login audit
	 * trail), then the connection is reset before a byte of the answer is written. Counted in
	 * {@link #lostAnswerCount()}.
	 * @param k how many token answers are lost
	 * @return this double
	 * @since 0.1.0
	 */
	public NetSuiteDouble loseNextTokenAnswers(int k) {
		this.hostileAnswers.loseNextTokenAnswers(k);
		return this;
	}

	/**
	 * Move the double's clock, which it checks {@code oauth_timestamp} against (±300 s) and
	 * reports in {@code serverTime}.
	 * @param skew how far ahead (positive) or behind (negative) of the machine's clock
	 * @return this double
	 */
	public NetSuiteDouble clockSkew(Duration skew) {
		this.faults.clockSkew(skew);
		return this;
	}

	/**
	 * Switch every fault off, the async delay and the time per async record to none, the
	 * {@link #writeLatency(Duration) write latency} to that of every request, the async
	 * processors back to 4, and clear the observations (in-flight peak, login audit trail,
	 * received requests, request, token request and lost answer counts). Token requests held by a hanging token endpoint go on. Data, RESTlet handlers,
	 * remembered nonces and {@code jti}s, the M2M keys and issued access tokens stay.
	 */
	public void reset() {
		this.faults.reset();
		this.hostileAnswers.reset();
		this.traffic.reset();
	}

	// Observations

	/**
	 * The most requests the double ever had in flight at once (admitted ones only) since it
	 * started or since {@link #resetMaxInFlight()}.
	 * @return the peak
	 */
	public int maxInFlight() {
		return this.traffic.maxInFlight();
	}

	/**
	 * How many requests the double has in flight now (admitted ones only).
	 * @return the requests in flight
	 */
	public int inFlight() {
		return this.traffic.inFlight();
	}

	/**
	 * Start measuring the in-flight peak afresh (from the requests in flight now).
	 */
	public void resetMaxInFlight() {
		this.traffic.resetMaxInFlight();
	}

	/**
	 * The login audit trail, oldest first: one entry per request that reached the login
	 * check (the newest 10,000 are kept).
	 * @return a snapshot of the entries
	 */
	public List<LoginAttempt> loginAuditTrail() {
		return this.traffic.loginAuditTrail();
	}

	/**
	 * How many requests the double received, throttled and failed ones included.
	 * @return the count
	 */
	public long requestCount() {
		return this.traffic.requestCount();
	}

	/**
	 * How many answers the double lost on purpose ({@link #loseAnswers(int)},
	 * {@link #loseNextTokenAnswers(int)}).
	 * @return the count
	 */
	public long lostAnswerCount() {
		return this.traffic.lostAnswerCount();
	}

	/**
	 * The requests the double received, oldest first, whatever became of them: method, path,
	 * and whether each carried credentials (never the credentials themselves). The newest
	 * 10,000 are kept; {@link #reset()} clears them.
	 * @return a snapshot of the requests
	 * @since 0.1.0
	 */
	public List<ReceivedRequest> receivedRequests() {
		return this.traffic.receivedRequests();
	}

	/**
	 * How many requests the token endpoint received, throttled and failed ones included.
	 * @return the count; always 0 unless OAuth 2.0 is enabled
	 */
	public long tokenRequestCount() {
		return this.traffic.tokenRequestCount();
	}

	@Override
	public String toString() {
		return "NetSuiteDouble[account=" + this.account + ", " + this.server + "]";
	}

	// The parts and the account's identity, for the handler and the endpoints

	Faults faults() {
		return this.faults;
	}

	HostileAnswers hostileAnswers() {
		return this.hostileAnswers;
	}

	Traffic traffic() {
		return this.traffic;
	}

	DoubleData data() {
		return this.data;
	}

	/**
	 * The double's clock, which the clock skew moves.
	 */
	Instant now() {
		return this.faults.now();
	}

	boolean isOAuth2Enabled() {
		return this.m2mCertificate != null;
	}

	M2mCertificate m2mCertificate() {
		return requireM2mCertificate();
	}

	BearerTokens bearerTokens() {
		return this.bearerTokens;
	}

	Duration accessTokenLifetime() {
		return this.accessTokenLifetime;
	}

	/**
	 * Turn either spelling of an account ID ({@code 1234567-sb1} or {@code 1234567_SB1}) into
	 * the realm spelling.
	 */
	static String toRealm(String account) {
		String realm = account.trim().replace('-', '_').toUpperCase(Locale.ROOT);
		if (!realm.matches("[A-Z0-9_]+")) {
			throw new IllegalArgumentException("Not a NetSuite account ID: '" + account + "'");
		}
		return realm;
	}

	/**
	 * Check that a name can key {@code netsuite.accounts.<name>.*}: the canonical form of a
	 * property name element, so that it binds as written.
	 */
	static String requireAccountName(String name) {
		if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
			throw new IllegalArgumentException("Not an account name: '" + name
					+ "'; use lower-case letters, digits and hyphens, starting with a letter or digit");
		}
		return name;
	}

	/**
	 * Configures a {@link NetSuiteDouble}.
	 */
	public static final class Builder {

		private static final SecureRandom RANDOM = new SecureRandom();

		private String account = DEFAULT_ACCOUNT;

		private String consumerKey = randomCredential();

		private String consumerSecret = randomCredential();

		private String tokenId = randomCredential();

		private String tokenSecret = randomCredential();

		private int port;

		private boolean oauth2;

		private String oauth2KeyType = M2mCertificate.RSA;

		private Duration accessTokenLifetime = Duration.ofMinutes(60);

		private Builder() {
		}

		/**
		 * The account ID, in either spelling ({@code 1234567_SB1} or {@code 1234567-sb1}).
		 * @param account the account ID
		 * @return this builder
		 */
		public Builder account(String account) {
			this.account = toRealm(account);
			return this;
		}

		/**
		 * The consumer key to accept.
		 * @param consumerKey the consumer key
		 * @return this builder
		 */
		public Builder consumerKey(String consumerKey) {
			this.consumerKey = requireText(consumerKey, "consumerKey");
			return this;
		}

		/**
		 * The consumer secret.
		 * @param consumerSecret the consumer secret
		 * @return this builder
		 */
		public Builder consumerSecret(String consumerSecret) {
			this.consumerSecret = requireText(consumerSecret, "consumerSecret");
			return this;
		}

		/**
		 * The token ID to accept.
		 * @param tokenId the token ID
		 * @return this builder
		 */
		public Builder tokenId(String tokenId) {
			this.tokenId = requireText(tokenId, "tokenId");
			return this;
		}

		/**
		 * The token secret.
		 * @param tokenSecret the token secret
		 * @return this builder
		 */
		public Builder tokenSecret(String tokenSecret) {
			this.tokenSecret = requireText(tokenSecret, "tokenSecret");
			return this;
		}

		/**
		 * A fixed port; by default a free one is picked.
		 * @param port the port, or 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Enable OAuth 2.0 client credentials (machine to machine) for the account: the
		 * double makes a key pair and a certificate ID at build time, serves the token
		 * endpoint and accepts the access tokens it issued as {@code Authorization: Bearer}
		 * on every endpoint. Token-based authentication keeps working. Off by default.
		 * @param enabled whether OAuth 2.0 is enabled
		 * @return this builder
		 */
		public Builder oauth2(boolean enabled) {
			this.oauth2 = enabled;
			return this;
		}

		/**
		 * The type of the M2M certificate's key: {@code RSA} (2048 bits, signed with PS256,
		 * PS384 or PS512; the default) or {@code EC} (P-256, signed with ES256).
		 * @param keyType {@code RSA} or {@code EC}
		 * @return this builder
		 * @throws IllegalArgumentException if the type is neither
		 */
		public Builder oauth2KeyType(String keyType) {
			this.oauth2KeyType = M2mCertificate.requireKeyType(keyType);
			return this;
		}

		/**
		 * How long the access tokens the double issues live, and the {@code expires_in} it
		 * answers; 60 minutes, as NetSuite's, unless told otherwise.
		 * @param lifetime the lifetime, at least one second
		 * @return this builder
		 * @throws IllegalArgumentException if the lifetime is shorter than a second
		 */
		public Builder accessTokenLifetime(Duration lifetime) {
			if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(
						"The access token lifetime must be at least a second, not " + lifetime);
			}
			this.accessTokenLifetime = lifetime;
			return this;
		}

		/**
		 * Build the (not yet started) double.
		 * @return the double
		 */
		public NetSuiteDouble build() {
			return new NetSuiteDouble(this);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value;
		}

		private static String randomCredential() {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		}

	}

}
