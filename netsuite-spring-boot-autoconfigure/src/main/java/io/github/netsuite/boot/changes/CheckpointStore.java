package io.github.netsuite.boot.changes;

import org.jspecify.annotations.Nullable;

/**
 * Where the checkpoints of change feeds live, by feed ID. Only the instance that holds a feed's
 * lock writes its checkpoint.
 *
 * @author NetSuite Spring Boot team
 */
interface CheckpointStore {

	@Nullable String load(String feed);

	void save(String feed, String checkpoint);

	/**
	 * What the store is, for the log and health.
	 */
	String describe();

}
