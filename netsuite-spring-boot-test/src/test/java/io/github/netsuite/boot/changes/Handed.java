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
package io.github.netsuite.boot.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the listeners of a test application were handed, in order, and how they fail: a
 * listener calls {@link #handle(NetSuiteChange)}, which throws while {@link #failing} says so.
 */
final class Handed {

	private final List<NetSuiteChange> changes = new ArrayList<>();

	private final List<NetSuiteChange> attempts = new ArrayList<>();

	volatile Predicate<NetSuiteChange> failing = (change) -> false;

	volatile long slowness;

	void handle(NetSuiteChange change) throws Exception {
		synchronized (this) {
			this.attempts.add(change);
		}
		if (this.slowness > 0) {
			Thread.sleep(this.slowness);
		}
		if (this.failing.test(change)) {
			throw new IllegalStateException("The handler fails on " + change.id());
		}
		synchronized (this) {
			this.changes.add(change);
		}
	}

	synchronized List<NetSuiteChange> changes() {
		return List.copyOf(this.changes);
	}

	synchronized List<NetSuiteChange> attempts() {
		return List.copyOf(this.attempts);
	}

	synchronized List<String> summary() {
		return this.changes.stream().map((change) -> change.type() + " " + change.id() + " " + change.change()).toList();
	}

}
