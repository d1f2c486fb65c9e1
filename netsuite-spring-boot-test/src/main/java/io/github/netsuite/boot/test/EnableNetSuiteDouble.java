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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test's Spring application context against an embedded {@link NetSuiteDouble}: the
 * double starts on a free port before the context, is registered as a bean named
 * {@code netSuiteDouble} (inject it to seed data and switch faults), and the properties
 * {@code netsuite.account}, {@code netsuite.consumer-key}, {@code netsuite.consumer-secret},
 * {@code netsuite.token-id}, {@code netsuite.token-secret}, {@code netsuite.rest-url} and
 * {@code netsuite.restlet-url} point at it, ahead of every other property source. The double
 * stops when the context closes.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EnableNetSuiteDouble
 * class CustomerServiceTests {
 *
 *     &#64;Autowired
 *     NetSuiteDouble netSuite;
 * }
 * </pre>
 * Every named account the application configures ({@code netsuite.accounts.<name>.*} in
 * its {@code application.yml}, profiles, environment or test properties) gets a double of
 * its own too, without being listed, pointed at by {@code netsuite.accounts.<name>.*} ahead
 * of the application's values (whose {@code ${…}} placeholders then need no value): with
 * token-based authentication, or with OAuth 2.0 client credentials when the application sets
 * the account's {@code oauth2.client-id}, {@code oauth2.certificate-id} or
 * {@code oauth2.private-key}. An account whose {@code rest-url} is already on this machine
 * ({@code localhost}, {@code 127.*}) is left alone: it runs on a double or stub of its own.
 * A test chooses otherwise with {@link #accounts()} (exactly
 * those) or {@link #configuredAccounts() configuredAccounts = false} (none).
 * {@link NetSuiteDoubles} (the bean {@code netSuiteDoubles}) holds them all, while the
 * {@code NetSuiteDouble} bean stays the primary's.
 * <p>
 * Test classes with the same attributes and the same context configuration (and so the
 * same application properties and named accounts) share a cached context and so its
 * doubles; unless {@link #resetBeforeEachTest()} is {@code false}, the faults and observations
 * of every double are reset before each test method (their data stays). Each test method
 * also starts with a fresh health result: the cached results of the starter's NetSuite
 * health indicators are cleared before it, whatever {@code netsuite.health.cache-ttl} says.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableNetSuiteDouble {

	/**
	 * The account ID the double answers for, in either spelling.
	 * @return the account ID
	 */
	String account() default NetSuiteDouble.DEFAULT_ACCOUNT;

	/**
	 * Names of the accounts to serve by doubles beside the primary, instead of those the
	 * application configures: each served by a double of its own with its own account ID
	 * and credentials, and pointed at by the properties {@code netsuite.accounts.<name>.*};
	 * a named account the application configures and this does not list keeps the
	 * application's values. Each authenticates as the application configures it (OAuth 2.0
	 * when it sets the account's {@code oauth2.*} credentials, TBA otherwise).
	 * A name is lower-case letters, digits and hyphens, starting with a letter or digit, e.g.
	 * {@code eu}. The account ID is {@code TSTDRV} followed by the name's UTF-8 bytes read as
	 * one unsigned number ({@code eu} answers as {@code TSTDRV25973}), so two names never
	 * share one; the credentials are derived from the name too, the same in every run. Get a
	 * named account's double from {@link NetSuiteDoubles#get(String)}.
	 * @return the account names; none by default, which leaves the choice to
	 * {@link #configuredAccounts()}
	 */
	String[] accounts() default {};

	/**
	 * Whether, when {@link #accounts()} lists none, every named account the application
	 * configures gets a double of its own. {@code false} runs only the primary account on a
	 * double and leaves the application's {@code netsuite.accounts.<name>.*} as they are.
	 * @return whether to serve the application's named accounts by doubles
	 * @since 0.1.0
	 */
	boolean configuredAccounts() default true;

	/**
	 * How the primary account authenticates: token-based authentication, or OAuth 2.0
	 * client credentials with a key pair the double makes (the starter gets the matching
	 * client ID, certificate ID and private key through its connection details).
	 * @return the authentication, TBA by default
	 */
	Authentication authentication() default Authentication.TBA;

	/**
	 * Whether to call {@link NetSuiteDouble#reset()} on every double before each test method.
	 * @return whether to reset the doubles before each test
	 */
	boolean resetBeforeEachTest() default true;

	/**
	 * How an account authenticates.
	 */
	enum Authentication {

		/**
		 * Token-based authentication (OAuth 1.0a).
		 */
		TBA,

		/**
		 * OAuth 2.0 client credentials (machine to machine).
		 */
		OAUTH2

	}

}
