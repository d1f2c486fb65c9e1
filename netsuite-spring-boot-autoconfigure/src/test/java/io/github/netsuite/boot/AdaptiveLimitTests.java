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

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AdaptiveLimit}.
 */
class AdaptiveLimitTests {

	@Test
	void startsAtTheCeiling() {
		assertThat(new AdaptiveLimit(8).limit()).isEqualTo(8);
	}

	@Test
	void aThrottledAnswerShrinksTheLimitByAQuarter() {
		assertThat(new AdaptiveLimit(8).throttled(1, 2, 8)).isEqualTo(6);
	}

	@Test
	void aThrottledRequestThatWasAloneOnTheWireShrinksTheLimitToOne() {
		// Other integrations hold all of NetSuite's limit.
		assertThat(new AdaptiveLimit(8).throttled(1, 2, 1)).isOne();
	}

	@Test
	void theThrottledAnswersOfOneOverloadTellHowFarOverItWas() {
		AdaptiveLimit limit = new AdaptiveLimit(8);
		// Eight sent at once, NetSuite accepts three: five answers throttled, all sent before the first decrease.
		assertThat(limit.throttled(0, 10, 8)).isEqualTo(6);
		assertThat(limit.throttled(0, 11, 7)).isEqualTo(6);
		assertThat(limit.throttled(0, 12, 6)).isEqualTo(5);
		assertThat(limit.throttled(0, 13, 5)).isEqualTo(4);
		assertThat(limit.throttled(0, 14, 4)).isEqualTo(3);
	}

	@Test
	void answersThrottledFromBeforeTheLastDecreaseDoNotShrinkItByAQuarterAgain() {
		AdaptiveLimit limit = new AdaptiveLimit(8);
		limit.throttled(0, 10, 8);
		// Eight in flight, two throttled: six accepted, as many as the decrease left.
		assertThat(limit.throttled(5, 11, 7)).isEqualTo(6);
		// Sent after the decrease: a new overload.
		assertThat(limit.throttled(20, 30, 6)).isEqualTo(4);
	}

	@Test
	void neverGoesBelowOne() {
		AdaptiveLimit limit = new AdaptiveLimit(2);
		for (int i = 0; i < 20; i++) {
			limit.throttled(i * 10 + 5, i * 10 + 6, 1);
		}
		assertThat(limit.limit()).isOne();
	}

	@Test
	void growsByOneAfterTenRoundTripsOfAcceptedAnswersWhileRequestsQueue() {
		AdaptiveLimit limit = new AdaptiveLimit(8);
		limit.throttled(0, 1, 4);
		assertThat(limit.limit()).isEqualTo(3);
		int accepted = 0;
		while (limit.limit() == 3) {
			limit.accepted(true);
			accepted++;
		}
		assertThat(limit.limit()).isEqualTo(4);
		assertThat(accepted).isEqualTo(AdaptiveLimit.ROUNDS_PER_STEP * 3);
	}

	@Test
	void doesNotGrowWithoutRequestsQueueing() {
		AdaptiveLimit limit = new AdaptiveLimit(8);
		limit.throttled(0, 1, 4);
		for (int i = 0; i < 1000; i++) {
			limit.accepted(false);
		}
		assertThat(limit.limit()).isEqualTo(3);
	}

	@Test
	void neverGrowsAboveTheCeiling() {
		AdaptiveLimit limit = new AdaptiveLimit(3);
		for (int i = 0; i < 1000; i++) {
			limit.accepted(true);
		}
		assertThat(limit.limit()).isEqualTo(3);
	}

	@Test
	void aResetStartsOverFromTheNewCeiling() {
		AdaptiveLimit limit = new AdaptiveLimit(8);
		limit.throttled(0, 1, 2);
		limit.reset(5);
		assertThat(limit.limit()).isEqualTo(5);
		assertThat(limit.ceiling()).isEqualTo(5);
		assertThat(limit.throttled(0, 2, 5)).as("a new overload after a reset").isEqualTo(3);
	}

	@Test
	void staysWithinOneAndTheCeilingWhateverTheAnswers() {
		Random random = new Random(15);
		AdaptiveLimit limit = new AdaptiveLimit(8);
		long now = 0;
		for (int i = 0; i < 10_000; i++) {
			now += random.nextInt(5);
			if (random.nextInt(10) == 0) {
				limit.throttled(now - random.nextInt(20), now, random.nextInt(12));
			}
			else {
				limit.accepted(random.nextBoolean());
			}
			assertThat(limit.limit()).isBetween(1, 8);
		}
	}

	@Test
	void refusesACeilingBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveLimit(0));
	}

}
