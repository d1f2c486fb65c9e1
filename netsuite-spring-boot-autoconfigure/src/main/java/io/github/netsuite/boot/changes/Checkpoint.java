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

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a feed stands: the minute of the last change it handed (NetSuite's minute, as text in the
 * user's time zone) and the changes it handed stamped with that minute. The next window starts at
 * that minute again, so a change stamped with it but seen only later is not lost, and skips the
 * changes remembered, so none is handed twice. Kept in a store as {@code minute|key,key,…}; a key
 * is {@code m<id>} for a modification and {@code d<id>} for a deletion. Used by one feed thread.
 *
 * @author NetSuite Spring Boot team
 */
final class Checkpoint {

	private String minute;

	private final Set<String> handed;

	Checkpoint(String minute, Set<String> handed) {
		this.minute = minute;
		this.handed = new LinkedHashSet<>(handed);
	}

	static Checkpoint at(String minute) {
		return new Checkpoint(minute, Set.of());
	}

	static Checkpoint parse(String text) {
		int bar = text.indexOf('|');
		if (bar < 0) {
			return at(text);
		}
		String keys = text.substring(bar + 1);
		Set<String> handed = keys.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(keys.split(",")));
		return new Checkpoint(text.substring(0, bar), handed);
	}

	String minute() {
		return this.minute;
	}

	int handedAtMinute() {
		return this.handed.size();
	}

	/**
	 * Whether a change stamped with the given minute was handed already.
	 */
	boolean isHanded(String minute, String key) {
		return minute.equals(this.minute) && this.handed.contains(key);
	}

	/**
	 * Remember a change as handed: changes come in the order of their minutes.
	 */
	void handed(String minute, String key) {
		if (minute.compareTo(this.minute) > 0) {
			this.minute = minute;
			this.handed.clear();
		}
		this.handed.add(key);
	}

	/**
	 * Move to a later minute after a complete window: nothing was handed at it yet.
	 */
	void moveTo(String minute) {
		if (minute.compareTo(this.minute) > 0) {
			this.minute = minute;
			this.handed.clear();
		}
	}

	String format() {
		return this.minute + "|" + String.join(",", this.handed);
	}

	@Override
	public String toString() {
		return this.minute + " (" + this.handed.size() + " handed at that minute)";
	}

}
