package io.github.netsuite.boot;

import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.netsuite.boot.auth.AccountId;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.client.RestClient;

/**
 * One account's way to the wire, shared by every request object of its
 * {@link NetSuiteClient}: the two signed {@link RestClient}s (whose interceptors permit,
 * observe, sign and guard each attempt), the reading of NetSuite's errors, the JSON mapper,
 * the threads that fetch pages ahead, and the client's defaults for writes and jobs.
 * Request objects talk to it and to nothing else; it is immutable, and the client's
 * {@code with…} methods copy it.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteExchange {

	private final @Nullable AccountId account;

	private final RestClient rest;

	private final RestClient restlets;

	private final ObjectMapper mapper;

	private final NetSuiteErrorDecoder errors;

	private final SuiteQlPageListener pageListener;

	private final int suiteQlPrefetchPages;

	private final Executor pageExecutor;

	private final ObservationRegistry observationRegistry;

	private final boolean exactlyOnceWrites;

	private final NetSuiteJob.AsyncPolling asyncPolling;

	NetSuiteExchange(@Nullable AccountId account, RestClient rest, RestClient restlets, ObjectMapper mapper,
			NetSuiteErrorDecoder errors, SuiteQlPageListener pageListener, int suiteQlPrefetchPages,
			Executor pageExecutor, ObservationRegistry observationRegistry, boolean exactlyOnceWrites, NetSuiteJob.AsyncPolling asyncPolling) {
		this.account = account;
		this.rest = Objects.requireNonNull(rest, "rest");
		this.restlets = Objects.requireNonNull(restlets, "restlets");
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		this.errors = Objects.requireNonNull(errors, "errors");
		this.pageListener = Objects.requireNonNull(pageListener, "pageListener");
		this.suiteQlPrefetchPages = suiteQlPrefetchPages;
		this.pageExecutor = Objects.requireNonNull(pageExecutor, "pageExecutor");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.exactlyOnceWrites = exactlyOnceWrites;
		this.asyncPolling = Objects.requireNonNull(asyncPolling, "asyncPolling");
	}

	NetSuiteExchange withExactlyOnceWrites(boolean exactlyOnceWrites) {
		return new NetSuiteExchange(this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.suiteQlPrefetchPages, this.pageExecutor, this.observationRegistry, exactlyOnceWrites, this.asyncPolling);
	}

	NetSuiteExchange withAsyncPolling(NetSuiteJob.AsyncPolling asyncPolling) {
		return new NetSuiteExchange(this.account, this.rest, this.restlets, this.mapper, this.errors,
				this.pageListener, this.suiteQlPrefetchPages, this.pageExecutor, this.observationRegistry, this.exactlyOnceWrites, asyncPolling);
	}

	RestClient rest() {
		return this.rest;
	}

	RestClient restlets() {
		return this.restlets;
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	NetSuiteErrorDecoder errors() {
		return this.errors;
	}

	int suiteQlPrefetchPages() {
		return this.suiteQlPrefetchPages;
	}

	Executor pageExecutor() {
		return this.pageExecutor;
	}

	ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	boolean idempotentWrites() {
		return this.exactlyOnceWrites;
	}

	NetSuiteJob.AsyncPolling asyncPolling() {
		return this.asyncPolling;
	}

	void pageRead(int rows) {
		if (this.account != null) {
			this.pageListener.pageRead(this.account, rows);
		}
	}

}
