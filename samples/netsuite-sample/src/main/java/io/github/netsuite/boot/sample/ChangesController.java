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
