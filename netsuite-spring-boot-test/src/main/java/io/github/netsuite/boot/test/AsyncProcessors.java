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
package io.github.netsuite.boot.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account's REST async processors, as a schedule: each batch task queues for the
 * processor that is free first, in the order tasks are submitted (first come, first
 * served across jobs), and takes it for the time per record. Times are computed when a job
 * is submitted, on the double's clock, so that at most P tasks run at once by construction
 * and tests read the schedule from the tasks' {@code startTime} and {@code endTime} rather
 * than from the machine's timing. Nothing waits: a task's result is simply shown from its
 * end on.
 *
 * @author NetSuite Spring Boot team
 */
final class AsyncProcessors {

	// When each processor is free again, on the double's clock
	private Instant[] freeAt = new Instant[0];

	/**
	 * The start and end of {@code count} tasks submitted together, in their order.
	 * @param count how many tasks
	 * @param earliest when the first of them may start
	 * @param processors how many processors there are now (at least 1)
	 * @param timePerRecord how long each task takes
	 */
	synchronized List<Instant[]> schedule(int count, Instant earliest, int processors, Duration timePerRecord) {
		resize(processors, earliest);
		List<Instant[]> slots = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int first = 0;
			for (int p = 1; p < this.freeAt.length; p++) {
				if (this.freeAt[p].isBefore(this.freeAt[first])) {
					first = p;
				}
			}
			Instant start = this.freeAt[first].isAfter(earliest) ? this.freeAt[first] : earliest;
			Instant end = start.plus(timePerRecord);
			this.freeAt[first] = end;
			slots.add(new Instant[] { start, end });
		}
		return slots;
	}

	/**
	 * Forget the work queued: every processor is free.
	 */
	synchronized void clear() {
		this.freeAt = new Instant[0];
	}

	// More processors are free at once; fewer keep those busy longest, so that no more than
	// the new number ever run at once
	private void resize(int processors, Instant now) {
		if (this.freeAt.length == processors) {
			return;
		}
		Instant[] sorted = this.freeAt.clone();
		Arrays.sort(sorted);
		Instant[] resized = new Instant[processors];
		int kept = Math.min(processors, sorted.length);
		System.arraycopy(sorted, sorted.length - kept, resized, 0, kept);
		Arrays.fill(resized, kept, processors, now);
		this.freeAt = resized;
	}

}
