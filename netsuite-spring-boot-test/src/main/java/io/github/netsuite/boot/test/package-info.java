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
 * Test support for the NetSuite Spring Boot starter: {@link io.github.netsuite.boot.test.NetSuiteDouble},
 * an embedded NetSuite that checks token-based authentication as NetSuite does (and, when
 * enabled, OAuth 2.0 client credentials), and
 * {@link io.github.netsuite.boot.test.EnableNetSuiteDouble} to run a Spring test against it, with
 * a double per named account held by {@link io.github.netsuite.boot.test.NetSuiteDoubles}.
 * An application that defines a {@code NetSuiteDouble} bean (a {@code TestMyApplication}'s
 * test configuration) is connected to it by
 * {@link io.github.netsuite.boot.test.NetSuiteDoubleAutoConfiguration}, and
 * {@code @RestClientTest} slices load the starter.
 */
@NullMarked
package io.github.netsuite.boot.test;

import org.jspecify.annotations.NullMarked;
