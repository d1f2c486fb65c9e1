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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java source of the repository starts with the Apache licence header, as the
 * published jars' sources must.
 *
 * @author NetSuite Spring Boot team
 */
class SourceHeadersTests {

	private static final String LICENCE = "Licensed under the Apache License, Version 2.0";

	@Test
	void everyJavaSourceStartsWithTheLicenceHeader() throws IOException {
		// The module's directory is the working directory of its tests; the repository is its parent.
		Path repository = Path.of("").toAbsolutePath().getParent();
		assertThat(repository.resolve("pom.xml")).exists();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(repository)) {
			sources = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.toString().contains("/target/") && !file.toString().contains("/.mvn/"))
				.toList();
		}
		assertThat(sources).hasSizeGreaterThan(200);
		assertThat(sources).allSatisfy((source) -> assertThat(header(source)).as(source.toString())
			.startsWith("/*\n * Copyright")
			.contains(LICENCE));
	}

	private static String header(Path source) {
		try {
			String text = Files.readString(source, StandardCharsets.UTF_8);
			return text.substring(0, Math.min(text.length(), 800));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
