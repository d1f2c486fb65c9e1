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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.RecordBatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * An {@link ItemStreamWriter} that writes each chunk of records through NetSuite's batch
 * operations ({@link RecordBatch}): up to 100 records a request, executed by the account's
 * REST async processors, one result per item.
 * <p>
 * <strong>Exactly once across a restart.</strong> Upsert by external ID
 * ({@link NetSuiteItemWriterBuilder#upsert(Function)}) is the safe path: writing an item
 * again updates the record it wrote before, however often and however late a chunk is
 * written again. A create-only writer makes its chunks exactly once with idempotency keys
 * derived from the job instance (its name, ID and identifying parameters), the step, the
 * writer's name, the chunk's position in the step (the items written in chunks committed
 * before it, kept in the step's execution context) and a fingerprint of the chunk's items
 * (SHA-256 of their JSON): a chunk written again
 * after a failure or a restart, with the same items, is submitted with the same keys, so
 * NetSuite answers {@code IDEMPOTENCY_ERROR} with the job of the first submission and the
 * writer learns its results instead of creating the records again. That holds only as
 * long as NetSuite keeps the keys, which NetSuite does not document, and only when the
 * restarted chunk has the same items: a chunk whose items changed meanwhile gets new keys
 * and is created again (it is never reported with another chunk's results). A
 * {@code JobRepository} that forgets its job instances (in memory) starts their IDs over:
 * a job run again with the same identifying parameters, within the keys' lifetime, gets the
 * first run's results for identical chunks, so give each run parameters of its own. Outside a
 * step (no {@link StepSynchronizationManager} context) the keys are random.
 * <p>
 * <strong>Failed items.</strong> One failed item never fails the others: the whole chunk is
 * written, then, if any item failed, the writer throws {@link NetSuiteItemWriteException}
 * with each failed item and NetSuite's error for it, so that the chunk rolls back and
 * Spring Batch's skip and retry policies apply. An item whose outcome NetSuite's answers do
 * not tell ({@link NetSuiteUnreadableAnswerException#mayHaveExecuted()}) is no failure to
 * skip: the writer throws that exception itself, so that the step fails and its restart
 * submits the chunk again under the same keys. The writer remembers the items of that
 * chunk that succeeded: when Spring Batch writes them again (a retry, or the scan of a
 * chunk item by item to skip the failed ones), their records are not written a second
 * time.
 * <p>
 * Build one with {@link NetSuiteItemWriterBuilder}; not thread-safe, as Spring Batch's
 * other writers that keep state.
 *
 * @param <T> the item type
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class NetSuiteItemWriter<T> implements ItemStreamWriter<T> {

	static final String WRITTEN = "written";

	private final String name;

	private final RecordBatch batch;

	private final @Nullable Function<? super T, @Nullable Object> externalId;

	private final ObjectMapper mapper;

	private final boolean saveState;

	// Items of a chunk that failed whose records were written, with their results
	private final List<Written> written = new ArrayList<>();

	private long committed;

	private long pending;

	NetSuiteItemWriter(String name, RecordBatch batch, @Nullable Function<? super T, @Nullable Object> externalId,
			ObjectMapper mapper, boolean saveState) {
		this.name = name;
		this.batch = batch;
		this.externalId = externalId;
		this.mapper = mapper;
		this.saveState = saveState;
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		this.committed = this.saveState ? executionContext.getLong(key(WRITTEN), 0L) : 0L;
		this.pending = 0;
		this.written.clear();
	}

	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		this.committed += this.pending;
		this.pending = 0;
		if (this.saveState) {
			executionContext.putLong(key(WRITTEN), this.committed);
		}
	}

	@Override
	public void close() throws ItemStreamException {
		this.written.clear();
	}

	/**
	 * Write the chunk's records, by upsert if the writer has external IDs, else by create.
	 * @param chunk the items
	 * @throws NetSuiteItemWriteException if items failed; every other item was written
	 * @throws NetSuiteUnreadableAnswerException if an item's outcome is unknown
	 */
	@Override
	public void write(Chunk<? extends T> chunk) {
		List<? extends T> items = chunk.getItems();
		List<RecordBatch.@Nullable Result> results = new ArrayList<>(items.size());
		List<Object> bodies = new ArrayList<>();
		List<Integer> submitted = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			T item = items.get(i);
			RecordBatch.Result earlier = takeWritten(item);
			results.add(earlier);
			if (earlier == null) {
				bodies.add((this.externalId != null) ? withExternalId(item, this.externalId) : item);
				submitted.add(i);
			}
		}
		if (!bodies.isEmpty()) {
			List<RecordBatch.Result> answers = (this.externalId != null) ? this.batch.upsert(bodies)
					: keyed(bodies).create(bodies);
			if (answers.size() != bodies.size()) {
				throw new IllegalStateException(
						"NetSuite answered " + answers.size() + " results for " + bodies.size() + " records");
			}
			for (int j = 0; j < answers.size(); j++) {
				results.set(submitted.get(j), answers.get(j));
			}
		}
		List<NetSuiteItemWriteException.Failure> failures = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			RecordBatch.Result result = Objects.requireNonNull(results.get(i));
			NetSuiteException error = result.error();
			if (error != null) {
				failures.add(new NetSuiteItemWriteException.Failure(i, items.get(i), error));
			}
		}
		if (failures.isEmpty()) {
			this.pending += items.size();
			return;
		}
		for (int i = 0; i < items.size(); i++) {
			RecordBatch.Result result = Objects.requireNonNull(results.get(i));
			if (result.succeeded()) {
				this.written.add(new Written(items.get(i), result));
			}
		}
		for (NetSuiteItemWriteException.Failure failure : failures) {
			// Written or not, nobody knows: not a failure to skip (a scan would write the item again
			// under a new key) but one to fail the step, whose restart submits the chunk again
			// under the same keys and learns what NetSuite did
			if (failure.error() instanceof NetSuiteUnreadableAnswerException unknown && unknown.mayHaveExecuted()) {
				throw unknown;
			}
		}
		throw new NetSuiteItemWriteException(items.size(), failures);
	}

	private RecordBatch.@Nullable Result takeWritten(T item) {
		for (Iterator<Written> iterator = this.written.iterator(); iterator.hasNext();) {
			Written earlier = iterator.next();
			if (earlier.item == item || earlier.item.equals(item)) {
				iterator.remove();
				return earlier.result;
			}
		}
		return null;
	}

	private Map<String, Object> withExternalId(T item, Function<? super T, @Nullable Object> externalId) {
		Object id = externalId.apply(item);
		if (id == null || id.toString().isBlank()) {
			throw new IllegalArgumentException("An item has no external ID: an upserting writer writes by external"
					+ " ID only, so that writing it again never creates a second record");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> body = new LinkedHashMap<>(this.mapper.convertValue(item, Map.class));
		body.put("externalId", id.toString());
		return body;
	}

	// Keys derived from the job, the step, the chunk's position and its items: the same
	// chunk written again gets the same keys, another chunk never does
	private RecordBatch keyed(List<Object> bodies) {
		StepContext context = StepSynchronizationManager.getContext();
		if (context == null) {
			return this.batch;
		}
		StepExecution step = context.getStepExecution();
		JobInstance job = step.getJobExecution().getJobInstance();
		// The job instance by its name and identifying parameters too: its ID alone starts over
		// in a JobRepository that forgets (in memory)
		String parameters = step.getJobExecution()
			.getJobParameters()
			.getIdentifyingParameters()
			.stream()
			.map((parameter) -> parameter.name() + "=" + parameter.value())
			.sorted()
			.collect(Collectors.joining("&"));
		String seed = "spring-batch/" + job.getJobName() + "/" + job.getInstanceId() + "/" + parameters + "/"
				+ step.getStepName() + "/" + this.name + "/" + (this.committed + this.pending) + "+" + bodies.size()
				+ "/" + fingerprint(bodies);
		return this.batch.idempotencyKeys(seed);
	}

	private String fingerprint(List<Object> bodies) {
		byte[] json = this.mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(bodies);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform has SHA-256
			throw new IllegalStateException(ex);
		}
	}

	private String key(String suffix) {
		return this.name + "." + suffix;
	}

	@Override
	public String toString() {
		return "NetSuiteItemWriter[" + this.name + "]";
	}

	private static final class Written {

		private final Object item;

		private final RecordBatch.Result result;

		Written(Object item, RecordBatch.Result result) {
			this.item = item;
			this.result = result;
		}

	}

}
