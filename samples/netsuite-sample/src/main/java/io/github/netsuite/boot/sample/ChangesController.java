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
package io.github.netsuite.boot.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.netsuite.boot.changes.NetSuiteChange;
import io.github.netsuite.boot.changes.NetSuiteChangeListener;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With {@code --sample.changes=true}: follows the account's {@code customer} changes and
 * answers {@code GET /changes} with those this instance handled, in order. With
 * {@code --netsuite.changes.store=redis} (and {@code spring.data.redis.*}) several instances
 * share the checkpoint and the lock: one of them hands each change.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
@ConditionalOnBooleanProperty("sample.changes")
class ChangesController {

	private final List<Map<String, Object>> handled = new ArrayList<>();

	// Idempotent by construction: a change handed again (after a takeover) is one more line here,
	// where a real handler would upsert by type and ID
	@NetSuiteChangeListener("customer")
	void onCustomer(NetSuiteChange change) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", change.type());
		line.put("id", change.id());
		line.put("change", change.change().name().toLowerCase(Locale.ROOT));
		line.put("at", change.at().toString());
		synchronized (this.handled) {
			this.handled.add(line);
		}
	}

	/**
	 * The changes this instance handled, in order.
	 * @return {@code [{"type":"customer","id":"…","change":"created|updated|deleted","at":"…"}]}
	 */
	@GetMapping("/changes")
	List<Map<String, Object>> changes() {
		synchronized (this.handled) {
			return List.copyOf(this.handled);
		}
	}

}
