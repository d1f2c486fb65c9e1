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
package io.github.netsuite.boot.observation;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NetSuiteMeterObservationHandler}.
 */
class NetSuiteMeterObservationHandlerTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final ObservationRegistry observations = ObservationRegistry.create();

	NetSuiteMeterObservationHandlerTests() {
		this.observations.observationConfig().observationHandler(new NetSuiteMeterObservationHandler(this.meters));
	}

	@Test
	void timesAnAttemptFromStartToStopOnTheRegistrysClock() {
		Observation observation = start(1);
		this.clock.add(Duration.ofMillis(250));
		stop(observation, 200);
		Timer timer = this.meters.get("netsuite.requests").tag("http.status", "200").tag("error", "none").timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
	}

	@Test
	void tagsTheErrorWithItsClassLikeMicrometersDefaultHandler() {
		Observation observation = start(1);
		observation.error(new IOException("Connection reset"));
		observation.stop();
		assertThat(this.meters.get("netsuite.requests").tag("error", "IOException").tag("http.status", "IO_ERROR").timer()
			.count()).isEqualTo(1);
	}

	@Test
	void recordsOnATimerRegisteredAgainAfterTheRegistryDroppedIt() {
		stop(start(1), 200);
		this.meters.clear();
		stop(start(1), 200);
		assertThat(this.meters.get("netsuite.requests").timer().count()).isEqualTo(1);
	}

	@Test
	void recordsOnATimerRegisteredAgainAfterTheRegistryDroppedOneAMeterFilterMadeOfSeveralTagSets() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		meters.config().meterFilter(MeterFilter.ignoreTags("http.status", "outcome"));
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new NetSuiteMeterObservationHandler(meters));
		stop(start(1, observations), 200);
		stop(start(1, observations), 404);
		meters.clear();
		stop(start(1, observations), 200);
		stop(start(1, observations), 404);
		assertThat(meters.get("netsuite.requests").timer().count()).isEqualTo(2);
	}

	@Test
	void keepsOneTimerPerSetOfTags() {
		stop(start(1), 200);
		stop(start(1), 200);
		stop(start(1), 404);
		assertThat(this.meters.get("netsuite.requests").tag("http.status", "200").timer().count()).isEqualTo(2);
		assertThat(this.meters.get("netsuite.requests").tag("http.status", "404").timer().count()).isEqualTo(1);
	}

	@Test
	void countsAttemptsAfterTheFirstAsRetries() {
		stop(start(1), 429);
		stop(start(2), 200);
		assertThat(this.meters.get(NetSuiteMeterObservationHandler.RETRIES).tag("netsuite.api", "rest").counter()
			.count()).isEqualTo(1);
	}

	@Test
	void namesTheTimerNetSuiteRequestsWhenACustomConventionGivesNoName() {
		NetSuiteRequestObservationConvention keyValuesOnly = new NetSuiteRequestObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(NetSuiteRequestContext context) {
				return KeyValues.of("team", "billing");
			}

		};
		NetSuiteRequestContext context = new NetSuiteRequestContext(
				new MockClientHttpRequest(HttpMethod.GET, URI.create("https://example.test/services/rest/record/v1/customer/42")),
				"1234567_SB1", NetSuiteRequestContext.API_REST, 1);
		stop(NetSuiteObservationDocumentation.REQUESTS
			.observation(keyValuesOnly, new DefaultNetSuiteRequestObservationConvention(), () -> context,
					this.observations)
			.start(), 200);
		assertThat(this.meters.get("netsuite.requests").tag("team", "billing").timer().count()).isEqualTo(1);
	}

	@Test
	void makesNoLongTaskTimer() {
		Observation observation = start(1);
		assertThat(this.meters.find("netsuite.requests.active").longTaskTimer()).isNull();
		stop(observation, 200);
	}

	private Observation start(int attempt) {
		return start(attempt, this.observations);
	}

	private static Observation start(int attempt, ObservationRegistry observations) {
		NetSuiteRequestContext context = new NetSuiteRequestContext(
				new MockClientHttpRequest(HttpMethod.GET, URI.create("https://example.test/services/rest/record/v1/customer/42")),
				"1234567_SB1", NetSuiteRequestContext.API_REST, attempt);
		return NetSuiteObservationDocumentation.REQUESTS
			.observation(null, new DefaultNetSuiteRequestObservationConvention(), () -> context, observations)
			.start();
	}

	private static void stop(Observation observation, int status) {
		((NetSuiteRequestContext) observation.getContext()).setStatusCode(status);
		observation.stop();
	}

}
