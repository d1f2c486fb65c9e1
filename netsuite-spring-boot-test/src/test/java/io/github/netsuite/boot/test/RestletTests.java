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
package io.github.netsuite.boot.test;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.netsuite.boot.test.DoubleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESTlet deployments: the default echo and registered handlers.
 */
class RestletTests {

	static NetSuiteDouble netSuite;

	@BeforeAll
	static void start() {
		netSuite = NetSuiteDouble.startDefault();
		netSuite.restlet("customscript_hello", "1",
				(request) -> RestletResponse.json(Map.of("hello", request.parameters().get("name"))));
		netSuite.restlet("customscript_fails", "1", (request) -> {
			throw new IllegalStateException("Script went wrong");
		});
		netSuite.restlet("customscript_text", "2", (request) -> RestletResponse.text(201, "created"));
	}

	@AfterAll
	static void stop() {
		netSuite.close();
	}

	@Test
	void echoesMethodParametersAndJsonBodyByDefault() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/app/site/hosting/restlet.nl?script=6&deploy=1&custom=a%20b")
			.json("{\"x\":[1,2]}")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode echo = json(response);
		assertThat(echo.get("method").asText()).isEqualTo("POST");
		assertThat(echo.at("/parameters/script").asText()).isEqualTo("6");
		assertThat(echo.at("/parameters/deploy").asText()).isEqualTo("1");
		assertThat(echo.at("/parameters/custom").asText()).isEqualTo("a b");
		assertThat(echo.at("/body/x/1").asInt()).isEqualTo(2);
	}

	@Test
	void echoesGetWithNullBody() {
		JsonNode echo = json(SignedRequest.to(netSuite, "GET", "/app/site/hosting/restlet.nl?script=6&deploy=1").send());
		assertThat(echo.get("method").asText()).isEqualTo("GET");
		assertThat(echo.get("body").isNull()).isTrue();
	}

	@Test
	void callsRegisteredHandler() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "GET", "/app/site/hosting/restlet.nl?script=customscript_hello&deploy=1&name=Ann")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("hello").asText()).isEqualTo("Ann");
	}

	@Test
	void answersTextHandlerWithItsStatusAndBody() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "DELETE", "/app/site/hosting/restlet.nl?script=customscript_text&deploy=2")
			.send();
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).isEqualTo("created");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
	}

	@Test
	void answersHandlerExceptionAsScriptError() {
		HttpResponse<String> response = SignedRequest
			.to(netSuite, "POST", "/app/site/hosting/restlet.nl?script=customscript_fails&deploy=1")
			.json("{}")
			.send();
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/error/message").asText()).isEqualTo("Script went wrong");
	}

}
