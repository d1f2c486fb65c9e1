/**
 * What applications use to talk to Oracle NetSuite: the account and, built on it, the
 * client for SuiteQL, records and RESTlets with its results and exceptions.
 */
@NullMarked
package io.github.netsuite.boot;

import org.jspecify.annotations.NullMarked;
