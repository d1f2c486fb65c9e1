package io.github.netsuite.boot.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.netsuite.boot.NetSuiteConnectionException;
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
 *
 * @author NetSuite Spring Boot team
 */
public final class NetSuiteConnectionInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
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
			throw new NetSuiteConnectionException(reason, host, request.getMethod().name(), uri.getRawPath(),
					hint(reason, ex), ex);
		}
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
