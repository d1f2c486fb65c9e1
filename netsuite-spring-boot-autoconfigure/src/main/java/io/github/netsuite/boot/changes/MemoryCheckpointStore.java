package io.github.netsuite.boot.changes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Checkpoints in memory: the fallback when there is neither a database nor Redis; a restart
 * starts again at {@code netsuite.changes.start-at}.
 *
 * @author NetSuite Spring Boot team
 */
final class MemoryCheckpointStore implements CheckpointStore {

	private final Map<String, String> checkpoints = new ConcurrentHashMap<>();

	@Override
	public @Nullable String load(String feed) {
		return this.checkpoints.get(feed);
	}

	@Override
	public void save(String feed, String checkpoint) {
		this.checkpoints.put(feed, checkpoint);
	}

	@Override
	public String describe() {
		return "memory";
	}

}
