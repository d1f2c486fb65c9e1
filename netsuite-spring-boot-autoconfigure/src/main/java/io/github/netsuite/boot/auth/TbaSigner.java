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
package io.github.netsuite.boot.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs requests for NetSuite's token-based authentication: OAuth 1.0a (RFC 5849) with
 * HMAC-SHA256, the realm in the header but not in the base string, every query parameter
 * (and form body parameter) signed as sent, a fresh nonce and timestamp on every call.
 * <p>
 * The URI is signed as it goes on the wire: a non-ASCII character in its path or query
 * as the UTF-8 escapes an HTTP client sends for it (after NFC normalization, as
 * {@link URI#toASCIIString()} does).
 * <p>
 * Thread-safe, and every call stands on its own: what the signer keeps between calls is
 * fixed when it is created (the key, the constant parts of the header and of the base
 * string) apart from the default nonce source and idle {@link Mac}s, which are the same
 * whichever call uses them. Input that cannot be signed as it would go
 * on the wire (a relative URI, a URI without a host, a malformed {@code %} escape, a lone
 * surrogate) is refused with an {@link IllegalArgumentException} that names the part at
 * fault and never quotes a secret.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class TbaSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	// RFC 3986 §2.3 unreserved characters, by ASCII code.
	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (int c = 0; c < UNRESERVED.length; c++) {
			UNRESERVED[c] = isAlphanumeric(c) || c == '-' || c == '.' || c == '_' || c == '~';
		}
	}

	private final Clock clock;

	private final Supplier<String> nonces;

	private final SecretKeySpec key;

	// Initialised Macs not in use: a Mac is not thread-safe, and setting one up (or
	// cloning one) costs more than the HMAC itself. It holds as many as ever signed at once.
	private final Queue<Mac> idleMacs = new ConcurrentLinkedQueue<>();

	// Everything before the timestamp: realm, consumer key, token and signature method.
	private final String headerStart;

	// The oauth_* parameters that are the same on every request, encoded once, and in
	// their base string form.
	private final List<Parameter> constantParameters;

	/**
	 * Create a signer that takes time from the system clock and nonces from a
	 * cryptographically strong random source.
	 * @param account the account whose realm goes into the header
	 * @param credentials the credentials to sign with
	 */
	public TbaSigner(AccountId account, TbaCredentials credentials) {
		this(account, credentials, Clock.systemUTC(), null);
	}

	/**
	 * Create a signer with the given clock and nonce source, for reproducible signatures.
	 * @param account the account whose realm goes into the header
	 * @param credentials the credentials to sign with
	 * @param clock the clock that gives the timestamp
	 * @param nonces the nonce source, or {@code null} for a cryptographically strong one;
	 * each nonce must be 6 to 64 alphanumeric characters and never repeat (anything else
	 * is refused when signing)
	 * @throws IllegalArgumentException if a credential is not valid UTF-16
	 */
	public TbaSigner(AccountId account, TbaCredentials credentials, Clock clock, @Nullable Supplier<String> nonces) {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(credentials, "credentials");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonces = (nonces != null) ? nonces : new RandomNonces();
		String consumerKey = encode(credentials.consumerKey(), "consumer key");
		String token = encode(credentials.tokenId(), "token ID");
		// RFC 5849 §3.4.2: the key is made of the encoded secrets.
		String signingKey = encode(credentials.consumerSecret(), "consumer secret") + "&"
				+ encode(credentials.tokenSecret(), "token secret");
		this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.US_ASCII), ALGORITHM);
		// One ready, which also shows now whether the JDK can sign.
		this.idleMacs.add(newMac(this.key));
		this.headerStart = "OAuth realm=\"" + account.realm() + "\", oauth_consumer_key=\"" + consumerKey
				+ "\", oauth_token=\"" + token + "\", oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"";
		this.constantParameters = List.of(new Parameter("oauth_consumer_key", consumerKey),
				new Parameter("oauth_signature_method", "HMAC-SHA256"), new Parameter("oauth_token", token),
				new Parameter("oauth_version", "1.0"));
	}

	/**
	 * Return the {@code Authorization} header value for a request, signed with a new
	 * nonce and the current time.
	 * @param method the HTTP method
	 * @param uri the URI exactly as it goes on the wire, query included
	 * @param formBody the body when it is {@code application/x-www-form-urlencoded},
	 * otherwise {@code null} (JSON and other bodies are not signed)
	 * @return the header value
	 * @throws IllegalArgumentException if the request cannot be signed: the message says
	 * which part is at fault
	 */
	public String authorizationHeader(String method, URI uri, @Nullable String formBody) {
		String nonce = checkNonce(this.nonces.get());
		String timestamp = timestamp(this.clock);
		String signature = sign(baseStringBytes(method, uri, formBody, nonce, timestamp));
		return this.headerStart + timestamp + "\", oauth_nonce=\"" + nonce
				+ "\", oauth_version=\"1.0\", oauth_signature=\"" + encodeAscii(signature) + "\"";
	}

	/**
	 * Return the signature base string (RFC 5849 §3.4.1) for the given request inputs.
	 * @param method the HTTP method
	 * @param uri the URI as sent
	 * @param formBody the form body, or {@code null}
	 * @param nonce the nonce
	 * @param timestamp the timestamp in Unix seconds
	 * @return the base string
	 */
	String baseString(String method, URI uri, @Nullable String formBody, String nonce, String timestamp) {
		checkNonce(nonce);
		if (timestamp.isEmpty() || !isDigits(timestamp)) {
			throw new IllegalArgumentException("A timestamp must be Unix seconds, digits only");
		}
		return new String(baseStringBytes(method, uri, formBody, nonce, timestamp), StandardCharsets.US_ASCII);
	}

	// The base string as the bytes the Mac reads: percent-encoded, so ASCII.
	private byte[] baseStringBytes(String method, URI uri, @Nullable String formBody, String nonce,
			String timestamp) {
		byte[] upperCaseMethod = ascii(method(method));
		byte[] baseUri = ascii(baseUri(uri));
		List<Parameter> parameters = new ArrayList<>(this.constantParameters.size() + 8);
		String query = uri.getRawQuery();
		addParameters(parameters, (query != null) ? wireForm(query, "query") : null, "query");
		addParameters(parameters, formBody, "form body");
		parameters.addAll(this.constantParameters);
		// Letters and digits: encoding them changes nothing.
		parameters.add(new Parameter("oauth_nonce", nonce));
		parameters.add(new Parameter("oauth_timestamp", timestamp));
		parameters.sort(null);
		// METHOD&enc(base URI)&enc(name=value&...), the parts already ASCII: room for the
		// most that encoding can make of them (three bytes a byte), then cut to length.
		int capacity = 3 * upperCaseMethod.length + 1 + 3 * baseUri.length + 1 + 3 * (parameters.size() - 1);
		for (Parameter parameter : parameters) {
			capacity += parameter.inBaseString.length;
		}
		byte[] base = new byte[capacity];
		int at = writeEncoded(base, 0, upperCaseMethod);
		base[at++] = '&';
		at = writeEncoded(base, at, baseUri);
		base[at++] = '&';
		for (int i = 0; i < parameters.size(); i++) {
			if (i > 0) {
				at = writeAscii(base, at, "%26");
			}
			byte[] parameter = parameters.get(i).inBaseString;
			System.arraycopy(parameter, 0, base, at, parameter.length);
			at += parameter.length;
		}
		return Arrays.copyOf(base, at);
	}

	/**
	 * Return the Base64 HMAC-SHA256 signature of a base string, before percent-encoding.
	 * @param baseString the base string
	 * @return the signature
	 */
	String signature(String baseString) {
		return sign(baseString);
	}

	private String sign(String baseString) {
		// The base string is percent-encoded: ASCII, so one byte a character.
		return sign(baseString.getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(byte[] baseString) {
		Mac mac = this.idleMacs.poll();
		if (mac == null) {
			mac = newMac(this.key);
		}
		// doFinal leaves the Mac reset for the next signature; one that failed is dropped.
		byte[] digest = mac.doFinal(baseString);
		this.idleMacs.offer(mac);
		return Base64.getEncoder().encodeToString(digest);
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	// Letters and digits only: NetSuite refuses anything else, and the header shows the
	// nonce as it is. The nonce is not quoted: it may be anything a supplier returned.
	private static String checkNonce(@Nullable String nonce) {
		if (nonce == null) {
			throw new IllegalArgumentException("A nonce must be 6 to 64 letters and digits, not null");
		}
		if (nonce.length() < 6 || nonce.length() > 64) {
			throw new IllegalArgumentException(
					"A nonce must be 6 to 64 letters and digits, not " + nonce.length() + " characters");
		}
		if (!isAlphanumeric(nonce)) {
			throw new IllegalArgumentException("A nonce must be letters and digits (ASCII) only");
		}
		return nonce;
	}

	private static boolean isAlphanumeric(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!isAlphanumeric(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAlphanumeric(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private static String timestamp(Clock clock) {
		long seconds = clock.instant().getEpochSecond();
		if (seconds < 0) {
			throw new IllegalArgumentException(
					"The clock reads " + clock.instant() + ", before 1970: an OAuth timestamp is Unix seconds");
		}
		return Long.toString(seconds);
	}

	// RFC 5849 §3.4.1.1: upper case; a custom method is encoded like any value.
	private static String method(String method) {
		for (int i = 0; i < method.length(); i++) {
			if (!isTokenCharacter(method.charAt(i))) {
				throw new IllegalArgumentException("The HTTP method is not a token (RFC 9110 §5.6.2)");
			}
		}
		if (method.isEmpty()) {
			throw new IllegalArgumentException("The HTTP method is empty");
		}
		// Token characters are ASCII: the root locale upper-cases them as ASCII.
		return method.toUpperCase(Locale.ROOT);
	}

	private static boolean isTokenCharacter(int c) {
		return isAlphanumeric(c) || "!#$%&'*+-.^_`|~".indexOf(c) != -1;
	}

	/**
	 * The base string URI (RFC 5849 §3.4.1.2) as the request goes on the wire: scheme and
	 * host in lower case, the port unless it is the scheme's default, the raw path in its
	 * wire form, no query, no fragment.
	 */
	static String baseUri(URI uri) {
		if (!uri.isAbsolute()) {
			throw new IllegalArgumentException("The URI to sign is relative: a scheme and a host are needed");
		}
		String host = uri.getHost();
		if (uri.isOpaque() || host == null) {
			throw new IllegalArgumentException("The URI to sign has no host that java.net.URI can read in '"
					+ authorityWithoutUserInfo(uri) + "': a host name is ASCII letters, digits, '-' and '.' (NetSuite"
					+ " spells the account with '-' in host names; convert an IDN with java.net.IDN.toASCII)");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http"))
				|| (port == 443 && scheme.equals("https"));
		String path = uri.getRawPath();
		String wirePath = (path == null || path.isEmpty()) ? "/" : wireForm(path, "path");
		return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + wirePath;
	}

	// The host may be unreadable, but user info could hold a password: leave it out.
	private static String authorityWithoutUserInfo(URI uri) {
		String authority = uri.getRawAuthority();
		return (authority != null) ? authority.substring(authority.lastIndexOf('@') + 1) : "";
	}

	/**
	 * A raw path or query as an HTTP client sends it when it holds non-ASCII characters
	 * (as {@link URI#toASCIIString()} and the JDK's {@code HttpClient} do): normalized to
	 * NFC, then each non-ASCII character as the {@code %XX} escapes of its UTF-8 bytes. A
	 * lone surrogate is refused: it has no UTF-8 form.
	 */
	private static String wireForm(String raw, String part) {
		if (isAscii(raw)) {
			return raw;
		}
		checkUtf16(raw, 0, raw.length(), part);
		StringBuilder escaped = new StringBuilder(raw.length() + 16);
		for (byte b : Normalizer.normalize(raw, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8)) {
			if (b >= 0) {
				escaped.append((char) b);
			}
			else {
				appendPercent(escaped, b);
			}
		}
		return escaped.toString();
	}

	/**
	 * Add the parameters of a query or form body: split on {@code &}, then on the first
	 * {@code =}, each side percent-decoded ({@code +} is a space) and encoded again.
	 * RFC 5849 §3.4.1.3.1 leaves out {@code oauth_signature} wherever it comes from.
	 */
	private static void addParameters(List<Parameter> parameters, @Nullable String raw, String part) {
		if (raw == null) {
			return;
		}
		int start = 0;
		while (start <= raw.length()) {
			int end = raw.indexOf('&', start);
			if (end == -1) {
				end = raw.length();
			}
			if (end > start) {
				int equals = raw.indexOf('=', start);
				int nameEnd = (equals != -1 && equals < end) ? equals : end;
				int valueStart = (nameEnd < end) ? nameEnd + 1 : end;
				String name = normalize(raw, start, nameEnd, part);
				if (!name.equals("oauth_signature")) {
					parameters.add(new Parameter(name, normalize(raw, valueStart, end, part)));
				}
			}
			start = end + 1;
		}
	}

	/**
	 * Decode {@code raw[from, to)} to bytes and percent-encode them again. Byte-exact: the
	 * decoded bytes need not be UTF-8, they are signed as they are.
	 */
	static String normalize(String raw, int from, int to, String part) {
		if (isUnreserved(raw, from, to)) {
			// Decoding and encoding give back what is already in canonical form.
			return raw.substring(from, to);
		}
		checkUtf16(raw, from, to, part);
		// At most 3 bytes a character: "%XX" is 1, ASCII 1, a BMP character 3, a pair 4 for 2.
		byte[] bytes = new byte[(to - from) * 3];
		int length = 0;
		for (int i = from; i < to; i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = (i + 2 < to) ? hexValue(raw.charAt(i + 1)) : -1;
				int low = (i + 2 < to) ? hexValue(raw.charAt(i + 2)) : -1;
				if (high == -1 || low == -1) {
					throw new IllegalArgumentException("Malformed percent-encoding in the " + part + ": '%' at index "
							+ i + " is not followed by two hex digits");
				}
				bytes[length++] = (byte) ((high << 4) | low);
				i += 2;
			}
			else if (c == '+') {
				bytes[length++] = ' ';
			}
			else if (c < 0x80) {
				bytes[length++] = (byte) c;
			}
			else {
				// A whole character: the pair of a supplementary one was checked above.
				int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
				byte[] utf8 = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
				System.arraycopy(utf8, 0, bytes, length, utf8.length);
				length += utf8.length;
				i = end - 1;
			}
		}
		return encode(Arrays.copyOf(bytes, length));
	}

	private static boolean isUnreserved(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isUnreserved(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	// RFC 3986 §2.3; a negative byte is not ASCII.
	private static boolean isUnreserved(int c) {
		return c >= 0 && c < UNRESERVED.length && UNRESERVED[c];
	}

	// ASCII only: Character.digit would take other scripts' digits as well.
	private static int hexValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		return -1;
	}

	/**
	 * Percent-encode a value as RFC 5849 §3.6 asks: UTF-8, unreserved characters as they
	 * are, everything else as {@code %XX} with upper-case hex.
	 * @param value the value
	 * @return the encoded value
	 * @throws IllegalArgumentException if the value holds a lone surrogate
	 */
	static String encode(String value) {
		return encode(value, "value");
	}

	private static String encode(String value, String part) {
		return isUnreserved(value, 0, value.length()) ? value : encode(utf8(value, part));
	}

	private static String encode(byte[] bytes) {
		byte[] encoded = new byte[3 * bytes.length];
		return new String(encoded, 0, writeEncoded(encoded, 0, bytes), StandardCharsets.ISO_8859_1);
	}

	private static String encodeAscii(String text) {
		return encode(ascii(text));
	}

	// Text that is ASCII by construction (encoded once, Base64, a wire URI) as its bytes;
	// for ASCII, ISO-8859-1 is the same and a plain copy (US-ASCII checks every byte).
	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	// Any bytes, percent-encoded (RFC 5849 §3.6); the target has room for three bytes a byte.
	private static int writeEncoded(byte[] target, int at, byte[] bytes) {
		for (byte c : bytes) {
			if (isUnreserved(c)) {
				target[at++] = c;
			}
			else {
				target[at++] = '%';
				target[at++] = (byte) HEX[(c >> 4) & 0xF];
				target[at++] = (byte) HEX[c & 0xF];
			}
		}
		return at;
	}

	private static int writeAscii(byte[] target, int at, String ascii) {
		for (int i = 0; i < ascii.length(); i++) {
			target[at++] = (byte) ascii.charAt(i);
		}
		return at;
	}

	private static void appendPercent(StringBuilder target, byte b) {
		target.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
	}

	// UTF-8 of a String that must be valid UTF-16: getBytes would put '?' for a lone surrogate.
	private static byte[] utf8(String value, String part) {
		checkUtf16(value, 0, value.length(), part);
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static void checkUtf16(String value, int from, int to, String part) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException(
						"The " + part + " is not valid UTF-16: a lone surrogate at index " + i);
			}
		}
	}

	/**
	 * A query, form or oauth_* parameter, name and value encoded once. Encoded text is
	 * ASCII, so {@link String#compareTo} orders it by bytes, as RFC 5849 §3.4.1.3.2 asks.
	 */
	private static final class Parameter implements Comparable<Parameter> {

		final String name;

		final String value;

		// "name%3Dvalue" encoded once more, as the base string holds it.
		final byte[] inBaseString;

		Parameter(String name, String value) {
			this.name = name;
			this.value = value;
			byte[] asciiName = ascii(name);
			byte[] asciiValue = ascii(value);
			byte[] encoded = new byte[3 * asciiName.length + 3 + 3 * asciiValue.length];
			int at = writeEncoded(encoded, 0, asciiName);
			at = writeAscii(encoded, at, "%3D");
			this.inBaseString = Arrays.copyOf(encoded, writeEncoded(encoded, at, asciiValue));
		}

		@Override
		public int compareTo(Parameter other) {
			int byName = this.name.compareTo(other.name);
			return (byName != 0) ? byName : this.value.compareTo(other.value);
		}

	}

	/**
	 * Nonces of 24 characters from RFC 4648's base32 alphabet (letters and digits, 5 bits
	 * each: 120 random bits), from a DRBG seeded once and asked for 256 nonces at a time:
	 * each request to it costs far more than the bytes it gives.
	 */
	private static final class RandomNonces implements Supplier<String> {

		private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

		private static final int BYTES_PER_NONCE = 15;

		private final SecureRandom random = newRandom();

		private final byte[] randomBytes = new byte[256 * BYTES_PER_NONCE];

		private int next = this.randomBytes.length;

		@Override
		public synchronized String get() {
			if (this.next == this.randomBytes.length) {
				this.random.nextBytes(this.randomBytes);
				this.next = 0;
			}
			char[] nonce = new char[BYTES_PER_NONCE * 8 / 5];
			int length = 0;
			int bits = 0;
			int bitCount = 0;
			for (int i = 0; i < BYTES_PER_NONCE; i++) {
				bits = (bits << 8) | (this.randomBytes[this.next++] & 0xFF);
				bitCount += 8;
				while (bitCount >= 5) {
					bitCount -= 5;
					nonce[length++] = ALPHABET[(bits >>> bitCount) & 0x1F];
				}
				// Keep only the bits not used yet.
				bits &= (1 << bitCount) - 1;
			}
			return new String(nonce);
		}

		/**
		 * A DRBG (NIST SP 800-90A; Hash_DRBG with SHA-256 unless configured otherwise).
		 * The default NativePRNG locks and reads {@code /dev/urandom} on every call.
		 */
		private static SecureRandom newRandom() {
			try {
				return SecureRandom.getInstance("DRBG");
			}
			catch (NoSuchAlgorithmException ex) {
				return new SecureRandom();
			}
		}

	}

}
