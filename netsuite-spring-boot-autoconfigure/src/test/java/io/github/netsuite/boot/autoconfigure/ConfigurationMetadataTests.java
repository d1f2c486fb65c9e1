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
package io.github.netsuite.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata the build generates, as an IDE reads it.
 */
class ConfigurationMetadataTests {

	@Test
	void describesTheHealthIndicatorSwitchBesideTheNetSuiteProperties() throws Exception {
		JsonNode metadata = generatedMetadata();
		JsonNode health = property(metadata, "management.health.netsuite.enabled");
		assertThat(health.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(health.path("defaultValue").asBoolean(false)).isTrue();
		assertThat(health.path("description").asString()).startsWith("Whether to enable");
		// Merged into the processor's output, not in place of it.
		assertThat(property(metadata, "netsuite.account").isMissingNode()).isFalse();
	}

	@Test
	void namesExactlyOnceWritesAsTheReplacementOfIdempotentWrites() throws Exception {
		JsonNode metadata = generatedMetadata();
		JsonNode renamed = property(metadata, "netsuite.records.idempotent-writes");
		assertThat(renamed.path("deprecated").asBoolean(false)).isTrue();
		assertThat(renamed.path("deprecation").path("replacement").asString())
			.isEqualTo("netsuite.records.exactly-once-writes");
		JsonNode replacement = property(metadata, "netsuite.records.exactly-once-writes");
		assertThat(replacement.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(replacement.path("deprecated").asBoolean(false)).isFalse();
	}

	private static JsonNode generatedMetadata() throws IOException, URISyntaxException {
		// The one in this module's classes, not another jar's.
		URI classes = NetSuiteProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI();
		try (InputStream in = classes.resolve("META-INF/spring-configuration-metadata.json").toURL().openStream()) {
			return JsonMapper.shared().readTree(in);
		}
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.path("properties")) {
			if (name.equals(property.path("name").asString())) {
				return property;
			}
		}
		return metadata.path("properties").path(name);
	}

}
