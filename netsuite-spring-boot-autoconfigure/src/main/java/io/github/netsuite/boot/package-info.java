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
 */
@NullMarked
package io.github.netsuite.boot;

import org.jspecify.annotations.NullMarked;
