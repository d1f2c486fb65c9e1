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
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Random requests to sign, each made from a seed so that a failure can be replayed: every
 * standard and some custom methods, scheme and host in any case, default and other ports,
 * paths and queries with reserved, pre-encoded (lower-case hex too) and non-ASCII
 * characters of every UTF-8 width, up to 40 query parameters (repeated names, empty
 * values, names without {@code =}, {@code +}), form bodies, and credentials with reserved
 * and non-ASCII characters. Every request is valid: a signer must sign it.
 */
final class RandomRequests {

	private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String UNRESERVED = ALPHANUMERIC + "-._~";

	// RFC 9110 tchar, letters and digits aside.
	private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

	private static final String[] HOSTS = { "1234567.suitetalk.api.netsuite.com",
			"1234567-sb1.restlets.api.netsuite.com", "tstdrv123456.app.netsuite.com", "localhost", "a.example",
			"127.0.0.1" };

	// Reserved characters a path segment may hold as they are (RFC 3986 pchar).
	private static final String PATH_RESERVED = "!$&'()*+,;=:@";

	// Reserved characters a query parameter may hold as they are: not '&', '=' or '#'.
	private static final String QUERY_RESERVED = "!$'()*+,;:@/?";

	// Characters a form body may hold besides escapes: anything but '&', '=' and '%'.
	private static final String FORM_LITERAL = " !\"#$'()*+,-./:;<>?@[\\]^_`{|}~";

	// Characters for credentials: reserved ones included.
	private static final String SECRET_RESERVED = "&=+%/?# \"',;";

	private static final char[] HEX = "0123456789ABCDEFabcdef".toCharArray();

	private RandomRequests() {
	}

	static Request request(long seed) {
		Random random = new Random(seed);
		String method = method(random);
		String scheme = randomCase(random, random.nextBoolean() ? "https" : "http");
		StringBuilder uri = new StringBuilder(scheme).append("://").append(randomCase(random, pick(random, HOSTS)));
		uri.append(port(random, scheme));
		uri.append(path(random));
		if (random.nextInt(5) != 0) {
			uri.append('?').append(parameters(random, random.nextInt(41), RandomRequests::queryCharacter));
		}
		if (random.nextInt(10) == 0) {
			uri.append("#fragment");
		}
		String formBody = (random.nextInt(3) == 0)
				? parameters(random, random.nextInt(21), RandomRequests::formCharacter) : null;
		String realm = realm(random);
		return new Request(method, parse(uri.toString()), formBody, realm, secret(random), secret(random),
				secret(random), secret(random), nonce(random), 1_000_000_000L + random.nextInt(1_000_000_000));
	}

	private static String method(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> pick(random, METHODS);
			case 1 -> randomCase(random, pick(random, METHODS));
			default -> {
				StringBuilder token = new StringBuilder();
				for (int i = random.nextInt(8) + 1; i > 0; i--) {
					token.append(pick(random, ALPHANUMERIC + TOKEN_PUNCTUATION));
				}
				yield token.toString();
			}
		};
	}

	private static String port(Random random, String scheme) {
		boolean https = scheme.equalsIgnoreCase("https");
		return switch (random.nextInt(4)) {
			case 0 -> "";
			case 1 -> https ? ":443" : ":80";
			case 2 -> https ? ":80" : ":443";
			default -> ":" + (random.nextInt(65535) + 1);
		};
	}

	private static String path(Random random) {
		if (random.nextInt(6) == 0) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (int segment = random.nextInt(7); segment >= 0; segment--) {
			path.append('/');
			for (int i = random.nextInt(11); i > 0; i--) {
				append(path, switch (random.nextInt(5)) {
					case 0 -> String.valueOf(pick(random, PATH_RESERVED));
					case 1 -> escape(random);
					case 2 -> nonAscii(random);
					default -> String.valueOf(pick(random, UNRESERVED));
				});
			}
		}
		return path.toString();
	}

	private static String parameters(Random random, int count, CharacterSource characters) {
		List<String> names = new ArrayList<>();
		StringBuilder parameters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				parameters.append((random.nextInt(20) == 0) ? "&&" : "&");
			}
			String name = switch (random.nextInt(12)) {
				case 0 -> (names.isEmpty()) ? "a" : names.get(random.nextInt(names.size()));
				case 1 -> "oauth_signature";
				case 2 -> "realm";
				case 3 -> "oauth_" + text(random, 4, characters);
				default -> text(random, 8, characters);
			};
			names.add(name);
			parameters.append(name);
			if (random.nextInt(7) != 0) {
				parameters.append('=').append((random.nextInt(8) == 0) ? "" : text(random, 12, characters));
			}
		}
		return parameters.toString();
	}

	private static String text(Random random, int maxLength, CharacterSource characters) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(maxLength) + 1; i > 0; i--) {
			append(text, characters.next(random));
		}
		return text.toString();
	}

	// NFC, which the wire form of a URI goes through, would compose a combining mark with
	// the hex digit of an escape before it ("%ae\u0301" is "%a\u00e9"), making the URI
	// malformed: keep them apart.
	private static void append(StringBuilder text, String piece) {
		int length = text.length();
		if (piece.charAt(0) >= 0x80 && length >= 3 && text.charAt(length - 3) == '%') {
			text.append('-');
		}
		text.append(piece);
	}

	private static String queryCharacter(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> String.valueOf(pick(random, QUERY_RESERVED));
			case 1 -> escape(random);
			case 2 -> pick(random, new String[] { "%26", "%3D", "%2B", "%25", "%20", "%2b", "+" });
			case 3 -> nonAscii(random);
			default -> String.valueOf(pick(random, UNRESERVED));
		};
	}

	private static String formCharacter(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> String.valueOf(pick(random, FORM_LITERAL));
			case 1 -> escape(random);
			case 2 -> nonAscii(random);
			default -> String.valueOf(pick(random, UNRESERVED));
		};
	}

	// Any byte, so not always UTF-8 once decoded, in upper- or lower-case hex.
	private static String escape(Random random) {
		int b = random.nextInt(256);
		return "%" + HEX[(b >> 4) + ((b >> 4 >= 10 && random.nextBoolean()) ? 6 : 0)]
				+ HEX[(b & 0xF) + (((b & 0xF) >= 10 && random.nextBoolean()) ? 6 : 0)];
	}

	/**
	 * A character of 2, 3 or 4 UTF-8 bytes (a surrogate pair for 4), printable as a URI
	 * allows it and NFC keeps it, or now and then a letter and a combining mark, which NFC
	 * composes.
	 */
	private static String nonAscii(Random random) {
		if (random.nextInt(10) == 0) {
			return "e\u0301";
		}
		while (true) {
			int codePoint = switch (random.nextInt(3)) {
				case 0 -> 0xA1 + random.nextInt(0x800 - 0xA1);
				case 1 -> 0x800 + random.nextInt(0x10000 - 0x800);
				default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
			};
			if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
				String character = new String(Character.toChars(codePoint));
				// Not one that NFC maps to another, such as U+1FEF to '`', not allowed in a URI.
				if (!Character.isSpaceChar(codePoint) && !Character.isISOControl(codePoint)
						&& Normalizer.isNormalized(character, Normalizer.Form.NFC)) {
					return character;
				}
			}
		}
	}

	private static String realm(Random random) {
		String number = String.valueOf(1_000 + random.nextInt(9_999_000));
		return switch (random.nextInt(4)) {
			case 0 -> number + "_SB" + (random.nextInt(3) + 1);
			case 1 -> number + "_RP";
			case 2 -> "TSTDRV" + number;
			default -> number;
		};
	}

	private static String secret(Random random) {
		StringBuilder secret = new StringBuilder();
		for (int i = random.nextInt(24) + 1; i > 0; i--) {
			secret.append(switch (random.nextInt(4)) {
				case 0 -> String.valueOf(pick(random, SECRET_RESERVED));
				case 1 -> nonAscii(random);
				default -> String.valueOf(pick(random, ALPHANUMERIC));
			});
		}
		return secret.toString();
	}

	private static String nonce(Random random) {
		StringBuilder nonce = new StringBuilder();
		for (int i = 6 + random.nextInt(59); i > 0; i--) {
			nonce.append(pick(random, ALPHANUMERIC));
		}
		return nonce.toString();
	}

	private static String randomCase(Random random, String value) {
		StringBuilder result = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			result.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		return result.toString();
	}

	private static char pick(Random random, String characters) {
		return characters.charAt(random.nextInt(characters.length()));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static URI parse(String uri) {
		try {
			return new URI(uri);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The generator made an invalid URI: " + uri, ex);
		}
	}

	@FunctionalInterface
	private interface CharacterSource {

		String next(Random random);

	}

	/**
	 * A request and everything needed to sign it reproducibly.
	 */
	record Request(String method, URI uri, @Nullable String formBody, String realm, String consumerKey,
			String consumerSecret, String tokenId, String tokenSecret, String nonce, long timestamp) {

		TbaSigner signer() {
			return new TbaSigner(AccountId.of(this.realm),
					new TbaCredentials(this.consumerKey, this.consumerSecret, this.tokenId, this.tokenSecret),
					Clock.fixed(Instant.ofEpochSecond(this.timestamp), ZoneOffset.UTC), this::nonce);
		}

		String header() {
			return signer().authorizationHeader(this.method, this.uri, this.formBody);
		}

		String baseString() {
			return signer().baseString(this.method, this.uri, this.formBody, this.nonce,
					String.valueOf(this.timestamp));
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri + ((this.formBody != null) ? " form " + this.formBody : "")
					+ " realm " + this.realm + " ck " + this.consumerKey + " cs " + this.consumerSecret + " tk "
					+ this.tokenId + " ts " + this.tokenSecret + " nonce " + this.nonce + " at " + this.timestamp;
		}

	}

}
