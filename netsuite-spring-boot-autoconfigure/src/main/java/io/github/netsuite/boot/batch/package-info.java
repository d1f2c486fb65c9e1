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
 * Spring Batch: a restartable SuiteQL {@code ItemReader} that pages by keyset and keeps its
 * position in the step's execution context, and an {@code ItemWriter} that writes each chunk
 * through NetSuite's batch operations, exactly once across a restart.
 */
@NullMarked
package io.github.netsuite.boot.batch;

import org.jspecify.annotations.NullMarked;
