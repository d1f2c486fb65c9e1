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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import io.github.netsuite.boot.test.NetSuiteDouble;
import io.github.netsuite.boot.test.ReceivedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The item writer against the NetSuite double: each chunk in batch requests, upserts by
 * external ID, the items NetSuite refuses thrown with its errors after the others are
 * written, and a chunk written again in the same place of the same step never created twice.
 */
class NetSuiteItemWriterDoubleTests {

	private static final String CONTACTS = "/services/rest/record/v1/contact";

	private static NetSuiteDouble netSuite;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteBatchAutoConfiguration.class))
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
		netSuite.records("contact").clear();
		netSuite.requiredFields("contact");
	}

	@AfterEach
	void leaveStep() {
		StepSynchronizationManager.close();
	}

	@Test
	void createsAChunkThroughOneBatchRequest() {
		items((items) -> {
			NetSuiteItemWriter<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			writer.open(new ExecutionContext());
			writer.write(Chunk.of(contact("1"), contact("2"), contact("3")));
			assertThat(netSuite.records("contact").all()).extracting((contact) -> contact.get("comments"))
				.containsExactlyInAnyOrder("1", "2", "3");
			assertThat(writes()).extracting(ReceivedRequest::method).containsExactly("POST");
		});
	}

	@Test
	void upsertsByTheExternalIdAFunctionGives() {
		items((items) -> {
			NetSuiteItemWriter<Person> writer = items.<Person>writer("contact")
				.name("contacts")
				.upsert((person) -> "person-" + person.code())
				.build();
			writer.open(new ExecutionContext());
			Chunk<Person> chunk = Chunk.of(new Person("1", "Ada"), new Person("2", "Grace"));
			writer.write(chunk);
			writer.write(chunk);
			assertThat(netSuite.records("contact").size()).isEqualTo(2);
			assertThat(netSuite.records("contact").findByExternalId("person-2")).containsEntry("lastName", "Grace");
			assertThat(writes()).extracting(ReceivedRequest::method).containsExactly("PUT", "PUT");
		});
	}

	@Test
	void upsertsByTheExternalIdInAField() {
		items((items) -> {
			NetSuiteItemWriter<Person> writer = items.<Person>writer("contact").name("contacts").upsert("code").build();
			writer.open(new ExecutionContext());
			writer.write(Chunk.of(new Person("P-1", "Ada")));
			assertThat(netSuite.records("contact").findByExternalId("P-1")).containsEntry("lastName", "Ada");
		});
	}

	@Test
	void refusesAnItemWithoutAnExternalIdBeforeWritingAnything() {
		items((items) -> {
			NetSuiteItemWriter<Person> writer = items.<Person>writer("contact").name("contacts").upsert("code").build();
			writer.open(new ExecutionContext());
			assertThatIllegalArgumentException()
				.isThrownBy(() -> writer.write(Chunk.of(new Person("P-1", "Ada"), new Person(null, "Grace"))))
				.withMessageContaining("no external ID");
			assertThat(writes()).isEmpty();
		});
	}

	@Test
	void throwsTheRefusedItemsWithNetSuitesErrorsAfterWritingTheOthers() {
		netSuite.requiredFields("contact", "lastName");
		items((items) -> {
			NetSuiteItemWriter<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			writer.open(new ExecutionContext());
			Map<String, Object> refused = Map.of("firstName", "Secret Name", "comments", "2");
			assertThatExceptionOfType(NetSuiteItemWriteException.class)
				.isThrownBy(() -> writer.write(Chunk.of(contact("1"), refused, contact("3"))))
				.satisfies((ex) -> {
					assertThat(ex.getItemCount()).isEqualTo(3);
					assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
						assertThat(failure.index()).isEqualTo(1);
						assertThat(failure.item()).isSameAs(refused);
						assertThat(failure.error().getErrorCode()).isEqualTo("USER_ERROR");
						assertThat(failure.error().getDetail()).contains("lastName");
					});
					assertThat(ex.getCause()).isSameAs(ex.getFailures().get(0).error());
					assertThat(ex.getMessage()).startsWith("1 of 3 items failed")
						.contains("[1] USER_ERROR")
						.doesNotContain("Secret Name");
				});
			assertThat(netSuite.records("contact").all()).extracting((contact) -> contact.get("comments"))
				.containsExactlyInAnyOrder("1", "3");
		});
	}

	@Test
	void writesOnlyTheRefusedItemsWhenTheSameChunkIsWrittenAgain() {
		netSuite.requiredFields("contact", "lastName");
		items((items) -> {
			NetSuiteItemWriter<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			writer.open(new ExecutionContext());
			Chunk<Map<String, Object>> chunk = Chunk.of(contact("1"), Map.of("comments", "2"), contact("3"));
			assertThatExceptionOfType(NetSuiteItemWriteException.class).isThrownBy(() -> writer.write(chunk));
			// A retry of the chunk, or Spring Batch's scan of it item by item
			assertThatExceptionOfType(NetSuiteItemWriteException.class).isThrownBy(() -> writer.write(chunk))
				.satisfies((ex) -> assertThat(ex.getFailures()).extracting(NetSuiteItemWriteException.Failure::index)
					.containsExactly(1));
			writer.write(Chunk.of(contact("1")));
			writer.write(Chunk.of(contact("3")));
			assertThat(netSuite.records("contact").size()).isEqualTo(2);
		});
	}

	@Test
	void failsOnItemsWhoseOutcomeIsUnknownRatherThanLetThemBeSkipped() {
		// NetSuite's job outlives the writer's patience: its items may yet be written
		netSuite.asyncDelay(Duration.ofSeconds(3));
		this.contextRunner.withPropertyValues("netsuite.batch.timeout=200ms").run((context) -> {
			NetSuiteItemWriter<Map<String, Object>> writer = context.getBean(NetSuiteBatchItems.class)
				.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			writer.open(new ExecutionContext());
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> writer.write(Chunk.of(contact("1"))))
				.satisfies((ex) -> assertThat(ex.mayHaveExecuted()).isTrue())
				.isNotInstanceOf(NetSuiteItemWriteException.class);
		});
	}

	@Test
	void savesTheNumberOfItemsWrittenOnUpdate() {
		items((items) -> {
			NetSuiteItemWriter<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			ExecutionContext context = new ExecutionContext();
			writer.open(context);
			writer.write(Chunk.of(contact("1"), contact("2")));
			writer.update(context);
			writer.write(Chunk.of(contact("3")));
			writer.update(context);
			assertThat(context.getLong("contacts.written")).isEqualTo(3);
		});
	}

	@Test
	void createsAChunkWrittenAgainInTheSamePlaceOfTheSameStepOnce() {
		inStep("1");
		items((items) -> {
			ExecutionContext committed = new ExecutionContext();
			NetSuiteItemWriter<Map<String, Object>> first = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			first.open(committed);
			first.write(Chunk.of(contact("1"), contact("2")));
			first.update(committed);
			// The next chunk is written, and the step dies before it commits
			first.write(Chunk.of(contact("3"), contact("4")));
			NetSuiteItemWriter<Map<String, Object>> restarted = items.<Map<String, Object>>writer("contact")
				.name("contacts")
				.build();
			restarted.open(committed);
			restarted.write(Chunk.of(contact("3"), contact("4")));
			assertThat(netSuite.records("contact").all()).extracting((contact) -> contact.get("comments"))
				.containsExactlyInAnyOrder("1", "2", "3", "4");
			assertThat(writes()).hasSize(3);
		});
	}

	@Test
	void createsTheSameItemsInAnotherJobInstanceAgain() {
		items((items) -> {
			for (String run : List.of("1", "2")) {
				inStep(run);
				NetSuiteItemWriter<Map<String, Object>> writer = items.<Map<String, Object>>writer("contact")
					.name("contacts")
					.build();
				writer.open(new ExecutionContext());
				writer.write(Chunk.of(contact("1")));
				StepSynchronizationManager.close();
			}
			assertThat(netSuite.records("contact").size()).isEqualTo(2);
		});
	}

	private void items(Consumer<NetSuiteBatchItems> test) {
		this.contextRunner.run((context) -> test.accept(context.getBean(NetSuiteBatchItems.class)));
	}

	private static void inStep(String run) {
		JobInstance instance = new JobInstance(1L, "copyCustomers");
		JobExecution job = new JobExecution(1L, instance,
				new JobParametersBuilder().addString("run", run).toJobParameters());
		StepSynchronizationManager.register(new StepExecution(1L, "copy", job));
	}

	private static List<ReceivedRequest> writes() {
		return netSuite.receivedRequests().stream().filter((request) -> request.path().equals(CONTACTS)).toList();
	}

	private static Map<String, Object> contact(String id) {
		return Map.of("firstName", "Contact", "lastName", "Number " + id, "comments", id);
	}

	record Person(String code, String lastName) {
	}

}
