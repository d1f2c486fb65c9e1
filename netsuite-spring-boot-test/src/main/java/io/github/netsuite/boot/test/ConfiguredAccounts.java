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
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.netsuite.boot.test.EnableNetSuiteDouble.Authentication;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The named accounts an application configures: every {@code <name>} with a key under
 * {@code netsuite.accounts.<name>.}, in any property source of its {@link Environment}
 * (its {@code application.yml}, profiles, environment variables, test properties), read
 * with Spring Boot's relaxed names as the starter binds them, and how each authenticates:
 * OAuth 2.0 when one of its {@code oauth2.client-id}, {@code oauth2.certificate-id} or
 * {@code oauth2.private-key} is set, as the starter decides, token-based authentication
 * otherwise. Values are not resolved, so an unset {@code ${…}} placeholder counts as set
 * and is never printed. An account whose {@code rest-url} is already on this machine
 * ({@code localhost}, {@code 127.*}, {@code [::1]}) is left out: it runs on a double or stub
 * of the application's or the test's own.
 *
 * @author NetSuite Spring Boot team
 */
final class ConfiguredAccounts {

	private static final String PROPERTY_SOURCES = "org.springframework.boot.context.properties.source.ConfigurationPropertySources";

	private static final ConfigurationPropertyName ACCOUNTS = ConfigurationPropertyName.of("netsuite.accounts");

	private static final List<String> OAUTH2_KEYS = List.of("oauth2.client-id", "oauth2.certificate-id",
			"oauth2.private-key");

	private ConfiguredAccounts() {
	}

	/**
	 * Whether named accounts can be found: Spring Boot is on the class path (without it, no
	 * starter binds {@code netsuite.accounts}).
	 */
	static boolean isSupported(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(PROPERTY_SOURCES, classLoader);
	}

	/**
	 * The named accounts of an environment and their authentication, in the order their
	 * property sources and keys come.
	 * @return the accounts by name
	 */
	static Map<String, Authentication> find(ConfigurableEnvironment environment) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		Map<String, Authentication> accounts = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter((name) -> ACCOUNTS.isAncestorOf(name) && name.getNumberOfElements() > 3)
					// As the starter's map binds them: the name's own spelling
					.forEach((name) -> accounts.putIfAbsent(name.getElement(2, Form.ORIGINAL), Authentication.TBA));
			}
		}
		// Already on a double or stub of the application's (or the test's) own
		accounts.keySet().removeIf((name) -> isLocal(environment, name));
		for (String name : accounts.keySet()) {
			requireAccountName(name);
		}
		accounts.replaceAll((name, authentication) -> isOAuth2(sources, name) ? Authentication.OAUTH2
				: Authentication.TBA);
		return accounts;
	}

	/**
	 * Whether the account's {@code rest-url} is on this machine, by its host name alone
	 * ({@code localhost}, {@code 127.*}, {@code [::1]}); an unset or unresolved one is not.
	 */
	private static boolean isLocal(ConfigurableEnvironment environment, String name) {
		// Leniently: an unresolvable placeholder stays as it is rather than failing
		String restUrl = Binder.get(environment)
			.bind(ConfigurationPropertyName.adapt("netsuite.accounts." + name + ".rest-url", '.'),
					Bindable.of(String.class))
			.orElse("");
		try {
			String host = new URI(restUrl.strip()).getHost();
			return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.")
					|| host.equals("[::1]") || host.equals("::1"));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void requireAccountName(String name) {
		try {
			NetSuiteDouble.requireAccountName(name);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The application configures the named account '" + name
					+ "' (netsuite.accounts." + name + ".*), which cannot have a NetSuite double: " + ex.getMessage()
					+ "; rename the account, or in a test list the accounts to put on doubles with "
					+ "@EnableNetSuiteDouble(accounts = ...)", ex);
		}
	}

	/**
	 * The authentication of one account, by the same rule as {@link #find}, whether or not
	 * the application configures it (TBA when it does not).
	 * @param name a valid account name
	 */
	static Authentication authentication(ConfigurableEnvironment environment, String name) {
		return isOAuth2(ConfigurationPropertySources.get(environment), name) ? Authentication.OAUTH2
				: Authentication.TBA;
	}

	private static boolean isOAuth2(Iterable<ConfigurationPropertySource> sources, String account) {
		for (String key : OAUTH2_KEYS) {
			ConfigurationPropertyName name = ACCOUNTS.append(account).append(key);
			for (ConfigurationPropertySource source : sources) {
				ConfigurationProperty property = source.getConfigurationProperty(name);
				if (property != null) {
					// The highest source decides; blank is unset, as for the starter
					Object value = property.getValue();
					if (value != null && !value.toString().isBlank()) {
						return true;
					}
					break;
				}
			}
		}
		return false;
	}

}
