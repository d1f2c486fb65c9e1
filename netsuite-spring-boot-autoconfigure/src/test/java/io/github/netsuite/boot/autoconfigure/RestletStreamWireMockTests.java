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
package io.github.netsuite.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException;
import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * RESTlet answers read as an {@code InputStream} or {@code Resource}, as they arrive,
 * through the auto-configured client: the stream holds the call's permit until closed.
 */
class RestletStreamWireMockTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
		.withPropertyValues("netsuite.rest-url=" + server.baseUrl(), "netsuite.restlet-url=" + server.baseUrl());

	@Test
	void streamsARestletAnswerHoldingThePermitUntilTheStreamIsClosed() {
		String answer = "x".repeat(200_000);
		server.stubFor(any(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader(HttpHeaders.CONTENT_TYPE, "text/plain").withBody(answer)));
		this.contextRunner.run((context) -> {
			NetSuitePermits permits = permits(context);
			Optional<InputStream> stream = client(context).restlet("1", "1").get(InputStream.class);
			assertThat(stream).isPresent();
			try (InputStream body = stream.get()) {
				assertThat(permits.inFlight()).isOne();
				assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(answer);
			}
			assertThat(permits.inFlight()).isZero();
		});
	}

	@Test
	void handsTheStreamOverBeforeTheAnswerHasArrived() throws Exception {
		try (HalfServer half = new HalfServer()) {
			this.contextRunner.withPropertyValues("netsuite.restlet-url=" + half.url()).run((context) -> {
				// Were the whole answer read first, this would wait for the rest, which only
				// comes once the first part has been read from the stream.
				InputStream body = assertTimeoutPreemptively(Duration.ofSeconds(20),
						() -> client(context).restlet("1", "1").get(InputStream.class).orElseThrow());
				try (body) {
					assertThat(new String(body.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello ");
					half.rest.countDown();
					assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("world");
				}
				assertThat(permits(context).inFlight()).isZero();
			});
		}
	}

	@Test
	void givesThePermitBackWhenARestletStreamIsClosedEarly() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
			.withBody("y".repeat(2_000_000))));
		this.contextRunner.run((context) -> {
			NetSuitePermits permits = permits(context);
			Resource resource = client(context).restlet("1", "1").get(Resource.class).orElseThrow();
			try (InputStream body = resource.getInputStream()) {
				assertThat(body.readNBytes(10)).hasSize(10);
				assertThat(permits.inFlight()).isOne();
			}
			assertThat(permits.inFlight()).isZero();
		});
	}

	@Test
	void answersNoStreamAndGivesThePermitBackForAnEmptyRestletAnswer() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		this.contextRunner.run((context) -> {
			assertThat(client(context).restlet("1", "1").get(InputStream.class)).isEmpty();
			assertThat(permits(context).inFlight()).isZero();
		});
	}

	@Test
	void refusesAnHtmlPageInPlaceOfARestletStreamAndGivesThePermitBack() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, "text/html")
			.withBody("<html><body>Sign in</body></html>")));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NetSuiteUnreadableAnswerException.class)
				.isThrownBy(() -> client(context).restlet("1", "1").get(InputStream.class))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_JSON));
			assertThat(permits(context).inFlight()).isZero();
		});
	}

	private static NetSuiteClient client(ApplicationContext context) {
		return context.getBean(NetSuiteClient.class);
	}

	private static NetSuitePermits permits(ApplicationContext context) {
		NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
		assertThat(permits).isNotNull();
		return permits;
	}

	/**
	 * Answers one request with the first chunk of its body, and the rest only once told.
	 */
	private static final class HalfServer implements AutoCloseable {

		private final ServerSocket socket;

		private final CountDownLatch rest = new CountDownLatch(1);

		HalfServer() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(this::serve, "half-server");
			thread.setDaemon(true);
			thread.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

		private void serve() {
			try (Socket connection = this.socket.accept()) {
				InputStream in = connection.getInputStream();
				StringBuilder head = new StringBuilder();
				while (!head.toString().endsWith("\r\n\r\n")) {
					int b = in.read();
					if (b == -1) {
						return;
					}
					head.append((char) b);
				}
				OutputStream out = connection.getOutputStream();
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ "6\r\nhello \r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				if (this.rest.await(30, TimeUnit.SECONDS)) {
					out.write("5\r\nworld\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// closed
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
