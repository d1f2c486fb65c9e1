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

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text a feed sends to and reads from NetSuite for a time, and the checkpoint it
 * stores, on random input against an independent spelling: a checkpoint compares minutes
 * as text, so the text's order must be time's order.
 *
 * @author NetSuite Spring Boot team
 */
class ChangeTextRandomTests {

	private static final long SEED = 0x5EED_2612L;

	@Test
	void spellsEveryTimeAsNetSuitesTextAndReadsItBack() {
		Random random = new Random(SEED);
		for (int i = 0; i < 5000; i++) {
			LocalDateTime time = randomTime(random);
			String expected = String.format("%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(),
					time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
			assertThat(ChangeQueries.text(time)).as("%s", time).isEqualTo(expected);
			assertThat(ChangeQueries.time(expected)).isEqualTo(time);
		}
	}

	@Test
	void ordersTimesAsTextAsTheyAreOrderedInTime() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < 5000; i++) {
			LocalDateTime a = randomTime(random);
			LocalDateTime b = randomTime(random);
			assertThat(Integer.signum(ChangeQueries.text(a).compareTo(ChangeQueries.text(b))))
				.as("%s against %s", a, b)
				.isEqualTo(Integer.signum(a.compareTo(b)));
		}
	}

	@Test
	void storesACheckpointAndReadsBackTheSameOne() {
		Random random = new Random(SEED + 2);
		for (int i = 0; i < 2000; i++) {
			String minute = ChangeQueries.text(randomTime(random).withSecond(0));
			Set<String> handed = new LinkedHashSet<>();
			int count = random.nextInt(20);
			for (int k = 0; k < count; k++) {
				// Internal IDs are positive integers; "m" a modification, "d" a deletion
				handed.add(((random.nextBoolean()) ? "m" : "d") + (1 + random.nextInt(Integer.MAX_VALUE)));
			}
			Checkpoint read = Checkpoint.parse(new Checkpoint(minute, handed).format());
			assertThat(read.minute()).isEqualTo(minute);
			assertThat(read.handedAtMinute()).isEqualTo(handed.size());
			assertThat(handed).allSatisfy((key) -> assertThat(read.isHanded(minute, key)).isTrue());
		}
	}

	private static LocalDateTime randomTime(Random random) {
		return LocalDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28),
				random.nextInt(24), random.nextInt(60), random.nextInt(60));
	}

}
