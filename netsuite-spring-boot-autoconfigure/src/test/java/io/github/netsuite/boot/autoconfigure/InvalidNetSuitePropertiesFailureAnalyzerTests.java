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

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidNetSuitePropertiesFailureAnalyzer}.
 */
class InvalidNetSuitePropertiesFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@Test
	void describesEveryMissingKeyAndWhereInNetSuiteItsValueComesFrom() {
		FailureAnalysis analysis = analyze("netsuite.consumer-secret=cs", "netsuite.token-id=tk");
		assertThat(analysis.getDescription()).contains("netsuite.account is missing",
				"netsuite.consumer-key is missing", "netsuite.token-secret is missing")
			.doesNotContain("netsuite.consumer-secret", "netsuite.token-id");
		assertThat(analysis.getAction()).contains(
				"netsuite.account (NETSUITE_ACCOUNT): the account ID from Setup > Company > Company Information",
				"netsuite.consumer-key (NETSUITE_CONSUMER_KEY): the consumer key of the integration record "
						+ "(Setup > Integration > Manage Integrations)",
				"'Reset Credentials'",
				"netsuite.token-secret (NETSUITE_TOKEN_SECRET): the token secret of the access token "
						+ "(Setup > Users/Roles > Access Tokens > New)",
				"remove every netsuite.* credential");
	}

	@Test
	void describesMalformedAccountWithTheAcceptedSpellings() {
		FailureAnalysis analysis = analyze(NetSuiteAutoConfigurationTests.CREDENTIALS[1],
				NetSuiteAutoConfigurationTests.CREDENTIALS[2], NetSuiteAutoConfigurationTests.CREDENTIALS[3],
				NetSuiteAutoConfigurationTests.CREDENTIALS[4], "netsuite.account=acme.sandbox");
		assertThat(analysis.getDescription()).contains("netsuite.account is malformed", "1234567_SB1", "1234567-sb1");
		assertThat(analysis.getAction()).contains("Setup > Company > Company Information");
	}

	@Test
	void saysUnderAotThatOnlyTheBuildCanLeaveNetSuiteOut() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			FailureAnalysis analysis = analyze("netsuite.token-id=tk");
			assertThat(analysis.getAction()).contains("AOT-generated code", "build it with netsuite.enabled=false")
				.doesNotContain("remove every netsuite.* credential");
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
	}

	@Test
	void describesAPastedUrlAsAccountWithTheAccountIdItHolds() {
		FailureAnalysis analysis = analyze(NetSuiteAutoConfigurationTests.CREDENTIALS[1],
				NetSuiteAutoConfigurationTests.CREDENTIALS[2], NetSuiteAutoConfigurationTests.CREDENTIALS[3],
				NetSuiteAutoConfigurationTests.CREDENTIALS[4], "netsuite.account=https://1234567-sb1.app.netsuite.com");
		assertThat(analysis.getDescription()).contains("netsuite.account is malformed: "
				+ "'https://1234567-sb1.app.netsuite.com' is a NetSuite URL, not an account ID: did you mean 1234567_SB1?");
		assertThat(analysis.getAction()).contains("netsuite.account (NETSUITE_ACCOUNT)");
	}

	@Test
	void offersTheOAuth2KeysWhenNoTokenBasedCredentialIsSet() {
		FailureAnalysis analysis = analyze("netsuite.account=1234567", "netsuite.accounts.eu.account=7654321");
		assertThat(analysis.getAction()).contains(
				"On OAuth 2.0 client credentials, set these instead of the four token-based ones:",
				"netsuite.oauth2.client-id (NETSUITE_OAUTH2_CLIENT_ID)",
				"netsuite.oauth2.private-key (NETSUITE_OAUTH2_PRIVATE_KEY)",
				"netsuite.accounts.eu.oauth2.certificate-id (NETSUITE_ACCOUNTS_EU_OAUTH2_CERTIFICATE_ID)");
	}

	@Test
	void offersNoOAuth2KeysBesideSomeTokenBasedOnes() {
		assertThat(analyze("netsuite.account=1234567", "netsuite.token-id=tk").getAction())
			.doesNotContain("oauth2");
	}

	@Test
	void neverShowsSecretValues() {
		FailureAnalysis analysis = analyze("netsuite.account=1234567", "netsuite.consumer-secret=my secret",
				"netsuite.token-secret=other secret");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("my secret", "other secret");
	}

	@Test
	void describesAnEncryptedKeyWithHowToDecryptItAndWhereTheKeyComesFrom() {
		FailureAnalysis analysis = analyze("netsuite.account=1234567", "netsuite.oauth2.client-id=client-1",
				"netsuite.oauth2.certificate-id=cert-1",
				"netsuite.oauth2.private-key=-----BEGIN ENCRYPTED PRIVATE KEY-----\\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq"
						+ "\\n-----END ENCRYPTED PRIVATE KEY-----");
		assertThat(analysis.getDescription()).contains("netsuite.oauth2.private-key is an encrypted private key");
		assertThat(analysis.getAction()).contains("netsuite.oauth2.private-key (NETSUITE_OAUTH2_PRIVATE_KEY): decrypt "
				+ "it first, e.g. 'openssl pkcs8 -topk8 -nocrypt -in encrypted.key -out netsuite-m2m.key'",
				"whose certificate was uploaded in Setup > Integration > Manage Authentication > OAuth 2.0 Client "
						+ "Credentials (M2M) Setup");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq");
	}

	@Test
	void describesACertificateGivenAsTheKeyWithWhereTheCertificateBelongs() {
		FailureAnalysis analysis = analyze("netsuite.account=1234567", "netsuite.oauth2.client-id=client-1",
				"netsuite.oauth2.certificate-id=cert-1", "netsuite.oauth2.private-key=classpath:m2m-test-certificate.pem");
		assertThat(analysis.getDescription())
			.contains("netsuite.oauth2.private-key holds a certificate ('-----BEGIN CERTIFICATE-----'), not the private key");
		assertThat(analysis.getAction()).contains("the certificate itself belongs in netsuite.oauth2.certificate");
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new InvalidNetSuitePropertiesFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
