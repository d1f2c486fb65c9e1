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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.NetSuitePermits;
import io.github.netsuite.boot.NoSuchNetSuiteAccountException;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.SharedPermitStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NetSuiteAutoConfiguration}.
 */
class NetSuiteAutoConfigurationTests {

	static final String[] CREDENTIALS = { "netsuite.account=1234567_SB1", "netsuite.consumer-key=ck",
			"netsuite.consumer-secret=cs", "netsuite.token-id=tk", "netsuite.token-secret=ts" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class));

	@Test
	void backsOffWithoutCredentials() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(NetSuiteAccounts.class)
			.doesNotHaveBean(NetSuiteConnectionDetails.class)
			.doesNotHaveBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME));
	}

	@Test
	void backsOffWhenEveryCredentialIsBlank() {
		this.contextRunner
			.withPropertyValues("netsuite.account=", "netsuite.consumer-key= ", "netsuite.consumer-secret=",
					"netsuite.token-id=", "netsuite.token-secret=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteAccounts.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteAccounts.class));
	}

	@Test
	void createsPrimaryAccountInterceptorAndBothClientsFromCompleteConfiguration() {
		this.contextRunner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasSingleBean(NetSuiteAccounts.class)
				.hasBean(NetSuiteAutoConfiguration.AUTHENTICATION_INTERCEPTOR_BEAN_NAME)
				.hasBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME)
				.hasBean(NetSuiteAutoConfiguration.RESTLET_CLIENT_BEAN_NAME);
			NetSuiteAccount account = primary(context);
			assertThat(context.getBean(NetSuiteAccounts.class).names()).containsExactly(NetSuiteAccounts.PRIMARY);
			assertThat(account.client()).isSameAs(context.getBean(NetSuiteClient.class));
			assertThat(account.restClient()).isSameAs(context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME));
			assertThat(account.id().realm()).isEqualTo("1234567_SB1");
			assertThat(account.restUrl()).hasToString("https://1234567-sb1.suitetalk.api.netsuite.com");
			assertThat(account.restletUrl()).hasToString("https://1234567-sb1.restlets.api.netsuite.com");
		});
	}

	@Test
	void createsNetSuiteClientOnTheSignedClients() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.run((context) -> assertThat(context).hasSingleBean(NetSuiteClient.class));
	}

	@Test
	void backsOffFromNetSuiteClientTheApplicationDefines() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withBean("myClient", NetSuiteClient.class,
					() -> NetSuiteAccount.builder(AccountId.of("7654321"))
						.tba(new TbaCredentials("ck", "cs", "tk", "ts"))
						.build()
						.client())
			.run((context) -> assertThat(context).hasSingleBean(NetSuiteClient.class).hasBean("myClient"));
	}

	@Test
	void leavesTheApplicationsOwnRestClientBuilderWithoutNetSuitesInterceptors() {
		RestClient.Builder shared = RestClient.builder();
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withBean(RestClient.Builder.class, () -> shared)
			.run((context) -> {
				assertThat(context).hasSingleBean(NetSuiteClient.class);
				List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
				shared.requestInterceptors(interceptors::addAll);
				// Else every client the application builds from it would sign for NetSuite
				assertThat(interceptors).isEmpty();
			});
	}

	@Test
	void appliesTheApplicationsRestClientCustomizersToNetSuitesClients() {
		List<RestClient.Builder> customized = new ArrayList<>();
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withBean(RestClientCustomizer.class, () -> customized::add)
			.run((context) -> {
				assertThat(context).hasSingleBean(NetSuiteClient.class);
				// The REST and RESTlet clients of the primary account
				assertThat(customized).hasSize(2).doesNotHaveDuplicates();
			});
	}

	@Test
	void acceptsHostSpellingOfTheAccount() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.account=1234567-sb1")
			.run((context) -> assertThat(primary(context).id().realm())
				.isEqualTo("1234567_SB1"));
	}

	@Test
	void bindsTheEnvironmentVariablesAsTheyAre() {
		Map<String, Object> environment = Map.of("NETSUITE_ACCOUNT", "1234567", "NETSUITE_CONSUMER_KEY", "ck",
				"NETSUITE_CONSUMER_SECRET", "cs", "NETSUITE_TOKEN_ID", "tk", "NETSUITE_TOKEN_SECRET", "ts");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.run((context) -> {
				NetSuiteConnectionDetails details = context.getBean(NetSuiteConnectionDetails.class);
				assertThat(details.getAccount().realm()).isEqualTo("1234567");
				assertThat(details.getCredentials().consumerKey()).isEqualTo("ck");
				assertThat(details.getCredentials().tokenId()).isEqualTo("tk");
			});
	}

	@Test
	void stopsStartUpNamingEveryMissingKey() {
		this.contextRunner.withPropertyValues("netsuite.account=1234567", "netsuite.consumer-key=ck",
				"netsuite.consumer-secret=cs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessageContaining("netsuite.token-id is missing")
				.hasMessageContaining("netsuite.token-secret is missing")
				.hasMessageNotContaining("netsuite.account")
				.hasMessageNotContaining("netsuite.consumer-key"));
	}

	@Test
	void stopsStartUpOnBlankCredentialNamingIt() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.token-secret=  ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.token-secret is missing"));
	}

	@Test
	void stopsStartUpOnMalformedAccountNamingIt() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.account=1234567.SB1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid NetSuite configuration: netsuite.account is malformed"));
	}

	@Test
	void trimsCredentialsPastedWithSurroundingWhitespace() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.consumer-key= ck\n", "netsuite.token-id=\ttk ")
			.run((context) -> {
				TbaCredentials credentials = context.getBean(NetSuiteConnectionDetails.class).getCredentials();
				assertThat(credentials.consumerKey()).isEqualTo("ck");
				assertThat(credentials.tokenId()).isEqualTo("tk");
			});
	}

	@Test
	void refusesInnerWhitespaceNamingTheKeyButNotTheValue() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.consumer-secret=half secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid NetSuite configuration: netsuite.consumer-secret contains whitespace")
				.hasMessageNotContaining("half"));
	}

	@Test
	void refusesPlainHttpForHostsOtherThanLoopback() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=http://netsuite.example.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.rest-url uses plain http"));
	}

	@Test
	void refusesRelativeUrlNamingTheKey() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.restlet-url=/app/site")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.restlet-url is not an absolute http(s) URL"));
	}

	@Test
	void acceptsPlainHttpForLoopbackHosts() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=http://localhost:8089", "netsuite.restlet-url=http://127.0.0.1:9")
			.run((context) -> {
				NetSuiteAccount account = primary(context);
				assertThat(account.restUrl()).isEqualTo(URI.create("http://localhost:8089"));
				assertThat(account.restletUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
			});
	}

	@Test
	void refusesNonPositiveTimeoutNamingTheKey() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.read-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.read-timeout must be positive"));
	}

	@Test
	void refusesANegativeSuiteQlPrefetchNamingTheKey() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.suiteql.prefetch-pages=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.suiteql.prefetch-pages must not be negative"));
	}

	@Test
	void refusesANegativeHealthCacheTtlNamingTheKey() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.health.cache-ttl=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.health.cache-ttl must not be negative"));
	}

	@Test
	void backsOffForBeansTheApplicationDefines() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withUserConfiguration(CustomBeansConfiguration.class)
			.run((context) -> assertThat(context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME))
				.isSameAs(CustomBeansConfiguration.restClient));
	}

	@Test
	void usesConnectionDetailsTheApplicationDefinesWithoutAnyProperty() {
		this.contextRunner.withBean(NetSuiteConnectionDetails.class, CustomConnectionDetails::new).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(NetSuiteClient.class);
			NetSuiteAccount account = primary(context);
			assertThat(account.id().realm()).isEqualTo("7654321");
			assertThat(account.restUrl()).hasToString("https://7654321.suitetalk.api.netsuite.com");
		});
	}

	@Test
	void prefersConnectionDetailsTheApplicationDefinesOverProperties() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withBean(NetSuiteConnectionDetails.class, CustomConnectionDetails::new)
			.run((context) -> assertThat(primary(context).id().realm()).isEqualTo("7654321"));
	}

	@Test
	void createsNamedAccountsBesideThePrimaryOne() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets", "netsuite.accounts.eu.concurrency.limit=2")
			.run((context) -> {
				NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
				assertThat(accounts.names()).containsExactly(NetSuiteAccounts.PRIMARY, "eu");
				NetSuiteAccount eu = accounts.get("eu");
				assertThat(eu.id().realm()).isEqualTo("7654321");
				assertThat(eu.restletUrl()).hasToString("https://7654321.restlets.api.netsuite.com");
				assertThat(eu.permits().limit()).isEqualTo(2);
				assertThat(accounts.primary().permits().limit()).isEqualTo(5);
				assertThat(eu.client()).isNotSameAs(context.getBean(NetSuiteClient.class));
			});
	}

	@Test
	void refusesAnUnknownAccountNameNamingTheKnownOnes() {
		this.contextRunner.withPropertyValues(CREDENTIALS).run((context) -> {
			NetSuiteAccounts accounts = context.getBean(NetSuiteAccounts.class);
			assertThatExceptionOfType(NoSuchNetSuiteAccountException.class).isThrownBy(() -> accounts.get("eu"))
				.withMessageContaining("'eu'")
				.withMessageContaining("primary")
				.satisfies((ex) -> assertThat(ex.getKnownNames()).containsExactly(NetSuiteAccounts.PRIMARY));
		});
	}

	@Test
	void stopsStartUpNamingTheFullKeysOfANamedAccount() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.read-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidNetSuitePropertiesException.class)
				.hasMessageContaining("netsuite.accounts.eu.token-secret is missing")
				.hasMessageContaining("netsuite.accounts.eu.read-timeout must be positive")
				.hasMessageNotContaining("netsuite.token-secret"));
	}

	@Test
	void startsForANamedAccountAloneOnlyWithAPrimaryOne() {
		this.contextRunner
			.withPropertyValues("netsuite.accounts.eu.account=7654321", "netsuite.accounts.eu.consumer-key=eck",
					"netsuite.accounts.eu.consumer-secret=ecs", "netsuite.accounts.eu.token-id=etk",
					"netsuite.accounts.eu.token-secret=ets")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.account is missing")
				.hasMessageNotContaining("netsuite.accounts.eu"));
	}

	@Test
	void refusesANamedAccountCalledPrimary() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.accounts.primary.account=7654321")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.accounts.primary is a reserved name"));
	}

	@Test
	void refusesAUrlWhoseHostJavaCannotParseNamingTheKey() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.rest-url=https://1234567_SB1.suitetalk.api.netsuite.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.rest-url has a host that is not a valid host name"));
	}

	@Test
	void signedClientsNeverCompeteWithTheApplicationsOwnRestClient() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withUserConfiguration(ApplicationRestClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ApplicationRestClientConfiguration configuration = context
					.getBean(ApplicationRestClientConfiguration.class);
				assertThat(context.getBean(RestClientUser.class).client).isSameAs(configuration.applicationClient);
				assertThat(context.getBean(QualifiedRestClientUser.class).client)
					.isSameAs(context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME));
			});
	}

	private static NetSuiteAccount primary(AssertableApplicationContext context) {
		return context.getBean(NetSuiteAccounts.class).primary();
	}

	static class CustomConnectionDetails implements NetSuiteConnectionDetails {

		@Override
		public AccountId getAccount() {
			return AccountId.of("7654321");
		}

		@Override
		public TbaCredentials getCredentials() {
			return new TbaCredentials("a", "b", "c", "d");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBeansConfiguration {

		static final RestClient restClient = RestClient.create();

		@Bean(name = NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME, defaultCandidate = false)
		RestClient customRestClient() {
			return restClient;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationRestClientConfiguration {

		final RestClient applicationClient = RestClient.create();

		@Bean
		RestClient applicationClient() {
			return this.applicationClient;
		}

		@Bean
		RestClientUser restClientUser(RestClient client) {
			return new RestClientUser(client);
		}

		@Bean
		QualifiedRestClientUser qualifiedRestClientUser(
				@Qualifier(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME) RestClient client) {
			return new QualifiedRestClientUser(client);
		}

	}

	record RestClientUser(RestClient client) {
	}

	record QualifiedRestClientUser(RestClient client) {
	}

	@Test
	void keepsPermitsLocalAndCreatesNoRedisStoreByDefault() {
		this.contextRunner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).doesNotHaveBean(SharedPermitStore.class);
			NetSuitePermits permits = context.getBean(NetSuiteAccounts.class).primary().permits();
			assertThat(permits).isNotNull();
			assertThat(permits.description()).endsWith("(adaptive), permits local");
		});
	}

	@Test
	void explainsWhatTheRedisStoreNeedsWhenSpringDataRedisIsMissing() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.concurrency.store=redis")
			.withClassLoader(new FilteredClassLoader(LettuceConnectionFactory.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("concurrency.store=redis")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void refusesALeaseTimeThatIsNotPositive() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.concurrency.lease-time=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("netsuite.concurrency.lease-time"));
	}

}
