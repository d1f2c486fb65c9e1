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

import java.util.List;
import java.util.stream.Collectors;

import io.github.netsuite.boot.NetSuiteException;

import org.springframework.batch.infrastructure.item.ItemWriterException;

/**
 * Thrown by {@link NetSuiteItemWriter} when items of a chunk failed, after the whole chunk
 * was written: every other item's record exists. It carries each failed item with
 * NetSuite's error for it, and its cause is the first of those errors, so that Spring
 * Batch's skip and retry policies can classify it (for example
 * {@code skip(NetSuiteItemWriteException.class)}). Its message names each failed item's
 * index, error code and detail, never the item itself.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteItemWriteException extends ItemWriterException {

	private static final int LISTED = 5;

	private final transient List<Failure> failures;

	private final int items;

	/**
	 * Create an exception for the failed items of a chunk.
	 * @param items the number of items in the chunk
	 * @param failures the failed items, in chunk order, at least one
	 */
	public NetSuiteItemWriteException(int items, List<Failure> failures) {
		super(message(items, failures), failures.get(0).error());
		this.failures = List.copyOf(failures);
		this.items = items;
	}

	/**
	 * Return the failed items, in chunk order.
	 * @return the failures, at least one
	 */
	public List<Failure> getFailures() {
		return this.failures;
	}

	/**
	 * Return the number of items in the chunk, failed or not.
	 * @return the number of items
	 */
	public int getItemCount() {
		return this.items;
	}

	private static String message(int items, List<Failure> failures) {
		String listed = failures.stream()
			.limit(LISTED)
			.map((failure) -> "[" + failure.index() + "] " + failure.error().getErrorCode() + ": "
					+ failure.error().getDetail())
			.collect(Collectors.joining("; "));
		return failures.size() + " of " + items + " items failed in NetSuite: " + listed
				+ ((failures.size() > LISTED) ? "; …" : "");
	}

	/**
	 * One failed item of a chunk.
	 */
	public static final class Failure {

		private final int index;

		private final Object item;

		private final NetSuiteException error;

		/**
		 * Create a failure.
		 * @param index the item's index in the chunk
		 * @param item the item
		 * @param error NetSuite's error for it
		 */
		public Failure(int index, Object item, NetSuiteException error) {
			this.index = index;
			this.item = item;
			this.error = error;
		}

		/**
		 * Return the item's index in the chunk.
		 * @return the index, from 0
		 */
		public int index() {
			return this.index;
		}

		/**
		 * Return the item.
		 * @return the item, as the writer was given it
		 */
		public Object item() {
			return this.item;
		}

		/**
		 * Return NetSuite's error for the item.
		 * @return the error, with its status, code and detail
		 */
		public NetSuiteException error() {
			return this.error;
		}

		@Override
		public String toString() {
			return "Failure[index=" + this.index + ", error=" + this.error.getErrorCode() + "]";
		}

	}

}
