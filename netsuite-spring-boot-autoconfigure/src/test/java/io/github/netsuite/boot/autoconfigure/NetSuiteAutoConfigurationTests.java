package io.github.netsuite.boot.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccount;
import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.auth.AccountId;
import io.github.netsuite.boot.auth.TbaCredentials;
import io.github.netsuite.boot.auth.TbaSigner;
import io.github.netsuite.boot.http.TbaSigningInterceptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

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
			.doesNotHaveBean(NetSuiteAccount.class)
			.doesNotHaveBean(TbaSigner.class)
			.doesNotHaveBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME));
	}

	@Test
	void backsOffWhenEveryCredentialIsBlank() {
		this.contextRunner
			.withPropertyValues("netsuite.account=", "netsuite.consumer-key= ", "netsuite.consumer-secret=",
					"netsuite.token-id=", "netsuite.token-secret=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteAccount.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NetSuiteAccount.class));
	}

	@Test
	void createsAccountSignerInterceptorAndBothClientsFromCompleteConfiguration() {
		this.contextRunner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasSingleBean(NetSuiteAccount.class)
				.hasSingleBean(TbaSigner.class)
				.hasSingleBean(TbaSigningInterceptor.class)
				.hasBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME)
				.hasBean(NetSuiteAutoConfiguration.RESTLET_CLIENT_BEAN_NAME);
			NetSuiteAccount account = context.getBean(NetSuiteAccount.class);
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
					() -> new NetSuiteClient(RestClient.create(), RestClient.create(), JsonMapper.builder().build()))
			.run((context) -> assertThat(context).hasSingleBean(NetSuiteClient.class).hasBean("myClient"));
	}

	@Test
	void acceptsHostSpellingOfTheAccount() {
		this.contextRunner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("netsuite.account=1234567-sb1")
			.run((context) -> assertThat(context.getBean(NetSuiteAccount.class).id().realm())
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
				NetSuiteAccount account = context.getBean(NetSuiteAccount.class);
				assertThat(account.id().realm()).isEqualTo("1234567");
				assertThat(account.credentials().consumerKey()).isEqualTo("ck");
				assertThat(account.credentials().tokenId()).isEqualTo("tk");
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
				TbaCredentials credentials = context.getBean(NetSuiteAccount.class).credentials();
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
				NetSuiteAccount account = context.getBean(NetSuiteAccount.class);
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
			.run((context) -> {
				assertThat(context).hasSingleBean(NetSuiteAccount.class).hasSingleBean(TbaSigner.class);
				assertThat(context.getBean(NetSuiteAccount.class))
					.isSameAs(context.getBean(CustomBeansConfiguration.class).account);
				assertThat(context.getBean(NetSuiteAutoConfiguration.REST_CLIENT_BEAN_NAME))
					.isSameAs(CustomBeansConfiguration.restClient);
			});
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

	@Configuration(proxyBeanMethods = false)
	static class CustomBeansConfiguration {

		static final RestClient restClient = RestClient.create();

		final NetSuiteAccount account = new NetSuiteAccount(AccountId.of("7654321"),
				new TbaCredentials("a", "b", "c", "d"), null, null);

		@Bean
		NetSuiteAccount customAccount() {
			return this.account;
		}

		@Bean
		TbaSigner customSigner() {
			return new TbaSigner(this.account.id(), this.account.credentials());
		}

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

}
