package io.github.netsuite.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.netsuite.boot.http.ConcurrencyGovernor;
import io.github.netsuite.boot.http.RetryInterceptor;
import io.github.netsuite.boot.http.TbaSigningInterceptor;
import io.github.netsuite.boot.observation.NetSuiteObservationInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The interceptors of the signed clients, outermost first: retry (a fresh attempt each
 * time), concurrency permit (held only while a request is on the wire), observation (each
 * attempt on the wire), then signing (a new nonce and timestamp on every attempt).
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteInterceptors {

	private final List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();

	NetSuiteInterceptors(@Nullable RetryInterceptor retry, @Nullable ConcurrencyGovernor governor,
			NetSuiteObservationInterceptor observation, TbaSigningInterceptor signing) {
		if (retry != null) {
			this.interceptors.add(retry);
		}
		if (governor != null) {
			this.interceptors.add(governor);
		}
		this.interceptors.add(observation);
		this.interceptors.add(signing);
	}

	List<ClientHttpRequestInterceptor> inOrder() {
		return this.interceptors;
	}

}
