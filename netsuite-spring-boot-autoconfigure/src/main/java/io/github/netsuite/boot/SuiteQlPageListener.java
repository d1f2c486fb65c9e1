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
 * Told of every page of SuiteQL rows {@link NetSuiteClient} reads; the metrics
 * auto-configuration counts them as {@code netsuite.suiteql.pages} and
 * {@code netsuite.suiteql.rows}. Kept free of Micrometer, which is optional.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface SuiteQlPageListener {

	/**
	 * A listener that does nothing.
	 */
	SuiteQlPageListener NONE = (account, rows) -> {
	};

	/**
	 * Called once NetSuite answered a SuiteQL page request and the page was read.
	 * @param account the account the page came from
	 * @param rows the number of rows on the page
	 */
	void pageRead(AccountId account, int rows);

}
