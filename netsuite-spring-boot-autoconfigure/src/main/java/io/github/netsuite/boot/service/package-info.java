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
 * HTTP service interfaces on NetSuite accounts: the {@code @ImportHttpServices} groups
 * named for an account ({@code netsuite} for the primary one, the account's name for a
 * named one, or mapped by {@code netsuite.http-services.groups.<group>=<account>}) get the
 * account's signed client with its whole chain; every other group stays as it was.
 */
@NullMarked
package io.github.netsuite.boot.service;

import org.jspecify.annotations.NullMarked;
