/**
 * Answers for web applications: {@link io.github.netsuite.boot.NetSuiteException}s thrown
 * by a Spring MVC controller answered as RFC 9457 problem details
 * ({@code netsuite.web.problem-details.enabled}).
 */
@NullMarked
package io.github.netsuite.boot.web;

import org.jspecify.annotations.NullMarked;
