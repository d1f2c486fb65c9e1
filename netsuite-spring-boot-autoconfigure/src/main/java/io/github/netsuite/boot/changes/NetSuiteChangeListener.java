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
package io.github.netsuite.boot.changes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method that follows the changes of one NetSuite record type: every record
 * created, updated or deleted is handed to it as a {@link NetSuiteChange}, in the order NetSuite
 * stamped them, at least once, e.g.
 * <pre class="code">
 * &#64;NetSuiteChangeListener("customer")
 * void onCustomer(NetSuiteChange change) {
 *     // make it idempotent: key what you write by change.type() and change.id()
 * }
 * </pre>
 * The method takes one {@link NetSuiteChange} parameter and returns nothing. The feed's
 * checkpoint advances only after it returned; when it throws, the same change is handed again
 * after a back-off, and the feeds of other record types go on. One instance of the application
 * polls each feed at a time ({@code netsuite.changes.store=jdbc} or {@code redis} share the
 * checkpoint and the lock). The record type is a SuiteQL table whose {@code lastmodifieddate} can
 * be filtered; a type whose cannot is refused at start-up.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface NetSuiteChangeListener {

	/**
	 * Alias for {@link #type()}.
	 * @return the record type
	 */
	@AliasFor("type")
	String value() default "";

	/**
	 * The record type to follow, as SuiteQL names its table, e.g. {@code customer}.
	 * @return the record type
	 */
	@AliasFor("value")
	String type() default "";

	/**
	 * The name of the account to follow ({@code netsuite.accounts.<name>}); empty for the
	 * primary account.
	 * @return the account name
	 */
	String account() default "";

	/**
	 * Whether deletions are handed too, read from SuiteQL's {@code DeletedRecord} table (the
	 * token's role needs the "Deleted Records" permission).
	 * @return whether deletions are followed
	 */
	boolean deletes() default true;

	/**
	 * Whether each created or updated record is read through the record API and handed with
	 * the change ({@link NetSuiteChange#record()}): one more request per change.
	 * @return whether the record comes with the change
	 */
	boolean withRecord() default false;

}
