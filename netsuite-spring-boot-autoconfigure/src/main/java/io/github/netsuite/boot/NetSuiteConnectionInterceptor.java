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
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.netsuite.boot.NetSuiteConnectionException.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@link ClientHttpRequestInterceptor} that turns a request's I/O failure into a
 * {@link NetSuiteConnectionException} naming the host and what went wrong: unknown host,
 * connection refused, connect or read timeout. Outermost in an account's chain, so that
 * retry still sees the I/O failure and the caller gets the exception (a runtime exception
 * passes {@code RestClient} as it is, where an {@link IOException} would become a
 * {@code ResourceAccessException} whose message is often just {@code null}).
 * <p>
 * Tells apart the exceptions of every request factory Boot detects (Apache HttpClient,
 * Jetty, Reactor Netty, the JDK's {@code HttpClient} and {@code HttpURLConnection}).
 * A failure once the connection was open, on a request that is not safe to repeat, says
 * that NetSuite may have executed it.
 * <p>
 * Being outermost, it also starts the call's clock: the {@link NetSuiteRequests#deadline
 * deadline} that the permit wait, the attempts and the back-off end by.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteConnectionInterceptor implements ClientHttpRequestInterceptor {

	private final @Nullable Duration callTimeout;

	private final String timeoutProperty;

	/**
	 * Create an interceptor that sets no deadline on the calls it sees.
	 */
	NetSuiteConnectionInterceptor() {
		this.callTimeout = null;
		this.timeoutProperty = CALL_TIMEOUT_PROPERTY;
	}

	/**
	 * Create an interceptor that gives each call a {@link NetSuiteRequests.Deadline}
	 * unless its caller set one.
	 * @param callTimeout the time a whole call may take ({@code netsuite.call-timeout})
	 */
	NetSuiteConnectionInterceptor(Duration callTimeout) {
		this(callTimeout, CALL_TIMEOUT_PROPERTY);
	}

	// A deadline named by another property, such as a health probe's.
	NetSuiteConnectionInterceptor(Duration callTimeout, String timeoutProperty) {
		this.callTimeout = callTimeout;
		this.timeoutProperty = timeoutProperty;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.callTimeout != null) {
			// A caller such as health may have set a tighter one.
			request.getAttributes()
				.putIfAbsent(NetSuiteRequests.DEADLINE_ATTRIBUTE,
						NetSuiteRequests.Deadline.in(this.callTimeout, this.timeoutProperty));
		}
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			Reason reason = reason(ex);
			if (reason == null) {
				throw ex;
			}
			URI uri = request.getURI();
			String host = host(uri);
			String hint = hint(reason, ex);
			boolean unknownWrite = isAfterSending(reason) && !NetSuiteRequests.isIdempotent(request)
					&& NetSuiteRequests.idempotencyKey(request) == null;
			if (unknownWrite) {
				hint = hint + remedy(request);
			}
			throw new NetSuiteConnectionException(reason, host, unknownWrite, request.getMethod().name(),
					uri.getRawPath(), hint, ex);
		}
	}

	// A connection that failed once open: the request may have reached NetSuite.
	private static boolean isAfterSending(Reason reason) {
		return reason == Reason.READ_TIMEOUT || reason == Reason.CONNECTION_FAILED;
	}

	private static String remedy(HttpRequest request) {
		return NetSuiteRequests.REST.equals(NetSuiteRequests.api(request))
				? ": check before repeating it, or set netsuite.records.exactly-once-writes=true so that record "
						+ "writes run exactly once whatever the network loses"
				: ": check before repeating it";
	}

	/**
	 * Return why a request failed, or {@code null} for an interruption, which is no
	 * connection failure.
	 * @param ex the request's I/O failure
	 * @return the reason, or {@code null}
	 */
	static @Nullable Reason reason(IOException ex) {
		if (has(ex, UnknownHostException.class) || has(ex, UnresolvedAddressException.class)) {
			return Reason.UNKNOWN_HOST;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// Apache HttpClient's and Netty's ConnectTimeoutException, the JDK's HttpConnectTimeoutException
			if (cause instanceof HttpConnectTimeoutException
					|| cause.getClass().getSimpleName().equals("ConnectTimeoutException")
					|| (cause instanceof SocketTimeoutException && mentions(cause, "connect"))) {
				return Reason.CONNECT_TIMEOUT;
			}
		}
		if (has(ex, ConnectException.class)) {
			return mentions(ex, "timed out") ? Reason.CONNECT_TIMEOUT : Reason.CONNECTION_REFUSED;
		}
		if (has(ex, NoRouteToHostException.class)) {
			return Reason.CONNECTION_FAILED;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
					|| cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return Reason.READ_TIMEOUT;
			}
		}
		if (ex.getClass() == InterruptedIOException.class) {
			return null;
		}
		return Reason.CONNECTION_FAILED;
	}

	static final String CALL_TIMEOUT_PROPERTY = "netsuite.call-timeout";

	// The message names the host already
	private static String hint(Reason reason, IOException ex) {
		return switch (reason) {
			case UNKNOWN_HOST -> "the name does not resolve: check netsuite.account (the account ID, e.g. "
					+ "1234567_SB1), netsuite.rest-url and netsuite.restlet-url, and this machine's DNS";
			case CONNECTION_REFUSED -> "nothing accepts connections there: check netsuite.rest-url and "
					+ "netsuite.restlet-url, and any proxy or firewall";
			case CONNECT_TIMEOUT -> "no connection within netsuite.connect-timeout: check the network, proxies "
					+ "and firewalls on the way";
			case READ_TIMEOUT -> "no answer within netsuite.read-timeout; NetSuite may still have run the request";
			case CONNECTION_FAILED -> cause(ex);
		};
	}

	// The innermost cause's type and message: never a URL's query, which no socket error carries
	private static String cause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static String host(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost() : String.valueOf(uri.getAuthority());
		return (uri.getPort() != -1) ? host + ":" + uri.getPort() : host;
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean mentions(Throwable ex, String text) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
				return true;
			}
		}
		return false;
	}

}
