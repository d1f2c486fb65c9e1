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
package io.github.netsuite.boot.auth;

import java.util.Objects;

/**
 * The four token-based authentication values besides the account: consumer key and
 * secret from the integration record, token ID and secret from the access token. The
 * secrets never appear in {@link #toString()}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class TbaCredentials {

	private final String consumerKey;

	private final String consumerSecret;

	private final String tokenId;

	private final String tokenSecret;

	/**
	 * Create credentials.
	 * @param consumerKey the consumer key of the integration record
	 * @param consumerSecret the consumer secret of the integration record
	 * @param tokenId the token ID of the access token
	 * @param tokenSecret the token secret of the access token
	 */
	public TbaCredentials(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
		this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
		this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
		this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
		this.tokenSecret = Objects.requireNonNull(tokenSecret, "tokenSecret");
	}

	/**
	 * Return the consumer key.
	 * @return the consumer key
	 */
	public String consumerKey() {
		return this.consumerKey;
	}

	String consumerSecret() {
		return this.consumerSecret;
	}

	/**
	 * Return the token ID.
	 * @return the token ID
	 */
	public String tokenId() {
		return this.tokenId;
	}

	String tokenSecret() {
		return this.tokenSecret;
	}

	@Override
	public String toString() {
		return "TbaCredentials[consumerKey=" + abbreviate(this.consumerKey) + ", consumerSecret=******, tokenId="
				+ abbreviate(this.tokenId) + ", tokenSecret=******]";
	}

	// Enough to tell two integrations apart in a log, not enough to use.
	private static String abbreviate(String value) {
		return (value.length() <= 6) ? "******" : value.substring(0, 6) + "…";
	}

}
