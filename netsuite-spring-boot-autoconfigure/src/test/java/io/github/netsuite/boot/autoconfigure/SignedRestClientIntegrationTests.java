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

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAuthentication;
import io.github.netsuite.boot.NetSuiteNotFoundException;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests through the auto-configured {@link RestClient}s to a real HTTP server, checked
 * for what NetSuite would see.
 */
class SignedRestClientIntegrationTests {

	// The "explicit-port-and-case" case of tba-vectors.json, which names port 8089.
	private static final String VECTOR_HEADER = "OAuth realm=\"1234567\", "
			+ "oauth_consumer_key=\"ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4\", "
			+ "oauth_token=\"2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc\", "
			+ "oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"1806809845\", "
			+ "oauth_nonce=\"Ty4Qwb8DwkNhFdnXsiVp\", oauth_version=\"1.0\", "
			+ "oauth_signature=\"Ta9bAUp7xzscJrZTQnNuKevaC%2FQ%2FZ9UjWKm4QQ9oyq0%3D\"";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(8089));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class))
		.withPropertyValues("netsuite.account=1234567",
				"netsuite.consumer-key=ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4",
				"netsuite.consumer-secret=d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9a8f5",
				"netsuite.token-id=2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc",
				"netsuite.token-secret=c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295",
				"netsuite.rest-url=http://127.0.0.1:8089", "netsuite.restlet-url=http://127.0.0.1:8089");

	@BeforeEach
	void startServer() {
		this.server.start();
		this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{}")));
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void sendsExactlyTheKnownAnswerHeaderForAFixedClockAndNonce() {
		this.contextRunner.withUserConfiguration(FixedSignerConfiguration.class).run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			client.get().uri("/services/rest/record/v1/customer/42?fields=id,email").retrieve().toBodilessEntity();
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl()).isEqualTo("/services/rest/record/v1/customer/42?fields=id,email");
			assertThat(request.getHeaders().getHeader(HttpHeaders.AUTHORIZATION).values())
				.containsExactly(VECTOR_HEADER);
		});
	}

	@Test
	void signsQueryParametersOfRestletCalls() {
		this.contextRunner.withUserConfiguration(FixedSignerConfiguration.class).run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.RESTLET_CLIENT_BEAN_NAME,
					RestClient.class);
			client.get()
				.uri("/app/site/hosting/restlet.nl?script={script}&deploy={deploy}&name={name}", "6", "1",
						"Müller & Söhne")
				.retrieve()
				.toBodilessEntity();
			LoggedRequest request = onlyRequest();
			assertThat(request.getUrl())
				.isEqualTo("/app/site/hosting/restlet.nl?script=6&deploy=1&name=M%C3%BCller%20%26%20S%C3%B6hne");
			TbaSigner signer = context.getBean(TbaSigner.class);
			assertThat(request.getHeader(HttpHeaders.AUTHORIZATION))
				.isEqualTo(signer.authorizationHeader("GET", URI.create(request.getAbsoluteUrl()), null));
		});
	}

	@Test
	void setsAuthorizationInsteadOfAppendingToOneAlreadyThere() {
		this.contextRunner.withUserConfiguration(FixedSignerConfiguration.class).run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			client.get()
				.uri("/services/rest/record/v1/customer/42?fields=id,email")
				.header(HttpHeaders.AUTHORIZATION, "Bearer stale")
				.retrieve()
				.toBodilessEntity();
			assertThat(onlyRequest().getHeaders().getHeader(HttpHeaders.AUTHORIZATION).values())
				.containsExactly(VECTOR_HEADER);
		});
	}

	@Test
	void signsEveryRequestWithAFreshNonce() {
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			client.get().uri("/services/rest/record/v1/customer/42").retrieve().toBodilessEntity();
			client.get().uri("/services/rest/record/v1/customer/42").retrieve().toBodilessEntity();
			List<String> headers = this.server.findAll(anyRequestedFor(anyUrl()))
				.stream()
				.map((request) -> request.getHeader(HttpHeaders.AUTHORIZATION))
				.toList();
			assertThat(headers).hasSize(2).doesNotHaveDuplicates().allMatch((header) -> header
				.matches("OAuth realm=\"1234567\", .*oauth_nonce=\"[A-Za-z0-9]{24}\".*"));
		});
	}

	@Test
	void signsFormBodiesButNotJsonBodies() {
		this.contextRunner.withUserConfiguration(RepeatingNonceConfiguration.class).run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.RESTLET_CLIENT_BEAN_NAME,
					RestClient.class);
			String uri = "/app/site/hosting/restlet.nl?script=6&deploy=1";
			client.post().uri(uri).retrieve().toBodilessEntity();
			client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body("{\"a\":1}").retrieve()
				.toBodilessEntity();
			client.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body("a=1").retrieve()
				.toBodilessEntity();
			List<String> headers = this.server.findAll(anyRequestedFor(anyUrl()))
				.stream()
				.map((request) -> request.getHeader(HttpHeaders.AUTHORIZATION))
				.toList();
			assertThat(headers.get(1)).isEqualTo(headers.get(0));
			assertThat(headers.get(2)).isNotEqualTo(headers.get(0));
			TbaSigner signer = context.getBean(TbaSigner.class);
			assertThat(headers.get(2)).isEqualTo(signer.authorizationHeader("POST",
					URI.create("http://127.0.0.1:8089" + uri), "a=1"));
		});
	}

	@Test
	void decodesNetSuitesErrorsIntoTypedExceptionsOnTheQualifiedClients() {
		this.server.stubFor(get(urlPathEqualTo("/services/rest/record/v1/customer/404")).willReturn(aResponse()
			.withStatus(404)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{\"status\":404,\"o:errorDetails\":[{\"detail\":\"That record does not exist.\","
					+ "\"o:errorCode\":\"NONEXISTENT_ID\"}]}")));
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			assertThatExceptionOfType(NetSuiteNotFoundException.class)
				.isThrownBy(() -> client.get().uri("/services/rest/record/v1/customer/404").retrieve().body(Map.class))
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo("NONEXISTENT_ID");
					assertThat(ex.getDetail()).isEqualTo("That record does not exist.");
				});
		});
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = this.server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class FixedSignerConfiguration {

		@Bean
		TbaSigner fixedSigner(NetSuiteConnectionDetails connection) {
			return new TbaSigner(connection.getAccount(), connection.getCredentials(),
					Clock.fixed(Instant.ofEpochSecond(1806809845), ZoneOffset.UTC), () -> "Ty4Qwb8DwkNhFdnXsiVp");
		}

		@Bean
		NetSuiteAuthentication fixedAuthentication(TbaSigner signer, NetSuiteConnectionDetails connection) {
			return tba(connection.getAccount(), signer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RepeatingNonceConfiguration {

		@Bean
		TbaSigner repeatingSigner(NetSuiteConnectionDetails connection) {
			Iterator<String> nonces = Collections.nCopies(8, "nonce1").iterator();
			return new TbaSigner(connection.getAccount(), connection.getCredentials(),
					Clock.fixed(Instant.ofEpochSecond(1806809845), ZoneOffset.UTC), nonces::next);
		}

		@Bean
		NetSuiteAuthentication repeatingAuthentication(TbaSigner signer, NetSuiteConnectionDetails connection) {
			return tba(connection.getAccount(), signer);
		}

	}

	// The starter's token-based authentication with the given signer, through the public builder.
	private static NetSuiteAuthentication tba(AccountId id, TbaSigner signer) {
		try (NetSuiteAccount account = NetSuiteAccount.builder(id).tba(signer).build()) {
			return account.authentication();
		}
	}

}
