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
 * Test classes with the same account share a cached context and so one double; unless
 * {@link #resetBeforeEachTest()} is {@code false}, its faults and observations are reset
 * before each test method (its data stays).
 *
 * @author NetSuite Spring Boot team
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
	 * Whether to call {@link NetSuiteDouble#reset()} before each test method.
	 * @return whether to reset the double before each test
	 */
	boolean resetBeforeEachTest() default true;

}
