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
package io.github.netsuite.boot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The module's public API is the one in {@code api/netsuite-spring-boot-autoconfigure.api}:
 * a change to a public type or signature changes that file too, so it shows in review. After
 * a change that is meant, regenerate the file with {@link #UPDATE_COMMAND} and commit it.
 *
 * @author the NetSuite Spring Boot team
 */
class ApiBaselineTests {

	static final String UPDATE_COMMAND = "./mvnw -B -pl netsuite-spring-boot-test -am test -Dtest=ApiBaselineTests"
			+ " -Dsurefire.failIfNoSpecifiedTests=false -Dnetsuite.api.update=true";

	private static final String MODULE = "netsuite-spring-boot-autoconfigure";

	@Test
	void publicApiIsTheCheckedInBaseline() throws IOException, URISyntaxException {
		Path classes = Path.of(NetSuiteClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(classes).as("the module's compiled classes").isDirectory();
		Path baseline = classes.getParent().getParent().resolve("api").resolve(MODULE + ".api");
		List<String> actual = ApiListing.of(classes, ApiBaselineTests.class.getClassLoader());
		if (Boolean.getBoolean("netsuite.api.update")) {
			Files.createDirectories(baseline.getParent());
			Files.writeString(baseline, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(baseline)) {
			fail("No API baseline at " + baseline + "; write it with:\n  " + UPDATE_COMMAND);
		}
		List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
		if (!expected.equals(actual)) {
			fail("The public API of " + MODULE + " differs from " + baseline
					+ " (- in the baseline only, + in the classes only):\n" + ApiListing.diff(expected, actual)
					+ "\nIf the change is meant, regenerate the baseline and commit it:\n  " + UPDATE_COMMAND);
		}
	}

}
