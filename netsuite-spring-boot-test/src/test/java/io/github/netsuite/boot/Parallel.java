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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call from many callers at once, as an application's threads would, for the
 * tests of permits and retries against the double.
 */
public final class Parallel {

	private Parallel() {
	}

	/**
	 * Run the call once per caller, all at once, and return what each returned, in caller
	 * order; the first failure is thrown.
	 * @param callers how many callers
	 * @param call the call, given the caller's number
	 * @return the results
	 * @throws Exception the first call's failure
	 */
	public static List<Object> inParallel(int callers, Call call) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				int caller = i;
				futures.add(executor.submit((Callable<Object>) () -> call.run(caller)));
			}
			List<Object> results = new ArrayList<>();
			for (Future<Object> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * One caller's call.
	 */
	public interface Call {

		/**
		 * Make the call.
		 * @param caller the caller's number, from 0
		 * @return the result
		 * @throws Exception a failure
		 */
		Object run(int caller) throws Exception;

	}

}
