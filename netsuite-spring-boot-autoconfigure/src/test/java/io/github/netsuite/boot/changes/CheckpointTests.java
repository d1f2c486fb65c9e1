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
