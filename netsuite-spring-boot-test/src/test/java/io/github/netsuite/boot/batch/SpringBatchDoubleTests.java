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
package io.github.netsuite.boot.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Batch job with a JDBC {@code JobRepository} on an embedded H2 database, as Boot
 * auto-configures it, reads customers by SuiteQL from the NetSuite double and writes contacts
 * through batch requests; it fails after some chunks, is restarted, and every contact exists
 * exactly once, the reader having continued after the last chunk committed.
 */
class SpringBatchDoubleTests {

	private static final int CUSTOMERS = 23;

	private static final int CHUNK = 5;

	private static final String QUERY = "SELECT id, companyname FROM customer";

	private static final String SUITEQL = "/services/rest/query/v1/suiteql";

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteBatchAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
				BatchJdbcAutoConfiguration.class, BatchAutoConfiguration.class))
		.withUserConfiguration(CopyJob.class)
		.withPropertyValues("netsuite.account=" + netSuite.account(), "netsuite.consumer-key=" + netSuite.consumerKey(),
				"netsuite.consumer-secret=" + netSuite.consumerSecret(), "netsuite.token-id=" + netSuite.tokenId(),
				"netsuite.token-secret=" + netSuite.tokenSecret(), "netsuite.rest-url=" + netSuite.restUrl(),
				"netsuite.restlet-url=" + netSuite.restletUrl(), "netsuite.batch.poll-interval=10ms",
				"netsuite.batch.max-poll-interval=50ms");

	@BeforeAll
	static void startDouble() {
		netSuite = NetSuiteDouble.builder().build().start();
	}

	@AfterAll
	static void stopDouble() {
		netSuite.stop();
	}

	@BeforeEach
	void resetDouble() {
		netSuite.reset();
		netSuite.records("customer").clear();
		netSuite.records("contact").clear();
		netSuite.requiredFields("contact");
		netSuite.table("customer", CUSTOMERS,
				(i) -> Map.of("id", String.valueOf(i + 1), "companyname", "Customer " + (i + 1)));
	}

	@Test
	void upsertsEveryContactExactlyOnceAcrossARestartThatContinuesAfterTheLastCommittedChunk() {
		this.contextRunner.withPropertyValues("test.mode=upsert").run((context) -> {
			JobOperator operator = context.getBean(JobOperator.class);
			Job job = context.getBean(Job.class);
			FailAfterWrites failure = context.getBean(FailAfterWrites.class);
			Queries queries = context.getBean(Queries.class);
			JobParameters parameters = new JobParametersBuilder().addString("run", "upsert").toJobParameters();

			// The fourth chunk's records are written, then the chunk fails before it commits
			failure.failOnWrite(4);
			JobExecution first = operator.start(job, parameters);
			assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(queries.sent()).first().isEqualTo(QUERY + " ORDER BY id");

			queries.clear();
			JobExecution second = operator.restart(first);
			assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			// Three chunks of five committed: the restart reads on from the 15th customer only
			assertThat(queries.sent()).isNotEmpty().allSatisfy((query) -> assertThat(query).contains(" WHERE id > "));
			assertThat(queries.sent()).first().isEqualTo(QUERY + " WHERE id > 15 ORDER BY id");
			assertEveryContactOnce();
		});
	}

	@Test
	void createsEveryContactExactlyOnceAcrossARestartByTheChunksIdempotencyKeys() {
		this.contextRunner.withPropertyValues("test.mode=create").run((context) -> {
			JobOperator operator = context.getBean(JobOperator.class);
			Job job = context.getBean(Job.class);
			FailAfterWrites failure = context.getBean(FailAfterWrites.class);
			JobParameters parameters = new JobParametersBuilder().addString("run", "create").toJobParameters();

			failure.failOnWrite(2);
			JobExecution first = operator.start(job, parameters);
			assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
			// Two chunks written, one committed
			assertThat(netSuite.records("contact").size()).isEqualTo(2 * CHUNK);

			JobExecution second = operator.restart(first);
			assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertEveryContactOnce();
		});
	}

	@Test
	void skipsAnItemNetSuiteRefusesWithoutCreatingTheRestOfItsChunkTwice() {
		netSuite.requiredFields("contact", "lastName");
		this.contextRunner.withPropertyValues("test.mode=skip").run((context) -> {
			JobExecution execution = context.getBean(JobOperator.class)
				.start(context.getBean(Job.class), new JobParametersBuilder().addString("run", "skip").toJobParameters());
			assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(execution.getStepExecutions()).singleElement()
				.satisfies((step) -> assertThat(step.getWriteSkipCount()).isEqualTo(1));
			// The chunk of customers 6 to 10 was written whole, then item by item to skip customer 7
			assertEveryContactOnce(7);
		});
	}

	private static void assertEveryContactOnce() {
		assertEveryContactOnce(0);
	}

	private static void assertEveryContactOnce(int except) {
		Map<Object, Long> contacts = netSuite.records("contact")
			.all()
			.stream()
			.collect(Collectors.groupingBy((contact) -> String.valueOf(contact.get("comments")), Collectors.counting()));
		assertThat(contacts).containsOnlyKeys(IntStream.rangeClosed(1, CUSTOMERS)
			.filter((id) -> id != except)
			.mapToObj((id) -> "customer " + id)
			.toArray(Object[]::new));
		assertThat(contacts.values()).containsOnly(1L);
	}

	@Configuration(proxyBeanMethods = false)
	static class CopyJob {

		@Bean
		FailAfterWrites failAfterWrites() {
			return new FailAfterWrites();
		}

		@Bean
		Queries queries() {
			return new Queries();
		}

		@Bean
		RestClientCustomizer suiteQlRecorder(Queries queries) {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				if (request.getURI().getPath().equals(SUITEQL)) {
					queries.add((String) JsonMapper.shared().readValue(body, Map.class).get("q"));
				}
				return execution.execute(request, body);
			});
		}

		@Bean
		Step copy(JobRepository jobRepository, PlatformTransactionManager transactionManager, NetSuiteBatchItems items,
				FailAfterWrites failure, Environment environment) {
			String mode = environment.getRequiredProperty("test.mode");
			boolean upsert = mode.equals("upsert");
			NetSuiteItemWriterBuilder<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
				.name("contacts");
			if (upsert) {
				writer = writer.upsert();
			}
			ChunkOrientedStepBuilder<Map<String, Object>, Map<String, Object>> step = new StepBuilder("copy",
					jobRepository)
				.<Map<String, Object>, Map<String, Object>>chunk(CHUNK)
				.transactionManager(transactionManager)
				.reader(items.reader().name("customers").query(QUERY).pageSize(4).build())
				.processor((customer) -> contact(customer, upsert))
				.writer(writer.build())
				.listener(failure);
			if (mode.equals("skip")) {
				step = step.faultTolerant().skip(NetSuiteItemWriteException.class).skipLimit(3);
			}
			return step.build();
		}

		// Created contacts carry no external ID, which NetSuite would refuse to repeat: only the
		// idempotency keys keep them from being created twice. Customer 7's has no last name.
		private static Map<String, Object> contact(Map<String, Object> customer, boolean upsert) {
			Map<String, Object> contact = new LinkedHashMap<>();
			if (upsert) {
				contact.put("externalId", "contact-" + customer.get("id"));
			}
			contact.put("firstName", "Contact of " + customer.get("companyname"));
			contact.put("lastName", "7".equals(customer.get("id")) ? "" : "Customer");
			contact.put("comments", "customer " + customer.get("id"));
			return contact;
		}

		@Bean
		Job copyCustomers(JobRepository jobRepository, Step copy) {
			return new JobBuilder("copyCustomers", jobRepository).start(copy).build();
		}

	}

	static class FailAfterWrites implements ItemWriteListener<Object> {

		private final AtomicInteger writes = new AtomicInteger();

		private volatile int failOn;

		void failOnWrite(int write) {
			this.writes.set(0);
			this.failOn = write;
		}

		@Override
		public void afterWrite(Chunk<?> items) {
			if (this.writes.incrementAndGet() == this.failOn) {
				this.failOn = 0;
				throw new IllegalStateException("Injected failure after the chunk was written");
			}
		}

	}

	static class Queries {

		private final List<String> queries = new CopyOnWriteArrayList<>();

		void add(String query) {
			this.queries.add(query);
		}

		List<String> sent() {
			return List.copyOf(this.queries);
		}

		void clear() {
			this.queries.clear();
		}

	}

}
