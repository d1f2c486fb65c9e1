package io.github.netsuite.boot.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs requests for NetSuite's token-based authentication: OAuth 1.0a (RFC 5849) with
 * HMAC-SHA256, the realm in the header but not in the base string, every query parameter
 * (and form body parameter) signed as sent, a fresh nonce and timestamp on every call.
 * <p>
 * Thread-safe. A request is signed in a workspace of its own (a {@link Mac}, a random
 * source, buffers) that it borrows from the signer and gives back, so the per-request path
 * shares no mutable state and sets nothing up again, on platform threads and on a virtual
 * thread per request alike. Everything the signature covers is percent-encoded ASCII, so it
 * is written as bytes, ready for the {@link Mac}, and the only object made per request is
 * the header itself (and the normalized form of a query parameter that is not already
 * canonical, and the encoded origin when a workspace's request goes to another host than
 * its last one).
 *
 * @author NetSuite Spring Boot team
 */
public final class TbaSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int NONCE_LENGTH = 24;

	// 32 letters and digits (RFC 4648's base32 alphabet): 5 random bits per character,
	// no rejection sampling, 120 bits in 24 characters.
	private static final byte[] NONCE_ALPHABET = ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

	// 24 characters of 5 bits.
	private static final int NONCE_RANDOM_BYTES = 15;

	// A whole number of nonces, so that one call to the random source serves 256.
	private static final int RANDOM_BUFFER_SIZE = 256 * NONCE_RANDOM_BYTES;

	private static final byte[] HEX = ascii("0123456789ABCDEF");

	private static final byte[] BASE64 = ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (char c = 0; c < UNRESERVED.length; c++) {
			UNRESERVED[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~';
		}
	}

	// Names of the oauth_* parameters in base string order, for sorting.
	private static final byte[][] OAUTH_NAMES = { ascii("oauth_consumer_key"), ascii("oauth_nonce"),
			ascii("oauth_signature_method"), ascii("oauth_timestamp"), ascii("oauth_token"), ascii("oauth_version") };

	private static final int CONSUMER_KEY = 0;

	private static final int NONCE = 1;

	private static final int SIGNATURE_METHOD = 2;

	private static final int TIMESTAMP = 3;

	private static final int TOKEN = 4;

	private static final int VERSION = 5;

	private static final byte[] ENCODED_EQUALS = ascii("%3D");

	private static final byte[] ENCODED_AMPERSAND = ascii("%26");

	private static final byte[] HEADER_NONCE = ascii("\", oauth_nonce=\"");

	private static final byte[] HEADER_SIGNATURE = ascii("\", oauth_version=\"1.0\", oauth_signature=\"");

	// A power of two, enough that threads signing at once rarely meet in a slot; the
	// concurrency governor keeps them few anyway.
	static final int IDLE_SLOTS = Integer
		.highestOneBit(Math.min(64, Math.max(8, 4 * Runtime.getRuntime().availableProcessors())));

	// Slots a thread tries, from the one its ID points to, to borrow or give back.
	private static final int PROBES = 2;

	private final Clock clock;

	private final @Nullable Supplier<String> nonces;

	private final SecretKeySpec key;

	private final String consumerKey;

	private final String token;

	private final byte[] headerStart;

	// The oauth_* parameters as they go into the base string: "name%3Dvalue" encoded
	// twice, only "name%3D" for the nonce and timestamp, which change on every request.
	private final byte[][] oauthParams;

	// The same, joined with "%26" as they usually stand: no query or form parameter
	// sorts among them unless it is named oauth_*. Cut before the nonce and timestamp.
	private final byte[][] oauthBlock;

	// Idle workspaces, each thread looking first where its ID points. Not a ThreadLocal: a
	// virtual thread per request would set up a Mac and a seeded DRBG on every request.
	private final AtomicReferenceArray<@Nullable Workspace> idle = new AtomicReferenceArray<>(IDLE_SLOTS);

	private final AtomicInteger workspacesCreated = new AtomicInteger();

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
	 * each nonce must be 6 to 64 alphanumeric characters and never repeat (characters
	 * other than letters and digits are refused)
	 */
	public TbaSigner(AccountId account, TbaCredentials credentials, Clock clock, @Nullable Supplier<String> nonces) {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(credentials, "credentials");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonces = nonces;
		String signingKey = encode(credentials.consumerSecret()) + "&" + encode(credentials.tokenSecret());
		this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.US_ASCII), ALGORITHM);
		this.consumerKey = encode(credentials.consumerKey());
		this.token = encode(credentials.tokenId());
		this.headerStart = ascii("OAuth realm=\"" + account.realm() + "\", oauth_consumer_key=\"" + this.consumerKey
				+ "\", oauth_token=\"" + this.token + "\", oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"");
		String consumerKeyParam = "oauth_consumer_key%3D" + encode(this.consumerKey);
		String tokenParam = "oauth_token%3D" + encode(this.token);
		this.oauthParams = new byte[][] { ascii(consumerKeyParam), ascii("oauth_nonce%3D"),
				ascii("oauth_signature_method%3DHMAC-SHA256"), ascii("oauth_timestamp%3D"), ascii(tokenParam),
				ascii("oauth_version%3D1.0") };
		this.oauthBlock = new byte[][] { ascii(consumerKeyParam + "%26oauth_nonce%3D"),
				ascii("%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D"),
				ascii("%26" + tokenParam + "%26oauth_version%3D1.0") };
		// One ready, which also shows now whether the JDK can sign.
		giveBack(newWorkspace());
	}

	/**
	 * Return the {@code Authorization} header value for a request, signed with a new
	 * nonce and the current time.
	 * @param method the HTTP method
	 * @param uri the URI exactly as it goes on the wire, query included
	 * @param formBody the body when it is {@code application/x-www-form-urlencoded},
	 * otherwise {@code null} (JSON and other bodies are not signed)
	 * @return the header value
	 */
	public String authorizationHeader(String method, URI uri, @Nullable String formBody) {
		Workspace workspace = borrow();
		try {
			return authorizationHeader(workspace, method, uri, formBody);
		}
		finally {
			giveBack(workspace);
		}
	}

	private String authorizationHeader(Workspace workspace, String method, URI uri, @Nullable String formBody) {
		if (this.nonces != null) {
			workspace.useNonce(this.nonces.get());
		}
		else {
			workspace.newNonce();
		}
		workspace.useTimestamp(this.clock.millis() / 1000);
		writeBaseString(workspace, method, uri, formBody);
		workspace.sign();
		// The header's constant start is written once per workspace: keep it, replace the rest.
		AsciiBuffer header = workspace.header;
		header.truncate(this.headerStart.length);
		header.write(workspace.oauthValues[TIMESTAMP]);
		header.write(HEADER_NONCE);
		header.write(workspace.oauthValues[NONCE]);
		header.write(HEADER_SIGNATURE);
		header.writeSignature(workspace.digest);
		header.write((byte) '"');
		return header.toString();
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
		Workspace workspace = borrow();
		try {
			workspace.useNonce(nonce);
			workspace.useTimestamp(Long.parseLong(timestamp));
			writeBaseString(workspace, method, uri, formBody);
			return workspace.text.toString();
		}
		finally {
			giveBack(workspace);
		}
	}

	/**
	 * Return the Base64 HMAC-SHA256 signature of a base string, before percent-encoding.
	 * @param baseString the base string
	 * @return the signature
	 */
	String signature(String baseString) {
		Workspace workspace = borrow();
		try {
			workspace.text.clear();
			workspace.text.writeAscii(baseString);
			workspace.sign();
			return Base64.getEncoder().encodeToString(workspace.digest);
		}
		finally {
			giveBack(workspace);
		}
	}

	/**
	 * Return how many workspaces this signer has set up so far.
	 * @return the number of workspaces
	 */
	int workspacesCreated() {
		return this.workspacesCreated.get();
	}

	private Workspace borrow() {
		int home = homeSlot();
		for (int probe = 0; probe < PROBES; probe++) {
			int slot = (home + probe) & (IDLE_SLOTS - 1);
			Workspace workspace = this.idle.get(slot);
			if (workspace != null && this.idle.compareAndSet(slot, workspace, null)) {
				return workspace;
			}
		}
		return newWorkspace();
	}

	private void giveBack(Workspace workspace) {
		int home = homeSlot();
		for (int probe = 0; probe < PROBES; probe++) {
			if (this.idle.compareAndSet((home + probe) & (IDLE_SLOTS - 1), null, workspace)) {
				return;
			}
		}
		// Every slot it may use is taken: more threads signed at once than usual.
	}

	@SuppressWarnings("deprecation") // Thread.threadId() is Java 19
	private static int homeSlot() {
		return (int) Thread.currentThread().getId() & (IDLE_SLOTS - 1);
	}

	private Workspace newWorkspace() {
		this.workspacesCreated.incrementAndGet();
		return new Workspace(this.key, encode(this.consumerKey), encode(this.token), this.headerStart);
	}

	private void writeBaseString(Workspace workspace, String method, URI uri, @Nullable String formBody) {
		Params params = workspace.params;
		params.clear();
		params.addAll(uri.getRawQuery());
		params.addAll(formBody);
		AsciiBuffer text = workspace.text;
		text.clear();
		// RFC 5849 §3.4.1.1: a custom method is encoded; the standard ones are letters.
		text.writeEncoded(method.toUpperCase(Locale.ROOT));
		text.write((byte) '&');
		writeEncodedBaseUri(workspace, text, uri);
		text.write((byte) '&');
		// Query and form parameters are sorted: the oauth_* ones go in among them.
		AsciiBuffer[] oauthValues = workspace.oauthValues;
		int next = 0;
		while (next < params.size && params.compare(next, OAUTH_NAMES[CONSUMER_KEY], oauthValues[CONSUMER_KEY]) < 0) {
			params.writeTo(text, next++);
			text.write(ENCODED_AMPERSAND);
		}
		if (next == params.size || params.compare(next, OAUTH_NAMES[VERSION], oauthValues[VERSION]) > 0) {
			// None sorts among the oauth_* ones: write them as one block, nonce and
			// timestamp (letters and digits, so encoding changes nothing) as they are.
			text.write(this.oauthBlock[0]);
			text.write(oauthValues[NONCE]);
			text.write(this.oauthBlock[1]);
			text.write(oauthValues[TIMESTAMP]);
			text.write(this.oauthBlock[2]);
		}
		else {
			next = mergeOAuthParams(workspace, text, next);
		}
		while (next < params.size) {
			text.write(ENCODED_AMPERSAND);
			params.writeTo(text, next++);
		}
	}

	// Some query or form parameters are named oauth_*: merge the oauth_* ones in, in order.
	private int mergeOAuthParams(Workspace workspace, AsciiBuffer text, int first) {
		Params params = workspace.params;
		int next = first;
		for (int oauth = 0; oauth < OAUTH_NAMES.length; oauth++) {
			AsciiBuffer value = workspace.oauthValues[oauth];
			while (next < params.size && params.compare(next, OAUTH_NAMES[oauth], value) < 0) {
				params.writeTo(text, next++);
				text.write(ENCODED_AMPERSAND);
			}
			text.write(this.oauthParams[oauth]);
			if (oauth == NONCE || oauth == TIMESTAMP) {
				// Letters and digits: encoding them changes nothing.
				text.write(value);
			}
			if (oauth < OAUTH_NAMES.length - 1) {
				text.write(ENCODED_AMPERSAND);
			}
		}
		return next;
	}

	private static void writeEncodedBaseUri(Workspace workspace, AsciiBuffer text, URI uri) {
		text.write(workspace.encodedOrigin(uri));
		String path = uri.getRawPath();
		text.writeEncoded((path == null || path.isEmpty()) ? "/" : path);
	}

	// "scheme://host[:port]" as it starts the base URI, encoded.
	private static byte[] encodeOrigin(String scheme, String host, int port) {
		AsciiBuffer origin = new AsciiBuffer(64);
		String lowerCaseScheme = scheme.toLowerCase(Locale.ROOT);
		origin.writeEncoded(lowerCaseScheme);
		origin.writeAscii("%3A%2F%2F");
		origin.writeEncoded(host.toLowerCase(Locale.ROOT));
		if (port != -1 && !(port == 80 && lowerCaseScheme.equals("http"))
				&& !(port == 443 && lowerCaseScheme.equals("https"))) {
			origin.writeAscii("%3A");
			origin.writeDigits(port);
		}
		return Arrays.copyOf(origin.bytes, origin.length);
	}

	/**
	 * Decode a query or form component (where {@code +} is a space) and encode it again
	 * the OAuth way. Components that are already canonical are returned as they are.
	 */
	static String normalize(String component) {
		return isCanonical(component, 0, component.length()) ? component : encode(decode(component));
	}

	private static String decode(String component) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
		for (int i = 0; i < component.length(); i++) {
			char c = component.charAt(i);
			if (c == '%') {
				if (i + 2 >= component.length()) {
					throw new IllegalArgumentException("Malformed percent-encoding in a query or form parameter");
				}
				bytes.write((hexValue(component, i + 1) << 4) | hexValue(component, i + 2));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else if (c < 0x80) {
				bytes.write(c);
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < component.length()) ? i + 2 : i + 1;
				bytes.writeBytes(component.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hexValue(String component, int index) {
		int value = Character.digit(component.charAt(index), 16);
		if (value == -1) {
			throw new IllegalArgumentException("Malformed percent-encoding in a query or form parameter");
		}
		return value;
	}

	/**
	 * Percent-encode a value as RFC 5849 §3.6 asks: UTF-8, unreserved characters as they
	 * are, everything else as {@code %XX} with upper-case hex.
	 * @param value the value
	 * @return the encoded value
	 */
	static String encode(String value) {
		AsciiBuffer encoded = new AsciiBuffer(value.length() + 16);
		encoded.writeEncoded(value);
		return encoded.toString();
	}

	private static boolean isCanonical(String value, int start, int end) {
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c >= 0x80 || !UNRESERVED[c]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Text known to be ASCII, such as a base string or a header, written as bytes into
	 * a buffer that grows as needed and is kept from one request to the next.
	 */
	private static final class AsciiBuffer {

		private byte[] bytes;

		private int length;

		AsciiBuffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		void clear() {
			this.length = 0;
		}

		void truncate(int length) {
			this.length = length;
		}

		void write(byte b) {
			ensureCapacity(1);
			this.bytes[this.length++] = b;
		}

		void write(byte[] source) {
			write(source, 0, source.length);
		}

		void write(byte[] source, int from, int to) {
			ensureCapacity(to - from);
			System.arraycopy(source, from, this.bytes, this.length, to - from);
			this.length += to - from;
		}

		void write(AsciiBuffer source) {
			write(source.bytes, 0, source.length);
		}

		void writeAscii(String value) {
			writeAscii(value, 0, value.length());
		}

		void writeAscii(String value, int from, int to) {
			ensureCapacity(to - from);
			byte[] bytes = this.bytes;
			int length = this.length;
			for (int i = from; i < to; i++) {
				bytes[length++] = (byte) value.charAt(i);
			}
			this.length = length;
		}

		void writeDigits(long value) {
			int digits = 1;
			for (long rest = value / 10; rest > 0; rest /= 10) {
				digits++;
			}
			ensureCapacity(digits);
			long rest = value;
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + rest % 10);
				rest /= 10;
			}
			this.length += digits;
		}

		/**
		 * Write an HMAC-SHA256 digest as the header shows it: Base64, then
		 * percent-encoded ({@code +}, {@code /} and {@code =}), in one pass rather than
		 * through {@link Base64} and a second loop over its output.
		 */
		void writeSignature(byte[] digest) {
			ensureCapacity(44 * 3);
			byte[] bytes = this.bytes;
			int length = this.length;
			for (int i = 0; i < 30; i += 3) {
				int bits = (digest[i] & 0xFF) << 16 | (digest[i + 1] & 0xFF) << 8 | (digest[i + 2] & 0xFF);
				length = writeEncodedAscii(bytes, length, BASE64[bits >>> 18]);
				length = writeEncodedAscii(bytes, length, BASE64[(bits >>> 12) & 0x3F]);
				length = writeEncodedAscii(bytes, length, BASE64[(bits >>> 6) & 0x3F]);
				length = writeEncodedAscii(bytes, length, BASE64[bits & 0x3F]);
			}
			// 32 bytes: the last two make three characters and one '=' of padding.
			int bits = (digest[30] & 0xFF) << 10 | (digest[31] & 0xFF) << 2;
			length = writeEncodedAscii(bytes, length, BASE64[bits >>> 12]);
			length = writeEncodedAscii(bytes, length, BASE64[(bits >>> 6) & 0x3F]);
			length = writeEncodedAscii(bytes, length, BASE64[bits & 0x3F]);
			length = writeEncodedAscii(bytes, length, '=');
			this.length = length;
		}

		void writeEncoded(String value) {
			ensureCapacity(value.length() * 3);
			// Locals, not fields, in the loops that make most of the base string.
			byte[] bytes = this.bytes;
			int length = this.length;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c < 0x80) {
					length = writeEncodedAscii(bytes, length, c);
				}
				else {
					this.length = length;
					i = writeEncodedNonAscii(value, i);
					bytes = this.bytes;
					length = this.length;
				}
			}
			this.length = length;
		}

		// Returns the index of the last character written: the low surrogate of a pair.
		private int writeEncodedNonAscii(String value, int index) {
			char c = value.charAt(index);
			int end = (Character.isHighSurrogate(c) && index + 1 < value.length()) ? index + 2 : index + 1;
			byte[] utf8 = value.substring(index, end).getBytes(StandardCharsets.UTF_8);
			// Up to 4 bytes, 12 characters, where room for 3 or 6 was made.
			ensureCapacity(utf8.length * 3);
			for (byte b : utf8) {
				writePercent(b & 0xFF);
			}
			return end - 1;
		}

		// Room must have been made for three bytes.
		private static int writeEncodedAscii(byte[] bytes, int length, int c) {
			if (UNRESERVED[c]) {
				bytes[length] = (byte) c;
				return length + 1;
			}
			bytes[length] = '%';
			bytes[length + 1] = HEX[c >> 4];
			bytes[length + 2] = HEX[c & 0xF];
			return length + 3;
		}

		private void writePercent(int b) {
			this.bytes[this.length++] = '%';
			this.bytes[this.length++] = HEX[b >> 4];
			this.bytes[this.length++] = HEX[b & 0xF];
		}

		private void ensureCapacity(int extra) {
			if (this.length + extra > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + extra));
			}
		}

		@Override
		public String toString() {
			return new String(this.bytes, 0, this.length, StandardCharsets.ISO_8859_1);
		}

	}

	/**
	 * Query and form parameters as they go into the base string, each one
	 * {@code name%3Dvalue} (decoded, encoded, then encoded again) in one buffer, kept
	 * sorted by name then value as they are added: a request has a handful, so insertion
	 * sort it is. RFC 5849 sorts the once-encoded form; encoding again only turns
	 * {@code %} into {@code %25}, which keeps that order, so the twice-encoded bytes are
	 * compared directly.
	 */
	private static final class Params {

		private final AsciiBuffer text = new AsciiBuffer(256);

		// Per parameter: start and end of the name, start and end of the value.
		private int[] bounds = new int[32];

		int size;

		void clear() {
			this.text.clear();
			this.size = 0;
		}

		// One pass: split on '&' and the first '=', noting whether the parameter is
		// already canonical (unreserved characters only), as it nearly always is.
		void addAll(@Nullable String encoded) {
			if (encoded == null) {
				return;
			}
			int length = encoded.length();
			int start = 0;
			int equals = -1;
			boolean canonical = true;
			for (int i = 0; i <= length; i++) {
				char c = (i < length) ? encoded.charAt(i) : '&';
				if (c == '&') {
					if (i > start) {
						add(encoded, start, equals, i, canonical);
					}
					start = i + 1;
					equals = -1;
					canonical = true;
				}
				else if (c == '=' && equals == -1) {
					equals = i;
				}
				else if (c >= 0x80 || !UNRESERVED[c]) {
					canonical = false;
				}
			}
		}

		private void add(String encoded, int start, int equals, int end, boolean canonical) {
			int nameEnd = (equals != -1) ? equals : end;
			int valueStart = (equals != -1) ? equals + 1 : end;
			AsciiBuffer text = this.text;
			int name = text.length;
			if (canonical) {
				// Encoding a canonical component changes nothing, once or twice.
				text.writeAscii(encoded, start, nameEnd);
			}
			else {
				text.writeEncoded(normalize(encoded.substring(start, nameEnd)));
			}
			int nameLimit = text.length;
			text.write(ENCODED_EQUALS);
			int value = text.length;
			if (canonical) {
				text.writeAscii(encoded, valueStart, end);
			}
			else {
				text.writeEncoded(normalize(encoded.substring(valueStart, end)));
			}
			insert(name, nameLimit, value, text.length);
		}

		private void insert(int nameStart, int nameEnd, int valueStart, int valueEnd) {
			if (this.bounds.length < (this.size + 1) * 4) {
				this.bounds = Arrays.copyOf(this.bounds, this.bounds.length * 2);
			}
			int index = this.size++;
			byte[] bytes = this.text.bytes;
			while (index > 0 && compare(index - 1, bytes, nameStart, nameEnd, bytes, valueStart, valueEnd) > 0) {
				System.arraycopy(this.bounds, (index - 1) * 4, this.bounds, index * 4, 4);
				index--;
			}
			this.bounds[index * 4] = nameStart;
			this.bounds[index * 4 + 1] = nameEnd;
			this.bounds[index * 4 + 2] = valueStart;
			this.bounds[index * 4 + 3] = valueEnd;
		}

		int compare(int index, byte[] name, AsciiBuffer value) {
			return compare(index, name, 0, name.length, value.bytes, 0, value.length);
		}

		// Encoded text is ASCII: comparing bytes orders it as String.compareTo would.
		private int compare(int index, byte[] name, int nameFrom, int nameTo, byte[] value, int valueFrom,
				int valueTo) {
			int at = index * 4;
			byte[] bytes = this.text.bytes;
			int byName = compareBytes(bytes, this.bounds[at], this.bounds[at + 1], name, nameFrom, nameTo);
			return (byName != 0) ? byName
					: compareBytes(bytes, this.bounds[at + 2], this.bounds[at + 3], value, valueFrom, valueTo);
		}

		// Names differ within a few letters: a plain loop beats Arrays.compare's set-up.
		private static int compareBytes(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
			int common = Math.min(aTo - aFrom, bTo - bFrom);
			for (int i = 0; i < common; i++) {
				int difference = a[aFrom + i] - b[bFrom + i];
				if (difference != 0) {
					return difference;
				}
			}
			return (aTo - aFrom) - (bTo - bFrom);
		}

		// "name%3Dvalue" lie together in the buffer.
		void writeTo(AsciiBuffer target, int index) {
			target.write(this.text.bytes, this.bounds[index * 4], this.bounds[index * 4 + 3]);
		}

	}

	/**
	 * What one thread needs to sign: {@link Mac} and the random source are not meant to
	 * be shared, and keeping the buffers avoids allocating them per request.
	 */
	private static final class Workspace {

		private final Mac mac;

		private final SecureRandom random = newRandom();

		private final byte[] randomBytes = new byte[RANDOM_BUFFER_SIZE];

		private int randomIndex = RANDOM_BUFFER_SIZE;

		// Values of the oauth_* parameters as in the base string (encoded twice), in order.
		final AsciiBuffer[] oauthValues = new AsciiBuffer[OAUTH_NAMES.length];

		final Params params = new Params();

		// The base string.
		final AsciiBuffer text = new AsciiBuffer(512);

		// The Unix seconds written in oauthValues[TIMESTAMP].
		private long seconds = Long.MIN_VALUE;

		// The header, its first part written once.
		final AsciiBuffer header = new AsciiBuffer(512);

		final byte[] digest = new byte[32];

		// The encoded origin of the last request and what it was made from: a client
		// sends to one host, so only the path is encoded on every request.
		private @Nullable String originScheme;

		private @Nullable String originHost;

		private int originPort;

		private byte[] encodedOrigin = new byte[0];


		Workspace(SecretKeySpec key, String encodedConsumerKey, String encodedToken, byte[] headerStart) {
			try {
				this.mac = Mac.getInstance(ALGORITHM);
				this.mac.init(key);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
			}
			this.oauthValues[CONSUMER_KEY] = asciiBuffer(encodedConsumerKey);
			this.oauthValues[NONCE] = new AsciiBuffer(64);
			this.oauthValues[SIGNATURE_METHOD] = asciiBuffer("HMAC-SHA256");
			this.oauthValues[TIMESTAMP] = new AsciiBuffer(20);
			this.oauthValues[TOKEN] = asciiBuffer(encodedToken);
			this.oauthValues[VERSION] = asciiBuffer("1.0");
			this.header.write(headerStart);
		}

		private static AsciiBuffer asciiBuffer(String value) {
			AsciiBuffer buffer = new AsciiBuffer(value.length());
			buffer.writeAscii(value);
			return buffer;
		}

		/**
		 * A DRBG (NIST SP 800-90A; Hash_DRBG with SHA-256 unless configured otherwise)
		 * seeded once. The default NativePRNG locks and reads {@code /dev/urandom} on
		 * every call, for every thread.
		 */
		private static SecureRandom newRandom() {
			try {
				return SecureRandom.getInstance("DRBG");
			}
			catch (NoSuchAlgorithmException ex) {
				return new SecureRandom();
			}
		}

		void newNonce() {
			if (this.randomIndex == this.randomBytes.length) {
				this.random.nextBytes(this.randomBytes);
				this.randomIndex = 0;
			}
			AsciiBuffer nonce = this.oauthValues[NONCE];
			nonce.clear();
			nonce.ensureCapacity(NONCE_LENGTH);
			byte[] chars = nonce.bytes;
			byte[] random = this.randomBytes;
			int from = this.randomIndex;
			// Three times: 40 bits, 8 characters.
			for (int group = 0; group < 3; group++) {
				long bits = 0;
				for (int i = 0; i < 5; i++) {
					bits = (bits << 8) | (random[from++] & 0xFF);
				}
				for (int i = 7; i >= 0; i--) {
					chars[group * 8 + i] = NONCE_ALPHABET[(int) bits & 0x1F];
					bits >>>= 5;
				}
			}
			this.randomIndex = from;
			nonce.length = NONCE_LENGTH;
		}

		// Letters and digits only: NetSuite refuses anything else, and the header shows
		// the nonce as it is.
		void useNonce(String nonce) {
			if (nonce.isEmpty() || !nonce.chars().allMatch(Workspace::isAlphanumeric)) {
				throw new IllegalArgumentException("A nonce must be letters and digits only");
			}
			this.oauthValues[NONCE].clear();
			this.oauthValues[NONCE].writeAscii(nonce);
		}

		private static boolean isAlphanumeric(int c) {
			return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		}

		byte[] encodedOrigin(URI uri) {
			String scheme = uri.getScheme();
			String host = uri.getHost();
			int port = uri.getPort();
			if (port != this.originPort || !host.equals(this.originHost) || !scheme.equals(this.originScheme)) {
				this.encodedOrigin = encodeOrigin(scheme, host, port);
				this.originScheme = scheme;
				this.originHost = host;
				this.originPort = port;
			}
			return this.encodedOrigin;
		}

		void useTimestamp(long seconds) {
			// Within the second of the last request the digits are already there.
			if (seconds != this.seconds) {
				this.oauthValues[TIMESTAMP].clear();
				this.oauthValues[TIMESTAMP].writeDigits(seconds);
				this.seconds = seconds;
			}
		}

		void sign() {
			this.mac.update(this.text.bytes, 0, this.text.length);
			try {
				this.mac.doFinal(this.digest, 0);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
