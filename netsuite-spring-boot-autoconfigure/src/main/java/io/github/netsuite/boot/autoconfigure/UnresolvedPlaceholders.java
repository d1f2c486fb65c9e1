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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Finds {@code ${…}} placeholders that reached a bound {@code netsuite.*} value
 * unresolved: Spring Boot binds {@code ${NETSUITE_CONSUMER_KEY}} as that very text when
 * nothing of that name is set, and NetSuite would then only refuse the login.
 * <p>
 * A message quotes a placeholder only as it is written in the configuration: what is
 * bound beside it ({@code ${A}-${B}}), or inside it ({@code ${${A}}}), may be a value
 * that was resolved, a secret perhaps.
 *
 * @author NetSuite Spring Boot team
 */
final class UnresolvedPlaceholders {

	// A name worth quoting: not empty, and no placeholder of its own.
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._\\-\\[\\]]+");

	/**
	 * How a key's value is written in the configuration, before placeholders are
	 * resolved; {@code null} when it is not known.
	 */
	interface Written extends Function<String, @Nullable String> {

		/**
		 * Values whose written text is not known: placeholders are then named by key only.
		 */
		Written UNKNOWN = (key) -> null;

		/**
		 * The values as written in the environment's property sources.
		 */
		static Written of(Environment environment) {
			return (key) -> written(environment, key);
		}

	}

	private UnresolvedPlaceholders() {
	}

	/**
	 * Return a problem if the value holds an unresolved placeholder.
	 * @param key the full key
	 * @param value the bound value
	 * @param written the values as written
	 * @param source what the value is and where in NetSuite it comes from
	 * @return the problem, or {@code null} if the value holds no placeholder
	 */
	static @Nullable Problem check(String key, @Nullable String value, Written written, String source) {
		if (value == null) {
			return null;
		}
		List<String> found = find(value);
		if (found.isEmpty()) {
			return null;
		}
		String text = written.apply(key);
		List<String> quoted = found.stream()
			.filter((placeholder) -> text != null && text.contains(placeholder)
					&& PLAIN_NAME.matcher(name(placeholder)).matches())
			.toList();
		String reason;
		List<String> names = quoted.stream().map(UnresolvedPlaceholders::name).toList();
		if (quoted.isEmpty() || quoted.size() < found.size()) {
			reason = "holds an unresolved ${…} placeholder";
		}
		else if (found.size() == 1 && value.strip().equals(found.get(0))) {
			reason = "is the unresolved placeholder " + found.get(0) + ": nothing named " + names.get(0) + " is set";
		}
		else {
			reason = "holds the unresolved placeholder" + ((found.size() > 1) ? "s " : " ") + String.join(", ", quoted)
					+ ": nothing named " + String.join(" or ", names) + " is set";
		}
		return new Problem(key, reason, action(key, names, source));
	}

	private static String action(String key, List<String> names, String source) {
		if (names.isEmpty()) {
			return key + ": set what its ${…} placeholder names, or the property itself, to " + source;
		}
		List<String> set = names.stream().map(UnresolvedPlaceholders::variable).toList();
		return key + ": set " + String.join(" and ", set) + " (or " + key + " itself) to " + source;
	}

	// Boot finds the property my.consumer-key in the environment variable MY_CONSUMER_KEY too.
	private static String variable(String name) {
		String variable = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		return name.equals(variable) ? "the environment variable " + name
				: "the environment variable " + variable + " or the property " + name;
	}

	// The name before any default: ${NAME:default}.
	private static String name(String placeholder) {
		String inner = placeholder.substring(2, placeholder.length() - 1);
		int colon = inner.indexOf(':');
		return ((colon >= 0) ? inner.substring(0, colon) : inner).strip();
	}

	/**
	 * Return the {@code ${…}} placeholders in a value, outermost only, in order.
	 */
	static List<String> find(String value) {
		List<String> found = new ArrayList<>();
		int start = value.indexOf("${");
		while (start >= 0) {
			int end = end(value, start);
			if (end < 0) {
				break;
			}
			found.add(value.substring(start, end + 1));
			start = value.indexOf("${", end + 1);
		}
		return found;
	}

	// The index of the brace closing the placeholder that starts at start, or -1.
	private static int end(String value, int start) {
		int depth = 0;
		for (int i = start + 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static @Nullable String written(Environment environment, String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(key);
		if (name == null) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return (property.getValue() instanceof CharSequence text) ? text.toString() : null;
			}
		}
		return null;
	}

}
