package io.github.netsuite.boot.autoconfigure;

import java.util.Map;

import io.github.netsuite.boot.http.ConcurrencyGovernor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Sizes the {@link ConcurrencyGovernor} at start-up from what NetSuite grants the
 * integration ({@code GET /services/rest/system/v1/governanceLimits}). Only administrators
 * may read it, so any failure keeps the configured limit.
 *
 * @author NetSuite Spring Boot team
 */
class GovernanceLimitsSizer implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(GovernanceLimitsSizer.class);

	private final ConcurrencyGovernor governor;

	private final RestClient rest;

	GovernanceLimitsSizer(ConcurrencyGovernor governor, RestClient rest) {
		this.governor = governor;
		this.rest = rest;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			Map<?, ?> limits = this.rest.get()
				.uri("/services/rest/system/v1/governanceLimits")
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(Map.class);
			int limit = (limits != null) ? limitFor(limits) : 0;
			if (limit > 0) {
				this.governor.resize(limit);
				logger.info("NetSuite grants this integration " + limit + " concurrent requests; using that limit");
			}
		}
		catch (RuntimeException ex) {
			logger.info("Could not read NetSuite's governance limits (" + ex.getClass().getSimpleName()
					+ "); keeping netsuite.concurrency.limit=" + this.governor.limit());
		}
	}

	// An integration with its own allocation gets that; the others share what is unallocated.
	static int limitFor(Map<?, ?> limits) {
		String key = "integrationSpecific".equals(limits.get("integrationLimitType")) ? "integrationConcurrencyLimit"
				: "accountUnallocatedConcurrencyLimit";
		int limit = number(limits.get(key));
		return (limit > 0) ? limit : number(limits.get("accountConcurrencyLimit"));
	}

	private static int number(Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

}
