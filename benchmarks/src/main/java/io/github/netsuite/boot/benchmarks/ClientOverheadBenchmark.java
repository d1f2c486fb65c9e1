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
package io.github.netsuite.boot.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.observation.NetSuiteMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * What the starter adds to a round trip: {@link #signedClient()} reads a record through
 * {@link NetSuiteClient} with everything the auto-configuration puts in its way (retry,
 * concurrency permit, observation with meters on a {@link SimpleMeterRegistry}, signing,
 * error decoding), {@link #plainClient()} reads the same answer from the same loopback
 * server with a plain {@link RestClient}. The target is {@code signedClient} at no more
 * than 1.05 times {@code plainClient}. The server is a {@link LoopbackServer}, whose cost
 * does not grow with the size of the request's headers.
 * <p>
 * A loopback round trip on a small machine varies by more than the starter adds, so the
 * {@code InMemory} pair does the same with an in-memory request factory: the difference
 * between them is the starter's own cost per request, free of network noise.
 *
 * @author NetSuite Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ClientOverheadBenchmark {

	private static final byte[] RECORD = "{\"links\":[],\"id\":\"42\",\"companyname\":\"Acme\",\"email\":\"a@acme.test\"}"
		.getBytes(StandardCharsets.UTF_8);

	private LoopbackServer server;

	private NetSuiteClient netSuite;

	private RestClient plain;

	private NetSuiteClient netSuiteInMemory;

	private RestClient plainInMemory;

	@Setup
	public void setUp() throws IOException {
		this.server = new LoopbackServer("application/json", RECORD);
		String baseUrl = this.server.baseUrl();
		this.netSuite = netSuiteClient(baseUrl, new SimpleClientHttpRequestFactory());
		this.plain = RestClient.builder().baseUrl(baseUrl).requestFactory(new SimpleClientHttpRequestFactory()).build();
		ClientHttpRequestFactory inMemory = (uri, method) -> {
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			request.setResponse(recordResponse());
			return request;
		};
		this.netSuiteInMemory = netSuiteClient(baseUrl, inMemory);
		this.plainInMemory = RestClient.builder().baseUrl(baseUrl).requestFactory(inMemory).build();
	}

	private static MockClientHttpResponse recordResponse() {
		MockClientHttpResponse response = new MockClientHttpResponse(RECORD, HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response;
	}

	// As the auto-configuration builds it, with its defaults: the same public path.
	private static NetSuiteClient netSuiteClient(String baseUrl, ClientHttpRequestFactory requestFactory) {
		ObservationRegistry observations = ObservationRegistry.create();
		NetSuiteAccount account = NetSuiteAccount.builder(AccountId.of("1234567_SB1"))
			.restUrl(URI.create(baseUrl))
			.restletUrl(URI.create(baseUrl))
			.tba(new TbaCredentials(SigningBenchmark.CONSUMER_KEY, SigningBenchmark.CONSUMER_SECRET,
					SigningBenchmark.TOKEN_ID, SigningBenchmark.TOKEN_SECRET))
			.requestFactory(requestFactory)
			.observations(observations, null)
			.build();
		observeAsBootDoes(observations, new NetSuiteAccounts(List.of(account)));
		return account.client();
	}

	// As Spring Boot registers them: the starter's meter handler, from its metrics
	// auto-configuration (the handler is not API), ahead of Micrometer's default one. The
	// context is left open: closing it could close the registry the handler records to.
	private static void observeAsBootDoes(ObservationRegistry observations, NetSuiteAccounts accounts) {
		MeterRegistry meters = new SimpleMeterRegistry();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(MeterRegistry.class, () -> meters);
		context.registerBean(NetSuiteAccounts.class, () -> accounts);
		context.register(NetSuiteMetricsAutoConfiguration.class);
		context.refresh();
		ObservationHandler<?> netSuite = context.getBean("netSuiteMeterObservationHandler", ObservationHandler.class);
		observations.observationConfig()
			.observationHandler(
					new FirstMatchingCompositeObservationHandler(netSuite, new DefaultMeterObservationHandler(meters)));
	}

	@TearDown
	public void tearDown() throws IOException {
		this.server.close();
	}

	@Benchmark
	public @Nullable Map<String, Object> signedClient() {
		return this.netSuite.record("customer", "42").get();
	}

	@Benchmark
	public @Nullable Map<String, Object> plainClient() {
		return read(this.plain);
	}

	@Benchmark
	public @Nullable Map<String, Object> signedClientInMemory() {
		return this.netSuiteInMemory.record("customer", "42").get();
	}

	@Benchmark
	public @Nullable Map<String, Object> plainClientInMemory() {
		return read(this.plainInMemory);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> read(RestClient client) {
		return client.get().uri("/services/rest/record/v1/{type}/{id}", "customer", "42").retrieve().body(Map.class);
	}

}
