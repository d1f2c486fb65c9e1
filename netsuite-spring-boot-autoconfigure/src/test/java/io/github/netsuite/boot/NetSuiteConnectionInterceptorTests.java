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
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import io.github.netsuite.boot.NetSuiteConnectionException.Reason;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link NetSuiteConnectionInterceptor} tells the request factories' I/O failures
 * apart, for those a test cannot provoke on a loopback (connect timeouts) or provokes
 * with one client only.
 */
class NetSuiteConnectionInterceptorTests {

	@Test
	void readsTheJdkClientsUnknownHostHiddenInAConnectException() {
		assertThat(reason(new ConnectException(), new UnresolvedAddressException())).isEqualTo(Reason.UNKNOWN_HOST);
		assertThat(NetSuiteConnectionInterceptor.reason(new UnknownHostException("x.invalid")))
			.isEqualTo(Reason.UNKNOWN_HOST);
	}

	@Test
	void tellsConnectTimeoutsOfEveryClientFromReadTimeouts() {
		assertThat(NetSuiteConnectionInterceptor.reason(new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo(Reason.CONNECT_TIMEOUT);
		assertThat(NetSuiteConnectionInterceptor.reason(new ConnectTimeoutException("Connect to x timed out")))
			.isEqualTo(Reason.CONNECT_TIMEOUT);
		assertThat(NetSuiteConnectionInterceptor.reason(new SocketTimeoutException("Connect timed out")))
			.isEqualTo(Reason.CONNECT_TIMEOUT);
		assertThat(NetSuiteConnectionInterceptor.reason(new SocketTimeoutException("Read timed out")))
			.isEqualTo(Reason.READ_TIMEOUT);
		assertThat(NetSuiteConnectionInterceptor.reason(new HttpTimeoutException("request timed out")))
			.isEqualTo(Reason.READ_TIMEOUT);
	}

	@Test
	void readsApacheHttpClientsRefusedConnection() {
		assertThat(reason(new HttpHostConnectException("Connect to http://x failed"),
				new ConnectException("Connection refused")))
			.isEqualTo(Reason.CONNECTION_REFUSED);
	}

	@Test
	void leavesAnInterruptionAlone() {
		assertThat(NetSuiteConnectionInterceptor.reason(new InterruptedIOException("Interrupted while backing off")))
			.isNull();
	}

	private static Reason reason(IOException ex, Throwable cause) {
		ex.initCause(cause);
		return NetSuiteConnectionInterceptor.reason(ex);
	}

}
