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
 * Observation of NetSuite requests: one {@code netsuite.requests} observation per attempt
 * on the wire (a timer with metrics, a span with tracing), its context, convention and
 * documentation, and the meters that count retries, throttling and SuiteQL rows.
 * <p>
 * Public are what an application touches: the {@link
 * io.github.netsuite.boot.observation.NetSuiteRequestObservationConvention convention} (a
 * bean of that type changes the tags), its default, the context it reads, the
 * documentation, and {@link io.github.netsuite.boot.observation.NetSuiteMetricsAutoConfiguration
 * the auto-configuration} of the meters, kept next to them as Spring Boot keeps its own.
 * The meter handler and binders it registers are package-private.
 */
@NullMarked
package io.github.netsuite.boot.observation;

import org.jspecify.annotations.NullMarked;
