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

import io.github.netsuite.boot.auth.AccountId;

/**
 * Told of every batch request of {@link RecordBatch}: when NetSuite accepted it and when
 * its items have their results. The metrics auto-configuration counts them as
 * {@code netsuite.batch.items.submitted}, {@code .succeeded} and {@code .failed} and
 * gauges {@code netsuite.batch.jobs.in-flight}. Kept free of Micrometer, which is
 * optional. Called from the batch's threads: implementations must be thread-safe.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public interface RecordBatchListener {

	/**
	 * A listener that does nothing.
	 */
	RecordBatchListener NONE = new RecordBatchListener() {
	};

	/**
	 * Called once NetSuite accepted a batch request: its job is in flight.
	 * @param account the account
	 * @param type the record type
	 * @param items the items of the request
	 */
	default void submitted(AccountId account, String type, int items) {
	}

	/**
	 * Called once every item of a batch request has its result, or its submission failed.
	 * @param account the account
	 * @param type the record type
	 * @param accepted whether NetSuite had accepted the request ({@link #submitted} was
	 * called for it)
	 * @param succeeded the items that succeeded
	 * @param failed the items that failed or whose outcome is unknown
	 */
	default void finished(AccountId account, String type, boolean accepted, int succeeded, int failed) {
	}

}
