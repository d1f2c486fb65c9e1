package io.github.netsuite.boot.changes;

import java.util.function.Function;

/**
 * Where the feeds keep checkpoints and take their locks: the two always live together, so that
 * every instance that shares the checkpoints also shares the locks.
 *
 * @author NetSuite Spring Boot team
 */
record ChangeStore(CheckpointStore checkpoints, Function<String, FeedLock> locks, AutoCloseable resources)
		implements AutoCloseable {

	@Override
	public void close() throws Exception {
		this.resources.close();
	}

}
