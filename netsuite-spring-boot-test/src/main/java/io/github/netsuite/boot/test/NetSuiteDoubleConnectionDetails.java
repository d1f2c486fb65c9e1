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

import java.net.URI;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.autoconfigure.NetSuiteConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;

/**
 * {@link NetSuiteConnectionDetails} of a running {@link NetSuiteDouble}: what the starter
 * connects its primary account with, ahead of any {@code netsuite.*} property.
 *
 * @author NetSuite Spring Boot team
 */
final class NetSuiteDoubleConnectionDetails implements NetSuiteConnectionDetails {

	private final NetSuiteDouble netSuite;

	private final boolean oauth2;

	NetSuiteDoubleConnectionDetails(NetSuiteDouble netSuite, boolean oauth2) {
		this.netSuite = netSuite;
		this.oauth2 = oauth2;
	}

	@Override
	public AccountId getAccount() {
		return AccountId.of(this.netSuite.account());
	}

	@Override
	public @Nullable TbaCredentials getCredentials() {
		if (this.oauth2) {
			return null;
		}
		return new TbaCredentials(this.netSuite.consumerKey(), this.netSuite.consumerSecret(),
				this.netSuite.tokenId(), this.netSuite.tokenSecret());
	}

	@Override
	public @Nullable OAuth2Credentials getOAuth2Credentials() {
		if (!this.oauth2) {
			return null;
		}
		return new OAuth2Credentials(this.netSuite.oauth2ClientId(), this.netSuite.oauth2CertificateId(),
				privateKey(), null, List.of());
	}

	// The double's own key pair: its PEM always holds the private key.
	private PrivateKey privateKey() {
		PemContent pem = PemContent.of(this.netSuite.oauth2PrivateKeyPem());
		return Objects.requireNonNull(pem.getPrivateKey(), "The double's PEM has no private key");
	}

	@Override
	public URI getTokenUrl() {
		return URI.create(this.netSuite.oauth2TokenUrl());
	}

	@Override
	public URI getRestUrl() {
		return URI.create(this.netSuite.restUrl());
	}

	@Override
	public URI getRestletUrl() {
		return URI.create(this.netSuite.restletUrl());
	}

	@Override
	public String toString() {
		return "NetSuiteDoubleConnectionDetails[account=" + this.netSuite.account() + ", restUrl="
				+ this.netSuite.restUrl() + "]";
	}

}
