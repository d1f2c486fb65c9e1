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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a request to a {@link NetSuiteDouble}, signed by {@link TestSigner} with the double's
 * credentials unless a test tampers with one of its parts.
 */
final class SignedRequest {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final NetSuiteDouble netSuite;

	private final String method;

	private final String pathAndQuery;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String body;

	private String realm;

	private String consumerKey;

	private String consumerSecret;

	private String tokenId;

	private String tokenSecret;

	private String nonce = nonce();

	private Instant timestamp = Instant.now();

	private String signatureMethod = "HMAC-SHA256";

	private String queryAddedAfterSigning;

	private SignedRequest(NetSuiteDouble netSuite, String method, String pathAndQuery) {
		this.netSuite = netSuite;
		this.method = method;
		this.pathAndQuery = pathAndQuery;
		this.realm = netSuite.account();
		this.consumerKey = netSuite.consumerKey();
		this.consumerSecret = netSuite.consumerSecret();
		this.tokenId = netSuite.tokenId();
		this.tokenSecret = netSuite.tokenSecret();
	}

	static SignedRequest to(NetSuiteDouble netSuite, String method, String pathAndQuery) {
		return new SignedRequest(netSuite, method, pathAndQuery);
	}

	static String nonce() {
		StringBuilder nonce = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			nonce.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return nonce.toString();
	}

	SignedRequest json(String json) {
		this.body = json;
		return header("Content-Type", "application/json");
	}

	SignedRequest form(String form) {
		this.body = form;
		return header("Content-Type", "application/x-www-form-urlencoded");
	}

	SignedRequest suiteQl(String query) {
		return json("{\"q\":\"" + query.replace("\"", "\\\"") + "\"}").header("Prefer", "transient");
	}

	SignedRequest header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	SignedRequest realm(String realm) {
		this.realm = realm;
		return this;
	}

	SignedRequest consumerKey(String consumerKey) {
		this.consumerKey = consumerKey;
		return this;
	}

	SignedRequest consumerSecret(String consumerSecret) {
		this.consumerSecret = consumerSecret;
		return this;
	}

	SignedRequest tokenId(String tokenId) {
		this.tokenId = tokenId;
		return this;
	}

	SignedRequest tokenSecret(String tokenSecret) {
		this.tokenSecret = tokenSecret;
		return this;
	}

	SignedRequest nonce(String nonce) {
		this.nonce = nonce;
		return this;
	}

	SignedRequest timestamp(Instant timestamp) {
		this.timestamp = timestamp;
		return this;
	}

	SignedRequest signatureMethod(String signatureMethod) {
		this.signatureMethod = signatureMethod;
		return this;
	}

	SignedRequest queryAddedAfterSigning(String parameter) {
		this.queryAddedAfterSigning = parameter;
		return this;
	}

	HttpRequest build() {
		URI signed = URI.create(this.netSuite.restUrl() + this.pathAndQuery);
		Map<String, String> oauth = new LinkedHashMap<>();
		oauth.put("oauth_consumer_key", this.consumerKey);
		oauth.put("oauth_token", this.tokenId);
		oauth.put("oauth_signature_method", this.signatureMethod);
		oauth.put("oauth_timestamp", String.valueOf(this.timestamp.getEpochSecond()));
		oauth.put("oauth_nonce", this.nonce);
		oauth.put("oauth_version", "1.0");
		boolean form = "application/x-www-form-urlencoded".equals(this.headers.get("Content-Type"));
		String baseString = TestSigner.baseString(this.method, signed, oauth, form ? this.body : null);
		String algorithm = this.signatureMethod.equals("HMAC-SHA1") ? "HmacSHA1" : "HmacSHA256";
		String signature = TestSigner.signature(baseString, this.consumerSecret, this.tokenSecret, algorithm);
		URI sent = signed;
		if (this.queryAddedAfterSigning != null) {
			sent = URI.create(signed + ((signed.getRawQuery() != null) ? "&" : "?") + this.queryAddedAfterSigning);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(sent)
			.timeout(Duration.ofSeconds(30))
			.method(this.method, (this.body != null) ? BodyPublishers.ofString(this.body) : BodyPublishers.noBody())
			.header("Authorization", TestSigner.authorizationHeader(this.realm, oauth, signature));
		this.headers.forEach(request::header);
		return request.build();
	}

	HttpResponse<String> send() {
		return send(build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
