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

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.auth.OAuth2Credentials;
import io.github.netsuite.boot.auth.TbaCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PropertiesNetSuiteConnectionDetails}, and for connection details the
 * application defines in its place.
 */
class PropertiesNetSuiteConnectionDetailsTests {

	private static final String[] EU = { "netsuite.accounts.eu.account=1111111",
			"netsuite.accounts.eu.consumer-key=eck", "netsuite.accounts.eu.consumer-secret=ecs",
			"netsuite.accounts.eu.token-id=etk", "netsuite.accounts.eu.token-secret=ets" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void answersTheTokenBasedCredentialsAndNetSuitesOwnUrlsOfTheAccountId() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS).run((context) -> {
			NetSuiteConnectionDetails details = context.getBean(NetSuiteConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesNetSuiteConnectionDetails.class);
			assertThat(details.getAccount().realm()).isEqualTo("1234567_SB1");
			TbaCredentials credentials = details.getCredentials();
			assertThat(credentials).isNotNull();
			assertThat(credentials.consumerKey()).isEqualTo("ck");
			assertThat(credentials.tokenId()).isEqualTo("tk");
			assertThat(details.getOAuth2Credentials()).isNull();
			assertThat(details.getRestUrl()).hasToString("https://1234567-sb1.suitetalk.api.netsuite.com");
			assertThat(details.getRestletUrl()).hasToString("https://1234567-sb1.restlets.api.netsuite.com");
			assertThat(details.getTokenUrl())
				.hasToString("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token");
		});
	}

	@Test
	void answersTheUrlsThePropertiesSetTrimmed() {
		this.contextRunner.withPropertyValues(NetSuiteAutoConfigurationTests.CREDENTIALS)
			.withPropertyValues("netsuite.rest-url= https://rest.example.com ",
					"netsuite.restlet-url=https://restlets.example.com/base",
					"netsuite.oauth2.token-url=https://token.example.com/token")
			.run((context) -> {
				NetSuiteConnectionDetails details = context.getBean(NetSuiteConnectionDetails.class);
				assertThat(details.getRestUrl()).hasToString("https://rest.example.com");
				assertThat(details.getRestletUrl()).hasToString("https://restlets.example.com/base");
				assertThat(details.getTokenUrl()).hasToString("https://token.example.com/token");
			});
	}

	@Test
	void answersOAuth2CredentialsInsteadOfTokenBasedOnes() {
		KeyPair keys = Keys.ec();
		this.contextRunner
			.withPropertyValues("netsuite.account=1234567", "netsuite.oauth2.client-id=client-1",
					"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=" + Keys.pem(keys),
					"netsuite.oauth2.scopes=restlets")
			.run((context) -> {
				NetSuiteConnectionDetails details = context.getBean(NetSuiteConnectionDetails.class);
				assertThat(details.getCredentials()).isNull();
				OAuth2Credentials credentials = details.getOAuth2Credentials();
				assertThat(credentials).isNotNull();
				assertThat(credentials.clientId()).isEqualTo("client-1");
				assertThat(credentials.certificateId()).isEqualTo("cert-1");
				assertThat(credentials.algorithm()).isEqualTo("ES256");
				assertThat(credentials.scopes()).containsExactly("restlets");
				assertThat(Keys.privateKey(credentials).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
			});
	}

	@Test
	void keepsTheKeyItReadWhileCheckingItsFile() throws Exception {
		Path key = this.directory.resolve("netsuite-m2m.key");
		Files.writeString(key, Keys.pem(Keys.rsa()));
		this.contextRunner
			.withPropertyValues("netsuite.account=1234567", "netsuite.oauth2.client-id=client-1",
					"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=" + key.toUri())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Files.delete(key);
				NetSuiteConnectionDetails details = context.getBean(NetSuiteConnectionDetails.class);
				assertThat(details.getOAuth2Credentials()).isNotNull().isSameAs(details.getOAuth2Credentials());
			});
	}

	@Test
	void answersANamedAccountsPropertiesUnderItsPrefix() {
		NetSuiteAccountProperties eu = new NetSuiteAccountProperties();
		eu.setAccount("7654321");
		eu.getOauth2().setClientId("client-eu");
		eu.getOauth2().setCertificateId("cert-eu");
		eu.getOauth2().setPrivateKey("classpath:m2m-test-certificate.pem");
		PropertiesNetSuiteConnectionDetails details = new PropertiesNetSuiteConnectionDetails(
				NetSuitePropertiesValidation.prefix("eu"), eu);
		assertThat(details.getAccount().realm()).isEqualTo("7654321");
		assertThat(details.getRestUrl()).hasToString("https://7654321.suitetalk.api.netsuite.com");
		assertThat(details.getCredentials()).isNull();
		assertThat(details).hasToString("PropertiesNetSuiteConnectionDetails[netsuite.accounts.eu.account=7654321]");
		assertThatExceptionOfType(InvalidNetSuitePropertiesException.class).isThrownBy(details::getOAuth2Credentials)
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.extracting(InvalidNetSuitePropertiesException.Problem::key)
				.isEqualTo("netsuite.accounts.eu.oauth2.private-key"));
	}

	@Test
	void connectionDetailsTheApplicationDefinesReplaceThePrimarysKeysUnchecked() {
		this.contextRunner
			.withPropertyValues("netsuite.account=not an account", "netsuite.consumer-key=half key",
					"netsuite.rest-url=ftp://example.com", "netsuite.oauth2.private-key=not a key")
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesNetSuiteConnectionDetails.class);
				assertThat(context.getBean(NetSuiteAccounts.class).primary().id().realm()).isEqualTo("7654321");
			});
	}

	@Test
	void stillChecksThePrimarysSettingsBesideConnectionDetailsTheApplicationDefines() {
		this.contextRunner.withPropertyValues("netsuite.read-timeout=0s")
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.read-timeout must be positive"));
	}

	@Test
	void stillChecksNamedAccountsBesideConnectionDetailsTheApplicationDefines() {
		this.contextRunner.withPropertyValues(EU)
			.withPropertyValues("netsuite.accounts.eu.token-secret=", "netsuite.consumer-key=half key")
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.accounts.eu.token-secret is missing"));
	}

	@Test
	void givesANamedAccountBesideConnectionDetailsTheApplicationDefinesItsProperties() {
		this.contextRunner.withPropertyValues(EU)
			.withBean(NetSuiteConnectionDetails.class, NetSuiteAutoConfigurationTests.CustomConnectionDetails::new)
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				assertThat(accounts.primary().id().realm()).isEqualTo("7654321");
				assertThat(accounts.get("eu").restUrl()).hasToString("https://1111111.suitetalk.api.netsuite.com");
			});
	}

}
