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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an OAuth 1.0a (RFC 5849) token-based authentication request as NetSuite does.
 * Written step by step for clarity rather than speed: it is the independent counterpart of
 * the starter's signer, so each catches the other's mistakes.
 *
 * @author NetSuite Spring Boot team
 */
final class TbaVerifier {

	static final String SUCCESS = "Success";

	static final String HMAC_SHA256 = "HMAC-SHA256";

	/** NetSuite accepts timestamps within about five minutes of its clock. */
	static final long TIMESTAMP_TOLERANCE_SECONDS = 300;

	// Above this many remembered nonces, forget those whose timestamp can no longer pass
	private static final int NONCE_PRUNE_THRESHOLD = 50_000;

	private static final Pattern HEADER_PARAMETER = Pattern.compile("([A-Za-z0-9_%.\\-~]+)\\s*=\\s*\"([^\"]*)\"");

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{6,64}");

	private final String realm;

	private final String consumerKey;

	private final String consumerSecret;

	private final String tokenId;

	private final String tokenSecret;

	// "timestamp:nonce" -> timestamp, of every request that passed the signature check
	private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();

	TbaVerifier(String realm, String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
		this.realm = realm;
		this.consumerKey = consumerKey;
		this.consumerSecret = consumerSecret;
		this.tokenId = tokenId;
		this.tokenSecret = tokenSecret;
	}

	/**
	 * Verify a request.
	 * @param method the HTTP method
	 * @param baseUri the base string URI: scheme, host, port (unless default) and the raw path
	 * @param rawQuery the query string as it was on the wire, or {@code null}
	 * @param formBody the body when it is {@code application/x-www-form-urlencoded}, or {@code null}
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param now the double's clock
	 * @return {@link #SUCCESS} or the reason of the rejection as the login audit trail names it
	 */
	String verify(String method, String baseUri, String rawQuery, String formBody, String authorization,
			Instant now) {
		Map<String, String> oauth = parseAuthorizationHeader(authorization);
		if (oauth == null) {
			return "MissingAuthorization";
		}
		if (!HMAC_SHA256.equals(oauth.get("oauth_signature_method"))) {
			return "UnsupportedSignatureMethod";
		}
		if (oauth.containsKey("oauth_version") && !"1.0".equals(oauth.get("oauth_version"))) {
			return "InvalidVersion";
		}
		if (!this.realm.equals(oauth.get("realm"))) {
			return "InvalidRealm";
		}
		if (!constantTimeEquals(this.consumerKey, oauth.get("oauth_consumer_key"))) {
			return "UnknownConsumerKey";
		}
		if (!constantTimeEquals(this.tokenId, oauth.get("oauth_token"))) {
			return "UnknownToken";
		}
		Long timestamp = parseTimestamp(oauth.get("oauth_timestamp"));
		if (timestamp == null || Math.abs(now.getEpochSecond() - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) {
			return "InvalidTimestamp";
		}
		String nonce = oauth.get("oauth_nonce");
		if (nonce == null || !NONCE.matcher(nonce).matches()) {
			return "InvalidNonce";
		}
		if (!signatureMatches(method, baseUri, rawQuery, formBody, oauth)) {
			return "InvalidSignature";
		}
		// Remembered only once the signature holds, so that forged requests cannot burn nonces
		if (this.seenNonces.putIfAbsent(timestamp + ":" + nonce, timestamp) != null) {
			return "NonceUsed";
		}
		pruneNonces(now);
		return SUCCESS;
	}

	private boolean signatureMatches(String method, String baseUri, String rawQuery, String formBody,
			Map<String, String> oauth) {
		String signature = oauth.get("oauth_signature");
		if (signature == null) {
			return false;
		}
		try {
			if (signatureMatches(method, baseUri, rawQuery, false, formBody, oauth, signature)) {
				return true;
			}
			// Whether NetSuite reads '+' in a query as a space (form encoding) or as itself is
			// unconfirmed: accept a signature made either way
			return rawQuery != null && rawQuery.contains("+")
					&& signatureMatches(method, baseUri, rawQuery, true, formBody, oauth, signature);
		}
		catch (IllegalArgumentException ex) {
			// Malformed percent-encoding: nothing could have been signed correctly
			return false;
		}
	}

	private boolean signatureMatches(String method, String baseUri, String rawQuery, boolean queryPlusIsSpace,
			String formBody, Map<String, String> oauth, String signature) {
		List<Entry<String, String>> parameters = new ArrayList<>();
		oauth.forEach((name, value) -> {
			if (!name.equals("realm") && !name.equals("oauth_signature")) {
				parameters.add(new SimpleEntry<>(name, value));
			}
		});
		parameters.addAll(parseParameters(rawQuery, queryPlusIsSpace));
		parameters.addAll(parseParameters(formBody, true));
		String expected = sign(baseString(method, baseUri, parameters), this.consumerSecret, this.tokenSecret);
		return constantTimeEquals(expected, signature);
	}

	private void pruneNonces(Instant now) {
		if (this.seenNonces.size() > NONCE_PRUNE_THRESHOLD) {
			long oldestAcceptable = now.getEpochSecond() - TIMESTAMP_TOLERANCE_SECONDS;
			this.seenNonces.values().removeIf((timestamp) -> timestamp < oldestAcceptable);
		}
	}

	/**
	 * The signature base string: {@code METHOD&enc(baseUri)&enc(normalized parameters)}.
	 * @param method the HTTP method
	 * @param baseUri the base string URI
	 * @param decodedParameters every signed parameter, names and values percent-decoded
	 * @return the base string
	 */
	static String baseString(String method, String baseUri, List<Entry<String, String>> decodedParameters) {
		List<String[]> encoded = new ArrayList<>();
		for (Entry<String, String> parameter : decodedParameters) {
			encoded.add(new String[] { percentEncode(parameter.getKey()), percentEncode(parameter.getValue()) });
		}
		// Sort by encoded name, then by encoded value (repeated names keep every value)
		encoded.sort(Comparator.<String[], String>comparing((pair) -> pair[0]).thenComparing((pair) -> pair[1]));
		StringBuilder normalized = new StringBuilder();
		for (String[] pair : encoded) {
			if (normalized.length() > 0) {
				normalized.append('&');
			}
			normalized.append(pair[0]).append('=').append(pair[1]);
		}
		return method.toUpperCase(Locale.ROOT) + "&" + percentEncode(baseUri) + "&"
				+ percentEncode(normalized.toString());
	}

	/**
	 * Base64 of HMAC-SHA256 over the base string, keyed with {@code enc(cs)&enc(ts)}.
	 * @param baseString the signature base string
	 * @param consumerSecret the consumer secret
	 * @param tokenSecret the token secret
	 * @return the signature, not yet percent-encoded
	 */
	static String sign(String baseString, String consumerSecret, String tokenSecret) {
		String key = percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters stay, everything
	 * else becomes {@code %XX} with upper-case hex (so a space is {@code %20}).
	 * @param value the value to encode
	 * @return the encoded value
	 */
	static String percentEncode(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * Decode {@code %XX} sequences (as UTF-8).
	 * @param value the value to decode
	 * @param plusIsSpace whether {@code +} means a space, as in form encoding
	 * @return the decoded value
	 * @throws IllegalArgumentException on a malformed {@code %} sequence
	 */
	static String percentDecode(String value, boolean plusIsSpace) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					throw new IllegalArgumentException("Truncated percent-encoding");
				}
				int high = Character.digit(value.charAt(i + 1), 16);
				int low = Character.digit(value.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("Malformed percent-encoding");
				}
				bytes.write((high << 4) + low);
				i += 3;
			}
			else {
				byte[] literal = String.valueOf((plusIsSpace && c == '+') ? ' ' : c).getBytes(StandardCharsets.UTF_8);
				bytes.write(literal, 0, literal.length);
				i++;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Split {@code a=1&b=2} into decoded name and value pairs, keeping repeats and order.
	 * @param raw the raw query string or form body, or {@code null}
	 * @param plusIsSpace whether {@code +} means a space
	 * @return the pairs
	 */
	static List<Entry<String, String>> parseParameters(String raw, boolean plusIsSpace) {
		List<Entry<String, String>> parameters = new ArrayList<>();
		if (raw == null || raw.isEmpty()) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.add(new SimpleEntry<>(percentDecode(name, plusIsSpace), percentDecode(value, plusIsSpace)));
		}
		return parameters;
	}

	/**
	 * Parse {@code OAuth realm="…", oauth_consumer_key="…", …} into decoded values.
	 * @param header the header value, or {@code null}
	 * @return the parameters, or {@code null} if this is no OAuth header
	 */
	static Map<String, String> parseAuthorizationHeader(String header) {
		if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = HEADER_PARAMETER.matcher(header.substring(6));
		try {
			while (matcher.find()) {
				parameters.put(percentDecode(matcher.group(1), false), percentDecode(matcher.group(2), false));
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return parameters;
	}

	private static Long parseTimestamp(String timestamp) {
		if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
			return null;
		}
		return Long.parseLong(timestamp);
	}

	private static boolean constantTimeEquals(String expected, String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
