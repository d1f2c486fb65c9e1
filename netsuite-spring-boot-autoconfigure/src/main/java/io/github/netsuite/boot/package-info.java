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
/**
 * What applications use to talk to Oracle NetSuite: the account and, built on it, the
 * client for SuiteQL, records and RESTlets with its results and exceptions.
 * <p>
 * A call to NetSuite never returns {@code null}: it returns what it read, an
 * {@link java.util.Optional} where having nothing is an ordinary answer (a query's
 * {@linkplain SuiteQlQuery#first() first row}, a {@linkplain RestletRequest RESTlet}'s
 * empty answer), or throws a {@link NetSuiteException} (a record that does not exist is
 * a {@link NetSuiteNotFoundException}). Only accessors of state that a value or an
 * exception may lack, such as {@link NetSuiteException#getErrorCode()}, return
 * {@code null}, marked {@link org.jspecify.annotations.Nullable @Nullable}.
 * <p>
 * The request objects the client hands out ({@link SuiteQlQuery}, {@link RecordRequest},
 * {@link RecordCollection}, {@link RestletRequest}, {@link AsyncRequest}) have one style:
 * they are immutable, and each modifier returns a copy. A request can then be built once,
 * kept in a field, shared between threads and sent again, and a half-built one handed to
 * another method cannot be changed behind the caller's back; the copies cost a few small
 * objects per call, nothing beside the request on the wire. (Spring's own
 * {@code RestClient} request specs are mutable builders, used once; these are values.)
 * Each sends through the account's package-private {@code NetSuiteExchange}, the one
 * place that writes request bodies (through the {@code RestClient}'s message converters,
 * with the application's {@code JsonMapper}), reads answers, and turns NetSuite's errors
 * into {@link NetSuiteException}s that name the account.
 * <p>
 * One request's way to the wire, all in this package: {@link NetSuiteClient} hands out a
 * request object, which calls its {@code NetSuiteExchange}; the exchange sends through one
 * of the account's two signed {@code RestClient}s, whose interceptors run outermost first:
 * {@code NetSuiteConnectionInterceptor} (the call's deadline, connection failures typed),
 * {@code RetryInterceptor} (a fresh attempt, only where repeating is safe),
 * {@code NetSuiteAuthenticationRenewalInterceptor} (an access token fetched before the
 * permit), {@code ConcurrencyGovernor} (a permit while on the wire),
 * {@code NetSuiteObservationInterceptor} (each attempt observed), {@code NetSuiteErrorInterceptor}
 * (an error body read once), {@code NetSuiteAuthenticationInterceptor} ({@code TbaAuthentication} signs every
 * attempt afresh, {@code OAuth2Authentication} carries the token), and innermost
 * {@code NetSuiteAnswerGuard} (no redirect, the attempt's deadline, a bounded body).
 * {@link NetSuiteAccount.Builder#build()} assembles that chain, in one place; every
 * type in it is package-private.
 */
@NullMarked
package io.github.netsuite.boot;

import org.jspecify.annotations.NullMarked;
