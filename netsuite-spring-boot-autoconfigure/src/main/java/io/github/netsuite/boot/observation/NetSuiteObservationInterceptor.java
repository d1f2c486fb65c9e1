package io.github.netsuite.boot.observation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.netsuite.boot.NetSuiteConcurrencyLimitException;
import io.github.netsuite.boot.NetSuiteException;
import io.github.netsuite.boot.http.ClientHttpResponseDecorator;
import io.github.netsuite.boot.http.NetSuiteErrorDecoder;
import io.github.netsuite.boot.http.RetryInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that observes every attempt of a NetSuite request
 * on the wire as {@code netsuite.requests}. It sits inside the retry and concurrency
 * interceptors and outside the signing one, so each retry is an observation of its own and
 * the time spent waiting for a concurrency permit is not part of any.
 * <p>
 * The observation ends when the response is closed, so reading the body counts. Error
 * answers, which are small, are buffered (up to 64 KiB) to read NetSuite's error code; the
 * response handed on still has its whole body.
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteObservationInterceptor implements ClientHttpRequestInterceptor {

	private static final NetSuiteRequestObservationConvention DEFAULT_CONVENTION = new DefaultNetSuiteRequestObservationConvention();

	private static final int MAX_BUFFERED_ERROR_BODY = 64 * 1024;

	private final ObservationRegistry registry;

	private final String realm;

	private final @Nullable NetSuiteRequestObservationConvention convention;

	private final NetSuiteErrorDecoder errors = new NetSuiteErrorDecoder(JsonMapper.shared());

	/**
	 * Create an interceptor.
	 * @param registry the registry to observe with
	 * @param realm the account realm, the {@code netsuite.account} key value
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	public NetSuiteObservationInterceptor(ObservationRegistry registry, String realm,
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
		NetSuiteRequestContext context = new NetSuiteRequestContext(request, this.realm, attempt(request));
		Observation observation = NetSuiteObservationDocumentation.REQUESTS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		ClientHttpResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		try {
			return observe(request, response, context, observation);
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			observation.error(ex);
			observation.stop();
			throw ex;
		}
	}

	private ClientHttpResponse observe(HttpRequest request, ClientHttpResponse response,
			NetSuiteRequestContext context, Observation observation) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		context.setStatusCode(status.value());
		if (!status.isError()) {
			return new ObservedResponse(response, null, observation);
		}
		byte[] head = response.getBody().readNBytes(MAX_BUFFERED_ERROR_BODY);
		NetSuiteException error = this.errors.decode(request.getMethod().name(), request.getURI().getRawPath(),
				status.value(), head);
		context.setErrorCode(error.getErrorCode());
		context.setThrottled(error instanceof NetSuiteConcurrencyLimitException);
		return new ObservedResponse(response, head, observation);
	}

	private static int attempt(HttpRequest request) {
		Object attempt = request.getAttributes().get(RetryInterceptor.ATTEMPT_ATTRIBUTE);
		return (attempt instanceof Integer number) ? number : 1;
	}

	/**
	 * A response whose observation stops when it is closed, with its body replayed from
	 * the buffered head, if any, then the rest of the original stream.
	 */
	private static final class ObservedResponse extends ClientHttpResponseDecorator {

		private final byte @Nullable [] head;

		private final Observation observation;

		private final AtomicBoolean closed = new AtomicBoolean();

		private @Nullable InputStream body;

		ObservedResponse(ClientHttpResponse response, byte @Nullable [] head, Observation observation) {
			super(response);
			this.head = head;
			this.observation = observation;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.head == null) {
				return super.getBody();
			}
			if (this.body == null) {
				// A short head is the whole body; some clients close a stream read to its end.
				this.body = (this.head.length < MAX_BUFFERED_ERROR_BODY) ? new ByteArrayInputStream(this.head)
						: new SequenceInputStream(new ByteArrayInputStream(this.head), super.getBody());
			}
			return this.body;
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
