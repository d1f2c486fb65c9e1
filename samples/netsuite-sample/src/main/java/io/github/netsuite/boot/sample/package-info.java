/**
 * A sample web application that reads and writes NetSuite records, runs SuiteQL and calls
 * a RESTlet through the starter.
 */
@NullMarked
package io.github.netsuite.boot.sample;

import org.jspecify.annotations.NullMarked;
