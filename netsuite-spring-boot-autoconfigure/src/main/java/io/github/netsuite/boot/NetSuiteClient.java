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
package io.github.netsuite.boot;

import java.time.Duration;

import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The client for Oracle NetSuite: SuiteQL queries, records and RESTlets, over
 * {@link RestClient}s already signed for the account. NetSuite's errors surface as
 * {@link NetSuiteException}s that carry NetSuite's code and detail.
 * <p>
 * Thread-safe, and so are the request objects it hands out: each is immutable, its
 * modifiers return copies, so one can be built once, shared and sent again.
 *
 * <pre class="code">
 * List&lt;Customer&gt; customers = client.suiteql("SELECT id, companyname FROM customer ORDER BY id")
 *     .stream(Customer.class)
 *     .toList();
 * String id = client.records("customer").create(Map.of("companyName", "Acme"));
 * String once = client.records("customer").exactlyOnce().create(Map.of("companyName", "Acme"));
 * String invoice = client.record("salesOrder", "1043").transform("invoice");
 * Map&lt;String, Object&gt; answer = client.restlet("customscript_x", "customdeploy_x")
 *     .param("q", "abc")
 *     .get(new ParameterizedTypeReference&lt;Map&lt;String, Object&gt;&gt;() {})
 *     .orElse(Map.of());
 * </pre>
 *
 * An account's client comes from {@link NetSuiteAccount#builder} (the auto-configuration
 * builds the primary account's as a bean).
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteClient {

	/**
	 * The most SuiteQL and record collection pages fetched ahead unless told otherwise
	 * ({@code netsuite.suiteql.prefetch-pages}): no cap of its own, as many as the
	 * account's permits allow, its concurrency limit in force, read again for each page
	 * (5 without permits).
	 */
	public static final int DEFAULT_SUITEQL_PREFETCH_PAGES = ReadAhead.AS_PERMITS_ALLOW;

	private final NetSuiteExchange exchange;

	// For tests over plain signed clients, with a generic hint on login failures.
	NetSuiteClient(RestClient rest, RestClient restlets, ObjectMapper mapper) {
		this(null, rest, restlets, mapper, new NetSuiteErrorDecoder(null), SuiteQlPageListener.NONE);
	}

	// For tests: an account's client without the account; NetSuiteAccount.builder builds the real ones.
	NetSuiteClient(@Nullable AccountId account, RestClient rest, RestClient restlets, ObjectMapper mapper,
			NetSuiteErrorDecoder errors, SuiteQlPageListener suiteQlPageListener) {
		this(account, rest, restlets, mapper, errors, suiteQlPageListener, DEFAULT_SUITEQL_PREFETCH_PAGES);
	}

	NetSuiteClient(@Nullable AccountId account, RestClient rest, RestClient restlets, ObjectMapper mapper,
			NetSuiteErrorDecoder errors, SuiteQlPageListener suiteQlPageListener, int suiteQlPrefetchPages) {
		Assert.isTrue(suiteQlPrefetchPages >= 0, "'suiteQlPrefetchPages' must not be negative");
		this.exchange = new NetSuiteExchange(account, rest, restlets, mapper, errors, suiteQlPageListener,
				new ReadAhead(suiteQlPrefetchPages, null), SuiteQlExecutor.create((account != null) ? account.realm() : "client"),
				ObservationRegistry.NOOP, false,
				NetSuiteJob.AsyncPolling.DEFAULTS);
	}

	NetSuiteClient(NetSuiteExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * Return a client whose record creates, updates and upserts are, or are not, done
	 * exactly once by default ({@code netsuite.records.exactly-once-writes}): sent
	 * asynchronously with a fresh idempotency key each, so that a write whose answer was
	 * lost is repeated without being executed twice. Each call can still choose with
	 * {@link RecordCollection#exactlyOnce(boolean)} and
	 * {@link RecordRequest#exactlyOnce(boolean)}.
	 * @param exactlyOnceWrites whether writes are done exactly once unless told otherwise
	 * @return the client
	 */
	public NetSuiteClient withExactlyOnceWrites(boolean exactlyOnceWrites) {
		return new NetSuiteClient(this.exchange.withExactlyOnceWrites(exactlyOnceWrites));
	}

	/**
	 * Return a client whose record requests ask NetSuite to validate field names and
	 * values as given ({@code X-NetSuite-PropertyNameValidation},
	 * {@code X-NetSuite-PropertyValueValidation};
	 * {@code netsuite.records.property-name-validation} and
	 * {@code netsuite.records.property-value-validation}). Each call can still choose
	 * with {@link RecordRequest#propertyValidation} and
	 * {@link RecordCollection#propertyValidation}. Warnings NetSuite answers are logged
	 * at {@code WARN}, once per call, and counted as the observation
	 * {@code netsuite.record.warnings}.
	 * @param names what NetSuite does with a field it does not know, or {@code null} for
	 * NetSuite's default
	 * @param values what NetSuite does with an invalid value, or {@code null} for
	 * NetSuite's default
	 * @return the client
	 */
	public NetSuiteClient withPropertyValidation(@Nullable PropertyValidation names,
			@Nullable PropertyValidation values) {
		return new NetSuiteClient(this.exchange.withPropertyValidation(new PropertyValidation.Pair(names, values)));
	}

	// The account's name in the configuration, for the client's exceptions.
	NetSuiteClient named(String name) {
		return new NetSuiteClient(this.exchange.named(name));
	}

	/**
	 * Return a client that polls asynchronous jobs first after {@code interval}, then at
	 * twice the previous interval up to {@code maxInterval}, for at most {@code timeout}
	 * ({@code netsuite.async.*}; by default 200 ms, 5 s and 15 minutes, NetSuite's own
	 * limit on a REST request).
	 * @param interval the first wait
	 * @param maxInterval the longest wait between two polls
	 * @param timeout the longest time to wait for a job
	 * @return the client
	 */
	public NetSuiteClient withAsyncPolling(Duration interval, Duration maxInterval, Duration timeout) {
		return new NetSuiteClient(
				this.exchange.withAsyncPolling(new NetSuiteJob.AsyncPolling(interval, maxInterval, timeout)));
	}

	/**
	 * Start a SuiteQL query. Values from outside belong in the query only through
	 * {@link SuiteQl#literal(String)}.
	 * @param query the SuiteQL text
	 * @return the query, to stream or page through
	 */
	public SuiteQlQuery suiteql(String query) {
		Assert.hasText(query, "'query' must not be empty");
		return new SuiteQlQuery(this.exchange, query, SuiteQlQuery.MAX_PAGE_SIZE, this.exchange.readAhead().cap(), Long.MAX_VALUE);
	}

	/**
	 * Run a saved SuiteAnalytics dataset, to stream or page through its rows.
	 * @param id the dataset's ID, such as {@code custdataset1}
	 * @return the dataset query
	 */
	public DatasetQuery dataset(String id) {
		Assert.hasText(id, "'id' must not be empty");
		return new DatasetQuery(this.exchange, id, DatasetQuery.MAX_PAGE_SIZE, this.exchange.readAhead().cap(),
				Long.MAX_VALUE);
	}

	/**
	 * Address one record, by internal ID or, as {@code eid:<externalId>}, by external ID
	 * (as {@link RecordCollection#externalId(String)} does).
	 * @param type the record type, such as {@code customer}
	 * @param id the internal ID, or {@code eid:} and the external ID
	 * @return the record request
	 */
	public RecordRequest record(String type, String id) {
		Assert.hasText(type, "'type' must not be empty");
		Assert.hasText(id, "'id' must not be empty");
		return new RecordRequest(this.exchange, type, id);
	}

	/**
	 * Address the records of one type, to create, upsert or list them.
	 * @param type the record type, such as {@code customer}
	 * @return the record collection
	 */
	public RecordCollection records(String type) {
		Assert.hasText(type, "'type' must not be empty");
		return new RecordCollection(this.exchange, type, null);
	}

	/**
	 * Start an asynchronous REST web services request ({@code Prefer: respond-async}),
	 * answered by a job to await.
	 * @param method the HTTP method
	 * @param uriTemplate the path below the REST base URL, such as
	 * {@code /services/rest/record/v1/{type}}
	 * @param uriVariables the values of the template's variables
	 * @return the request
	 */
	public AsyncRequest async(HttpMethod method, String uriTemplate, Object... uriVariables) {
		Assert.notNull(method, "'method' must not be null");
		Assert.hasText(uriTemplate, "'uriTemplate' must not be empty");
		return new AsyncRequest(this.exchange, method, uriTemplate, uriVariables);
	}

	/**
	 * Start a call to a RESTlet deployment.
	 * @param script the script ID, numeric or {@code customscript_…}
	 * @param deploy the deployment ID, numeric or {@code customdeploy_…}
	 * @return the RESTlet request
	 */
	public RestletRequest restlet(String script, String deploy) {
		Assert.hasText(script, "'script' must not be empty");
		Assert.hasText(deploy, "'deploy' must not be empty");
		return new RestletRequest(this.exchange, script, deploy);
	}

}
