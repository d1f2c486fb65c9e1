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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a checkpoint remembers at its minute.
 */
class CheckpointTests {

	@Test
	void remembersTheChangesHandedAtItsMinuteOnly() {
		Checkpoint checkpoint = Checkpoint.at("2026-12-05 10:00:00");
		checkpoint.handed("2026-12-05 10:00:00", "m1");
		checkpoint.handed("2026-12-05 10:00:00", "d2");
		assertThat(checkpoint.isHanded("2026-12-05 10:00:00", "m1")).isTrue();
		assertThat(checkpoint.isHanded("2026-12-05 10:00:00", "m2")).isFalse();
		// The same record modified again in a later minute is a new change
		assertThat(checkpoint.isHanded("2026-12-05 10:01:00", "m1")).isFalse();
		checkpoint.handed("2026-12-05 10:01:00", "m1");
		assertThat(checkpoint.minute()).isEqualTo("2026-12-05 10:01:00");
		assertThat(checkpoint.handedAtMinute()).isEqualTo(1);
	}

	@Test
	void movesToALaterMinuteForgettingWhatItHanded() {
		Checkpoint checkpoint = Checkpoint.at("2026-12-05 10:00:00");
		checkpoint.handed("2026-12-05 10:00:00", "m1");
		checkpoint.moveTo("2026-12-05 09:00:00");
		assertThat(checkpoint.format()).isEqualTo("2026-12-05 10:00:00|m1");
		checkpoint.moveTo("2026-12-05 10:04:00");
		assertThat(checkpoint.format()).isEqualTo("2026-12-05 10:04:00|");
	}

	@Test
	void readsWhatItWrites() {
		Checkpoint checkpoint = Checkpoint.parse("2026-12-05 10:00:00|m1,d7,m12");
		assertThat(checkpoint.isHanded("2026-12-05 10:00:00", "d7")).isTrue();
		assertThat(Checkpoint.parse(checkpoint.format()).format()).isEqualTo("2026-12-05 10:00:00|m1,d7,m12");
		assertThat(Checkpoint.parse("2026-12-05 10:00:00|").handedAtMinute()).isZero();
	}

}
