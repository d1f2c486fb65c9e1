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
package io.github.netsuite.boot.test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, independent OAuth 1.0a signer written from the protocol notes, to sign the
 * requests the tests send. Deliberately built differently from the double's verifier (on
 * {@link URLEncoder}, a sorted multimap), so that a shared mistake is unlikely.
 */
final class TestSigner {

	private TestSigner() {
	}

	static String encode(String value) {
		// URLEncoder is form encoding: fix its three differences from RFC 3986
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	static String baseUri(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
				+ uri.getRawPath();
	}

	/**
	 * The base string for a request whose signed OAuth parameters are given.
	 */
	static String baseString(String method, URI uri, Map<String, String> oauthParameters, String formBody) {
		// encoded name -> encoded values; names sorted here, values below
		TreeMap<String, List<String>> parameters = new TreeMap<>();
		oauthParameters.forEach((name, value) -> add(parameters, name, value));
		for (String raw : new String[] { uri.getRawQuery(), formBody }) {
			if (raw == null || raw.isEmpty()) {
				continue;
			}
			for (String pair : raw.split("&")) {
				String[] nameValue = pair.split("=", 2);
				add(parameters, URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
						(nameValue.length > 1) ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
			}
		}
		List<String> pairs = new ArrayList<>();
		parameters.forEach((name, values) -> values.stream().sorted().forEach((value) -> pairs.add(name + "=" + value)));
		return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(String.join("&", pairs));
	}

	private static void add(TreeMap<String, List<String>> parameters, String name, String value) {
		parameters.computeIfAbsent(encode(name), (key) -> new ArrayList<>()).add(encode(value));
	}

	static String signature(String baseString, String consumerSecret, String tokenSecret, String algorithm) {
		try {
			String key = encode(consumerSecret) + "&" + encode(tokenSecret);
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String authorizationHeader(String realm, Map<String, String> oauthParameters, String signature) {
		StringBuilder header = new StringBuilder("OAuth realm=\"").append(realm).append('"');
		oauthParameters
			.forEach((name, value) -> header.append(", ").append(name).append("=\"").append(encode(value)).append('"'));
		header.append(", oauth_signature=\"").append(encode(signature)).append('"');
		return header.toString();
	}

}
