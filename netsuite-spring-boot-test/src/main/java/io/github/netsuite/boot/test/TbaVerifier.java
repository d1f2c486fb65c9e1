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
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

import org.jspecify.annotations.Nullable;

/**
 * Checks an OAuth 1.0a (RFC 5849) token-based authentication request as NetSuite does.
 * Written step by step for clarity rather than speed: it is the independent counterpart of
 * the starter's signer, so each catches the other's mistakes. Parameters are decoded to
 * bytes and encoded again byte for byte, as RFC 5849 §3.4.1.3.2 asks: decoded bytes need
 * not be UTF-8.
 * <p>
 * Public only for {@link #signatureBaseString} and {@link #verify(String, URI, String, String,
 * Instant)}, entry points for tests that check a signer against it; the double uses the
 * rest.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class TbaVerifier {

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

	/**
	 * Create a verifier that expects the given account and credentials.
	 * @param realm the realm, such as {@code 1234567_SB1}
	 * @param consumerKey the consumer key
	 * @param consumerSecret the consumer secret
	 * @param tokenId the token ID
	 * @param tokenSecret the token secret
	 */
	public TbaVerifier(String realm, String consumerKey, String consumerSecret, String tokenId,
			String tokenSecret) {
		this.realm = realm;
		this.consumerKey = consumerKey;
		this.consumerSecret = consumerSecret;
		this.tokenId = tokenId;
		this.tokenSecret = tokenSecret;
	}

	/**
	 * Verify a request as the double would see it on the wire, for tests of a signer: the
	 * URI goes through {@link URI#toASCIIString()}, as an HTTP client sends it, and its
	 * authority stands for the {@code Host} header. Nonces are remembered as by the double.
	 * @param method the HTTP method
	 * @param uri the request URI, absolute
	 * @param formBody the body when it is {@code application/x-www-form-urlencoded}, or {@code null}
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param now the clock to judge the timestamp by
	 * @return {@code "Success"} or the reason of the rejection as the login audit trail names it
	 */
	public String verify(String method, URI uri, @Nullable String formBody, @Nullable String authorization,
			Instant now) {
		URI wire = URI.create(uri.toASCIIString());
		return verify(method, baseUri(wire), wire.getRawQuery(), formBody, authorization, now);
	}

	/**
	 * Return the signature base string this verifier computes for a request with the given
	 * {@code Authorization} header, reading {@code +} in the query as a space (form encoding,
	 * as the starter signs; {@link #verify(String, URI, String, String, Instant) verify}
	 * accepts it read either way). For tests of a signer.
	 * @param method the HTTP method
	 * @param uri the request URI, absolute, seen as in {@link #verify(String, URI, String, String, Instant)}
	 * @param formBody the body when it is {@code application/x-www-form-urlencoded}, or {@code null}
	 * @param authorization the {@code Authorization} header whose oauth_* parameters are signed
	 * @return the base string
	 * @throws IllegalArgumentException if the header is no OAuth header or a parameter is
	 * malformed
	 */
	public static String signatureBaseString(String method, URI uri, @Nullable String formBody, String authorization) {
		Map<String, String> rawOAuth = rawAuthorizationParameters(authorization);
		if (rawOAuth == null) {
			throw new IllegalArgumentException("Not an OAuth Authorization header");
		}
		URI wire = URI.create(uri.toASCIIString());
		return baseStringOfEncoded(method, baseUri(wire), signedParameters(rawOAuth, wire.getRawQuery(), true,
				formBody));
	}

	// What the double's handler does with the Host header: scheme and authority lower-cased,
	// a default port dropped
	private static String baseUri(URI wire) {
		if (wire.getScheme() == null || wire.getRawAuthority() == null) {
			throw new IllegalArgumentException("Not an absolute URI with an authority");
		}
		String scheme = wire.getScheme().toLowerCase(Locale.ROOT);
		String authority = wire.getRawAuthority();
		String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
			host = host.substring(0, host.lastIndexOf(':'));
		}
		String path = wire.getRawPath();
		return scheme + "://" + host + ((path == null || path.isEmpty()) ? "/" : path);
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
	String verify(String method, String baseUri, @Nullable String rawQuery, @Nullable String formBody,
			@Nullable String authorization, Instant now) {
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
		if (!signatureMatches(method, baseUri, rawQuery, formBody, oauth, authorization)) {
			return "InvalidSignature";
		}
		// Remembered only once the signature holds, so that forged requests cannot burn nonces
		if (this.seenNonces.putIfAbsent(timestamp + ":" + nonce, timestamp) != null) {
			return "NonceUsed";
		}
		pruneNonces(now);
		return SUCCESS;
	}

	private boolean signatureMatches(String method, String baseUri, @Nullable String rawQuery, @Nullable String formBody,
			Map<String, String> oauth, @Nullable String authorization) {
		String signature = oauth.get("oauth_signature");
		if (signature == null) {
			return false;
		}
		Map<String, String> rawOAuth = rawAuthorizationParameters(authorization);
		if (rawOAuth == null) {
			return false;
		}
		try {
			if (signatureMatches(method, baseUri, rawOAuth, rawQuery, false, formBody, signature)) {
				return true;
			}
			// Whether NetSuite reads '+' in a query as a space (form encoding) or as itself is
			// unconfirmed: accept a signature made either way
			return rawQuery != null && rawQuery.contains("+")
					&& signatureMatches(method, baseUri, rawOAuth, rawQuery, true, formBody, signature);
		}
		catch (IllegalArgumentException ex) {
			// Malformed percent-encoding: nothing could have been signed correctly
			return false;
		}
	}

	private boolean signatureMatches(String method, String baseUri, Map<String, String> rawOAuth,
			@Nullable String rawQuery, boolean queryPlusIsSpace, @Nullable String formBody, String signature) {
		List<String[]> parameters = signedParameters(rawOAuth, rawQuery, queryPlusIsSpace, formBody);
		String expected = sign(baseStringOfEncoded(method, baseUri, parameters), this.consumerSecret,
				this.tokenSecret);
		return constantTimeEquals(expected, signature);
	}

	/**
	 * Every signed parameter, name and value decoded to bytes and encoded again: the
	 * header's but {@code realm}, the query's and the form body's, and nowhere
	 * {@code oauth_signature} (RFC 5849 §3.4.1.3.1).
	 */
	private static List<String[]> signedParameters(Map<String, String> rawOAuth, @Nullable String rawQuery,
			boolean queryPlusIsSpace, @Nullable String formBody) {
		List<String[]> parameters = new ArrayList<>();
		rawOAuth.forEach((name, value) -> {
			if (!percentDecode(name, false).equals("realm")) {
				parameters.add(new String[] { reencode(name, false), reencode(value, false) });
			}
		});
		parameters.addAll(reencodedParameters(rawQuery, queryPlusIsSpace));
		parameters.addAll(reencodedParameters(formBody, true));
		parameters.removeIf((pair) -> pair[0].equals("oauth_signature"));
		return parameters;
	}

	private static String reencode(String raw, boolean plusIsSpace) {
		return percentEncode(percentDecodeBytes(raw, plusIsSpace));
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
		return baseStringOfEncoded(method, baseUri, encoded);
	}

	// The parameters are already encoded once: {name, value} pairs
	private static String baseStringOfEncoded(String method, String baseUri, List<String[]> encodedParameters) {
		List<String[]> encoded = new ArrayList<>(encodedParameters);
		// Sort by encoded name, then by encoded value (repeated names keep every value)
		encoded.sort(Comparator.<String[], String>comparing((pair) -> pair[0]).thenComparing((pair) -> pair[1]));
		StringBuilder normalized = new StringBuilder();
		for (String[] pair : encoded) {
			if (normalized.length() > 0) {
				normalized.append('&');
			}
			normalized.append(pair[0]).append('=').append(pair[1]);
		}
		// RFC 5849 §3.4.1.1: a custom method is encoded too
		return percentEncode(method.toUpperCase(Locale.ROOT)) + "&" + percentEncode(baseUri) + "&"
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
	 * @throws IllegalArgumentException if the value is not valid UTF-16 (a lone surrogate)
	 */
	static String percentEncode(String value) {
		return percentEncode(utf8(value));
	}

	/**
	 * RFC 3986 percent-encoding of bytes as they are.
	 * @param bytes the bytes to encode
	 * @return the encoded value
	 */
	static String percentEncode(byte[] bytes) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : bytes) {
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
	 * Decode {@code %XX} sequences (as UTF-8), for values that are read rather than signed,
	 * such as a record ID: bytes that are not UTF-8 become replacement characters.
	 * @param value the value to decode
	 * @param plusIsSpace whether {@code +} means a space, as in form encoding
	 * @return the decoded value
	 * @throws IllegalArgumentException on a malformed {@code %} sequence or a lone surrogate
	 */
	static String percentDecode(String value, boolean plusIsSpace) {
		return new String(percentDecodeBytes(value, plusIsSpace), StandardCharsets.UTF_8);
	}

	/**
	 * Decode {@code %XX} sequences to the bytes they stand for; other characters stand for
	 * their UTF-8 bytes.
	 * @param value the value to decode
	 * @param plusIsSpace whether {@code +} means a space, as in form encoding
	 * @return the decoded bytes
	 * @throws IllegalArgumentException on a malformed {@code %} sequence (hex digits are
	 * ASCII only) or a lone surrogate
	 */
	static byte[] percentDecodeBytes(String value, boolean plusIsSpace) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					throw new IllegalArgumentException("Truncated percent-encoding");
				}
				int high = asciiHexDigit(value.charAt(i + 1));
				int low = asciiHexDigit(value.charAt(i + 2));
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("Malformed percent-encoding");
				}
				bytes.write((high << 4) + low);
				i += 3;
			}
			else {
				int codePoint = value.codePointAt(i);
				String character = (plusIsSpace && c == '+') ? " " : new String(Character.toChars(codePoint));
				byte[] literal = utf8(character);
				bytes.write(literal, 0, literal.length);
				i += Character.charCount(codePoint);
			}
		}
		return bytes.toByteArray();
	}

	// Character.digit would also take digits of other scripts, such as '١'
	private static int asciiHexDigit(char c) {
		return (c < 0x80) ? Character.digit(c, 16) : -1;
	}

	private static byte[] utf8(String value) {
		// The encoder, unlike String.getBytes, refuses a lone surrogate instead of writing '?'
		try {
			ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(value));
			byte[] bytes = new byte[encoded.remaining()];
			encoded.get(bytes);
			return bytes;
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Not valid UTF-16: a lone surrogate", ex);
		}
	}

	/**
	 * Split {@code a=1&b=2} into decoded name and value pairs, keeping repeats and order.
	 * @param raw the raw query string or form body, or {@code null}
	 * @param plusIsSpace whether {@code +} means a space
	 * @return the pairs
	 */
	static List<Entry<String, String>> parseParameters(@Nullable String raw, boolean plusIsSpace) {
		List<Entry<String, String>> parameters = new ArrayList<>();
		for (String[] pair : splitParameters(raw)) {
			parameters.add(new SimpleEntry<>(percentDecode(pair[0], plusIsSpace), percentDecode(pair[1], plusIsSpace)));
		}
		return parameters;
	}

	/**
	 * Split {@code a=1&b=2} into {name, value} pairs decoded to bytes and encoded again,
	 * byte for byte, keeping repeats and order: what the signature covers.
	 * @param raw the raw query string or form body, or {@code null}
	 * @param plusIsSpace whether {@code +} means a space
	 * @return the pairs
	 */
	static List<String[]> reencodedParameters(@Nullable String raw, boolean plusIsSpace) {
		List<String[]> parameters = new ArrayList<>();
		for (String[] pair : splitParameters(raw)) {
			parameters.add(new String[] { reencode(pair[0], plusIsSpace), reencode(pair[1], plusIsSpace) });
		}
		return parameters;
	}

	// Raw {name, value} pairs; a pair without '=' has an empty value
	private static List<String[]> splitParameters(@Nullable String raw) {
		List<String[]> pairs = new ArrayList<>();
		if (raw == null || raw.isEmpty()) {
			return pairs;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			pairs.add(new String[] { name, value });
		}
		return pairs;
	}

	/**
	 * Parse {@code OAuth realm="…", oauth_consumer_key="…", …} into decoded values.
	 * @param header the header value, or {@code null}
	 * @return the parameters, or {@code null} if this is no OAuth header
	 */
	static @Nullable Map<String, String> parseAuthorizationHeader(@Nullable String header) {
		Map<String, String> raw = rawAuthorizationParameters(header);
		if (raw == null) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		try {
			raw.forEach((name, value) -> parameters.put(percentDecode(name, false), percentDecode(value, false)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return parameters;
	}

	// The header's parameters as written, still percent-encoded
	private static @Nullable Map<String, String> rawAuthorizationParameters(@Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = HEADER_PARAMETER.matcher(header.substring(6));
		while (matcher.find()) {
			parameters.put(matcher.group(1), matcher.group(2));
		}
		return parameters;
	}

	private static @Nullable Long parseTimestamp(@Nullable String timestamp) {
		if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
			return null;
		}
		return Long.parseLong(timestamp);
	}

	private static boolean constantTimeEquals(String expected, @Nullable String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
