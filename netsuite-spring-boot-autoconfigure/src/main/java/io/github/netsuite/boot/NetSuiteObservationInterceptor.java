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

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.netsuite.boot.observation.DefaultNetSuiteRequestObservationConvention;
import io.github.netsuite.boot.observation.NetSuiteObservationDocumentation;
import io.github.netsuite.boot.observation.NetSuiteRequestContext;
import io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that observes every attempt of a NetSuite request
 * on the wire as {@code netsuite.requests}. It sits inside the retry and concurrency
 * interceptors and outside the signing one, so each retry is an observation of its own and
 * the time spent waiting for a concurrency permit is not part of any.
 * <p>
 * The observation ends when the response is closed, so reading the body counts. NetSuite's
 * error code comes from the error the chain read once ({@link NetSuiteRequests#error}).
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteObservationInterceptor implements ClientHttpRequestInterceptor {

	private static final NetSuiteRequestObservationConvention DEFAULT_CONVENTION = new DefaultNetSuiteRequestObservationConvention();

	private final ObservationRegistry registry;

	private final String realm;

	private final @Nullable NetSuiteRequestObservationConvention convention;

	/**
	 * Create an interceptor.
	 * @param registry the registry to observe with
	 * @param realm the account realm, the {@code netsuite.account} key value
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	NetSuiteObservationInterceptor(ObservationRegistry registry, String realm,
			@Nullable NetSuiteRequestObservationConvention convention) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.realm = Objects.requireNonNull(realm, "realm");
		this.convention = convention;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.registry.isNoop()) {
			return execution.execute(request, body);
		}
		NetSuiteRequestContext context = new NetSuiteRequestContext(request, this.realm, NetSuiteRequests.api(request),
				NetSuiteRequests.attempt(request));
		Observation observation = NetSuiteObservationDocumentation.REQUESTS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		ClientHttpResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = execution.execute(request, body);
			context.setStatusCode(response.getStatusCode().value());
		}
		catch (IOException | RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		NetSuiteError error = NetSuiteRequests.error(request);
		if (error != null) {
			context.setErrorCode(error.errorCode());
			context.setThrottled(error.isThrottled());
		}
		return new ObservedResponse(response, observation);
	}

	/**
	 * A response whose observation stops when it is closed.
	 */
	private static final class ObservedResponse extends ClientHttpResponseDecorator {

		private final Observation observation;

		private final AtomicBoolean closed = new AtomicBoolean();

		ObservedResponse(ClientHttpResponse response, Observation observation) {
			super(response);
			this.observation = observation;
		}

		@Override
		public void close() {
			try {
				super.close();
			}
			finally {
				if (this.closed.compareAndSet(false, true)) {
					this.observation.stop();
				}
			}
		}

	}

}
