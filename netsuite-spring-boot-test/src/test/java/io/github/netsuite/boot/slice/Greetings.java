package io.github.netsuite.boot.slice;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * An application's service with a {@link RestClient} of its own, built from Boot's
 * {@code RestClient.Builder}: what a {@code @RestClientTest} mocks.
 */
@Service
class Greetings {

	static final String BASE_URL = "https://greetings.example.com";

	private final RestClient rest;

	Greetings(RestClient.Builder builder) {
		this.rest = builder.baseUrl(BASE_URL).build();
	}

	String greeting(String name) {
		String greeting = this.rest.get().uri("/greetings/{name}", name).retrieve().body(String.class);
		return (greeting != null) ? greeting : "";
	}

}
