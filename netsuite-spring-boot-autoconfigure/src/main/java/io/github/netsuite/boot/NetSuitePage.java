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

import java.util.List;

/**
 * One page of a SuiteQL result or a record collection, as NetSuite returned it.
 *
 * @param <T> the type of the items
 * @param items the items on this page
 * @param offset the offset of the first item
 * @param hasMore whether NetSuite has more items after this page
 * @param totalResults how many items the whole result has
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public record NetSuitePage<T>(List<T> items, int offset, boolean hasMore, long totalResults) {

	/**
	 * Return how many items this page has.
	 * @return the item count
	 */
	public int count() {
		return this.items.size();
	}

}
