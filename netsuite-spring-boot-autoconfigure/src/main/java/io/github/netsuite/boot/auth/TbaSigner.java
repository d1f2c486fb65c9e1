package io.github.netsuite.boot.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs requests for NetSuite's token-based authentication: OAuth 1.0a (RFC 5849) with
 * HMAC-SHA256, the realm in the header but not in the base string, every query parameter
 * (and form body parameter) signed as sent, a fresh nonce and timestamp on every call.
 * <p>
 * Thread-safe. Each thread keeps its own {@link Mac}, random source and buffers, so the
 * per-request path shares no mutable state and sets nothing up again.
 *
 * @author NetSuite Spring Boot team
 */
public final class TbaSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int NONCE_LENGTH = 24;

	private static final char[] NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final Clock clock;

	private final @Nullable Supplier<String> nonces;

	private final SecretKeySpec key;

	private final Param consumerKeyParam;

	private final Param tokenParam;

	private final String headerStart;

	private final ThreadLocal<Workspace> workspaces;

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
	 * each nonce must be 6 to 64 alphanumeric characters and never repeat
	 */
	public TbaSigner(AccountId account, TbaCredentials credentials, Clock clock, @Nullable Supplier<String> nonces) {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(credentials, "credentials");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.nonces = nonces;
		String signingKey = encode(credentials.consumerSecret()) + "&" + encode(credentials.tokenSecret());
		this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.US_ASCII), ALGORITHM);
		this.consumerKeyParam = new Param("oauth_consumer_key", encode(credentials.consumerKey()));
		this.tokenParam = new Param("oauth_token", encode(credentials.tokenId()));
		this.headerStart = "OAuth realm=\"" + account.realm() + "\", oauth_consumer_key=\"" + this.consumerKeyParam.value
				+ "\", oauth_token=\"" + this.tokenParam.value
				+ "\", oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"";
		this.workspaces = ThreadLocal.withInitial(() -> new Workspace(this.key));
		this.workspaces.get();
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
		Workspace workspace = this.workspaces.get();
		String nonce = (this.nonces != null) ? this.nonces.get() : workspace.nonce();
		String timestamp = Long.toString(this.clock.millis() / 1000);
		String baseString = baseString(workspace.text, method, uri, formBody, nonce, timestamp);
		String signature = workspace.sign(baseString);
		StringBuilder header = workspace.text;
		header.setLength(0);
		header.append(this.headerStart)
			.append(timestamp)
			.append("\", oauth_nonce=\"")
			.append(nonce)
			.append("\", oauth_version=\"1.0\", oauth_signature=\"");
		appendEncoded(header, signature);
		return header.append('"').toString();
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
		return baseString(new StringBuilder(512), method, uri, formBody, nonce, timestamp);
	}

	/**
	 * Return the Base64 HMAC-SHA256 signature of a base string, before percent-encoding.
	 * @param baseString the base string
	 * @return the signature
	 */
	String signature(String baseString) {
		return this.workspaces.get().sign(baseString);
	}

	private String baseString(StringBuilder text, String method, URI uri, @Nullable String formBody, String nonce,
			String timestamp) {
		List<Param> params = new ArrayList<>(12);
		params.add(this.consumerKeyParam);
		params.add(new Param("oauth_nonce", encode(nonce)));
		params.add(new Param("oauth_signature_method", "HMAC-SHA256"));
		params.add(new Param("oauth_timestamp", timestamp));
		params.add(this.tokenParam);
		params.add(new Param("oauth_version", "1.0"));
		addParams(params, uri.getRawQuery());
		addParams(params, formBody);
		Collections.sort(params);
		text.setLength(0);
		text.append(method.toUpperCase(Locale.ROOT)).append('&');
		appendEncodedBaseUri(text, uri);
		text.append('&');
		for (int i = 0; i < params.size(); i++) {
			Param param = params.get(i);
			if (i > 0) {
				text.append("%26");
			}
			appendEncoded(text, param.name);
			text.append("%3D");
			appendEncoded(text, param.value);
		}
		return text.toString();
	}

	private static void appendEncodedBaseUri(StringBuilder text, URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		text.append(scheme).append("%3A%2F%2F");
		appendEncoded(text, uri.getHost().toLowerCase(Locale.ROOT));
		int port = uri.getPort();
		if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
			text.append("%3A").append(port);
		}
		String path = uri.getRawPath();
		appendEncoded(text, (path == null || path.isEmpty()) ? "/" : path);
	}

	private static void addParams(List<Param> params, @Nullable String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		int start = 0;
		while (start <= encoded.length()) {
			int end = encoded.indexOf('&', start);
			if (end == -1) {
				end = encoded.length();
			}
			if (end > start) {
				int equals = encoded.indexOf('=', start);
				boolean hasValue = equals != -1 && equals < end;
				String name = normalize(encoded.substring(start, hasValue ? equals : end));
				String value = hasValue ? normalize(encoded.substring(equals + 1, end)) : "";
				params.add(new Param(name, value));
			}
			start = end + 1;
		}
	}

	/**
	 * Decode a query or form component (where {@code +} is a space) and encode it again
	 * the OAuth way. Components that are already canonical are returned as they are.
	 */
	static String normalize(String component) {
		for (int i = 0; i < component.length(); i++) {
			if (!isUnreserved(component.charAt(i))) {
				return encode(decode(component));
			}
		}
		return component;
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
		StringBuilder encoded = new StringBuilder(value.length() + 16);
		appendEncoded(encoded, value);
		return encoded.toString();
	}

	private static void appendEncoded(StringBuilder target, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (isUnreserved(c)) {
				target.append(c);
			}
			else if (c < 0x80) {
				appendPercent(target, c);
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < value.length()) ? i + 2 : i + 1;
				for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
					appendPercent(target, b & 0xFF);
				}
				i = end - 1;
			}
		}
	}

	private static void appendPercent(StringBuilder target, int b) {
		target.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	/**
	 * A name and value pair, both already encoded, in base string order.
	 */
	private record Param(String name, String value) implements Comparable<Param> {

		@Override
		public int compareTo(Param other) {
			int byName = this.name.compareTo(other.name);
			return (byName != 0) ? byName : this.value.compareTo(other.value);
		}

	}

	/**
	 * What one thread needs to sign: {@link Mac} and {@link SecureRandom} are not meant to
	 * be shared, and keeping the buffers avoids allocating them per request.
	 */
	private static final class Workspace {

		private final Mac mac;

		private final SecureRandom random = new SecureRandom();

		private final StringBuilder text = new StringBuilder(512);

		private final byte[] digest = new byte[32];

		private final byte[] base64 = new byte[44];

		private final byte[] randomBytes = new byte[NONCE_LENGTH + 8];

		private final char[] nonce = new char[NONCE_LENGTH];

		private byte[] input = new byte[512];

		Workspace(SecretKeySpec key) {
			try {
				this.mac = Mac.getInstance(ALGORITHM);
				this.mac.init(key);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
			}
		}

		String sign(String baseString) {
			int length = baseString.length();
			if (this.input.length < length) {
				this.input = new byte[Math.max(length, this.input.length * 2)];
			}
			// The base string is all percent-encoded ASCII.
			for (int i = 0; i < length; i++) {
				this.input[i] = (byte) baseString.charAt(i);
			}
			this.mac.update(this.input, 0, length);
			try {
				this.mac.doFinal(this.digest, 0);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			Base64.getEncoder().encode(this.digest, this.base64);
			return new String(this.base64, StandardCharsets.US_ASCII);
		}

		String nonce() {
			int filled = 0;
			while (filled < NONCE_LENGTH) {
				this.random.nextBytes(this.randomBytes);
				for (int i = 0; i < this.randomBytes.length && filled < NONCE_LENGTH; i++) {
					int value = this.randomBytes[i] & 0xFF;
					// 248 is the largest multiple of 62 below 256: no bias towards any letter.
					if (value < 248) {
						this.nonce[filled++] = NONCE_ALPHABET[value % NONCE_ALPHABET.length];
					}
				}
			}
			return new String(this.nonce);
		}

	}

}
