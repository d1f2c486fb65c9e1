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
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Reads the private key of NetSuite's OAuth 2.0 client credentials from PEM text, telling
 * apart what users paste instead of it. Takes PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}), which Spring Boot's PEM
 * support decodes; newlines may have arrived as the two characters {@code \n} (as
 * environment variables carry them) or as CRLF, and lines may have any length. No message
 * ever quotes the text.
 *
 * @author NetSuite Spring Boot team
 */
final class PemPrivateKeys {

	static final String KEY_SOURCE = "the PEM private key whose certificate was uploaded in Setup > Integration > "
			+ "Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup (the .key file openssl wrote beside the "
			+ ".crt), as PEM text or a file: or classpath: location";

	private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");

	private static final Pattern HEADER_LINE = Pattern.compile("(?m)^[A-Za-z-]+:.*$");

	private static final Pattern BASE64_ONLY = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

	private static final List<String> PRIVATE_KEY_LABELS = List.of("PRIVATE KEY", "RSA PRIVATE KEY",
			"EC PRIVATE KEY");

	private PemPrivateKeys() {
	}

	/**
	 * Read the private key from the value of its property.
	 * @param value PEM text, or a resource location such as {@code file:} or
	 * {@code classpath:} of it
	 * @param prefix the account's key prefix, for the keys that advice names
	 * @return the key
	 * @throws UnreadableKeyException saying why the value is not a usable private key
	 */
	static PrivateKey load(String value, String prefix) throws UnreadableKeyException {
		String text = value.strip();
		if (!isPem(text)) {
			if (BASE64_ONLY.matcher(text).matches()) {
				throw notPem(text);
			}
			try (InputStream in = new DefaultResourceLoader().getResource(text).getInputStream()) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException | RuntimeException ex) {
				throw new UnreadableKeyException("cannot be read (" + ex.getClass().getSimpleName() + ")",
						"give PEM text, or a file: or classpath: location the application can read");
			}
		}
		return read(text, prefix);
	}

	/**
	 * Return whether the value is PEM text rather than where to read it.
	 */
	static boolean isPem(String value) {
		return value.contains("-----BEGIN ");
	}

	/**
	 * Return the text with newlines that arrived as {@code \n}, {@code \r\n} or CRLF made
	 * plain newlines, and without surrounding whitespace.
	 */
	static String normalize(String text) {
		// Base64 and PEM labels have no backslash, so none of these can be part of a key.
		return text.replace("\\r\\n", "\n")
			.replace("\\n", "\n")
			.replace("\\r", "\n")
			.replace("\r\n", "\n")
			.replace('\r', '\n')
			.strip();
	}

	/**
	 * Read the private key from PEM text.
	 * @param text the PEM text
	 * @param prefix the account's key prefix, for the keys that advice names
	 * @return the key
	 * @throws UnreadableKeyException saying why the text is not a usable private key
	 */
	static PrivateKey read(String text, String prefix) throws UnreadableKeyException {
		String pem = normalize(text);
		List<String> labels = new ArrayList<>();
		Matcher begin = BEGIN.matcher(pem);
		while (begin.find()) {
			labels.add(begin.group(1));
		}
		if (labels.isEmpty()) {
			throw notPem(pem);
		}
		if (labels.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
			throw new UnreadableKeyException("is an encrypted private key, which cannot be used without its password",
					"decrypt it first, e.g. 'openssl pkcs8 -topk8 -nocrypt -in encrypted.key -out netsuite-m2m.key', "
							+ "and give the decrypted key");
		}
		String label = labels.stream().filter(PRIVATE_KEY_LABELS::contains).findFirst().orElse(null);
		if (label == null) {
			throw notAPrivateKey(labels, prefix);
		}
		Matcher block = Pattern
			.compile("-----BEGIN " + label + "-----(.*?)-----END " + label + "-----", Pattern.DOTALL)
			.matcher(pem);
		if (!block.find()) {
			throw new UnreadableKeyException("has a '-----BEGIN " + label + "-----' line but no matching '-----END "
					+ label + "-----' line: the value was cut short or its lines were mixed up",
					"give the whole PEM text, from its BEGIN line to its END line");
		}
		byte[] der;
		try {
			der = Base64.getDecoder().decode(HEADER_LINE.matcher(block.group(1)).replaceAll("").replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw damaged(label, "is not valid base64");
		}
		PrivateKey key;
		try {
			// Spring Boot's parser turns PKCS#1 and SEC1 into PKCS#8 for the JDK.
			key = PemContent.of(render(label, der)).getPrivateKey();
		}
		catch (RuntimeException ex) {
			key = null;
		}
		if (key == null) {
			throw damaged(label, "does not decode as an RSA or EC private key");
		}
		return key;
	}

	// Spring Boot's parser wants lines of 64 characters at most.
	private static String render(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

	private static UnreadableKeyException notPem(String text) {
		if (BASE64_ONLY.matcher(text).matches()) {
			return new UnreadableKeyException(
					"is not a PEM private key: it looks like base64 without the '-----BEGIN PRIVATE KEY-----' and "
							+ "'-----END PRIVATE KEY-----' lines",
					"give the whole PEM text, BEGIN and END lines included");
		}
		return new UnreadableKeyException("is not a PEM private key: it has no '-----BEGIN PRIVATE KEY-----' line",
				"give the PEM text of the key, or a file: or classpath: location of it");
	}

	private static UnreadableKeyException notAPrivateKey(List<String> labels, String prefix) {
		if (labels.contains("CERTIFICATE")) {
			return new UnreadableKeyException(
					"holds a certificate ('-----BEGIN CERTIFICATE-----'), not the private key",
					"give the private key the certificate was made with instead; the certificate itself belongs in "
							+ prefix + "oauth2.certificate, which is read for its expiry only");
		}
		if (labels.stream().anyMatch((label) -> label.endsWith("PUBLIC KEY"))) {
			return new UnreadableKeyException("holds a public key, not the private key",
					"give the private key of the pair");
		}
		String found = labels.get(0);
		String convert;
		if (found.contains("OPENSSH")) {
			convert = "convert a copy of it to PKCS#8 with 'ssh-keygen -p -N \"\" -m PKCS8 -f key-copy', or make "
					+ "the key and certificate with openssl";
		}
		else if (found.contains("PRIVATE KEY")) {
			convert = "give an RSA or EC key; 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out netsuite-m2m.key' "
					+ "writes one as PKCS#8";
		}
		else {
			convert = "give the PEM private key";
		}
		return new UnreadableKeyException("is not a PEM private key NetSuite takes (it holds '-----BEGIN " + found
				+ "-----'; RSA or EC keys as PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY are taken)", convert);
	}

	private static UnreadableKeyException damaged(String label, String what) {
		return new UnreadableKeyException(
				"is a '" + label + "' PEM block whose content " + what + ": it was damaged or cut short in copying",
				"copy the key file again, whole");
	}

	/**
	 * Why a value is not a usable private key: what it is, and what to do. Never the value.
	 */
	static final class UnreadableKeyException extends Exception {

		private final String reason;

		private final String advice;

		UnreadableKeyException(String reason, String advice) {
			super(reason, null, false, false);
			this.reason = reason;
			this.advice = advice;
		}

		/**
		 * What is wrong, to follow the property's key.
		 */
		String reason() {
			return this.reason;
		}

		/**
		 * What to do about it.
		 */
		String advice() {
			return this.advice;
		}

	}

}
