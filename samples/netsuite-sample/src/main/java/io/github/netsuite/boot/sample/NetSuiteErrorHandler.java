package io.github.netsuite.boot.sample;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteConnectionException;
import io.github.netsuite.boot.NetSuiteException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * Answers NetSuite's errors as JSON with the status NetSuite answered, its error code and
 * detail, and the starter's hint on how to fix it:
 * <pre class="code">
 * {"status":401,"errorCode":"INVALID_LOGIN","detail":"Invalid login attempt. …","hint":"…"}
 * </pre>
 * The exceptions never carry a credential, so neither does the answer.
 *
 * @author NetSuite Spring Boot team
 */
@RestControllerAdvice
class NetSuiteErrorHandler {

	private static final Log logger = LogFactory.getLog(NetSuiteErrorHandler.class);

	@ExceptionHandler(NetSuiteException.class)
	ResponseEntity<Map<String, @Nullable Object>> netSuiteError(NetSuiteException ex) {
		logger.warn(ex.getMessage());
		int status = ex.getStatusCode();
		// No HTTP status from NetSuite (0), or none an error can be answered with: a bad gateway
		HttpStatus answer = (status >= 400 && status <= 599 && HttpStatus.resolve(status) != null)
				? HttpStatus.valueOf(status) : isTimeout(ex) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		return answer(answer, status, ex.getErrorCode(), ex.getDetail(), ex.getHint());
	}

	private static boolean isTimeout(NetSuiteException ex) {
		return ex instanceof NetSuiteConnectionException connection
				&& (connection.getReason() == NetSuiteConnectionException.Reason.CONNECT_TIMEOUT
						|| connection.getReason() == NetSuiteConnectionException.Reason.READ_TIMEOUT);
	}

	// An I/O failure past the answer's headers, while reading its body
	@ExceptionHandler(ResourceAccessException.class)
	ResponseEntity<Map<String, @Nullable Object>> noAnswer(ResourceAccessException ex) {
		// Its message names the URL, query included: log the cause's type only
		boolean timeout = ex.getCause() instanceof SocketTimeoutException
				|| ex.getCause() instanceof HttpTimeoutException;
		String cause = (ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "I/O error";
		logger.warn("NetSuite did not answer: " + cause);
		if (timeout) {
			return answer(HttpStatus.GATEWAY_TIMEOUT, 0, null, "NetSuite did not answer in time (" + cause + ")",
					"Raise netsuite.read-timeout (or netsuite.connect-timeout) if NetSuite is slow, "
							+ "or narrow the request");
		}
		return answer(HttpStatus.BAD_GATEWAY, 0, null, "NetSuite could not be reached (" + cause + ")",
				"Check the network and netsuite.rest-url / netsuite.restlet-url");
	}

	private static ResponseEntity<Map<String, @Nullable Object>> answer(HttpStatus answer, int status,
			@Nullable String errorCode, @Nullable String detail, @Nullable String hint) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("errorCode", errorCode);
		body.put("detail", detail);
		body.put("hint", hint);
		return ResponseEntity.status(answer).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
