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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.netsuite.boot.auth.Keys;
import io.github.netsuite.boot.autoconfigure.InvalidNetSuitePropertiesException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for reading {@code netsuite.oauth2.private-key} ({@link PemPrivateKeys} through
 * {@link NetSuitePropertiesValidation} and {@link PropertiesNetSuiteConnectionDetails}): the
 * forms a key arrives in, and what users paste instead of it.
 */
class PemPrivateKeysTests {

	static final String KEY = "netsuite.oauth2.private-key";

	static final String M2M_SETUP = "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials "
			+ "(M2M) Setup";

	@TempDir
	Path directory;

	@Test
	void readsAKeyWhoseNewlinesArrivedAsBackslashN() {
		KeyPair keys = Keys.ec("secp384r1");
		String escaped = Keys.pem(keys).replace("\n", "\\n");
		assertThat(escaped).doesNotContain("\n");
		assertThat(read(escaped).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
	}

	@Test
	void readsAKeyWithCrlfAndSurroundingWhitespace() {
		KeyPair keys = Keys.rsa();
		String crlf = " \t\r\n" + Keys.pem(keys).replace("\n", "\r\n") + "\r\n  ";
		assertThat(read(crlf).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
	}

	@Test
	void readsAKeyFromAFileWhoseNewlinesArrivedAsBackslashN() throws IOException {
		KeyPair keys = Keys.ec();
		Path file = this.directory.resolve("netsuite-m2m.key");
		Files.writeString(file, Keys.pem(keys).replace("\n", "\\r\\n"));
		assertThat(read(file.toUri().toString()).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
	}

	@ParameterizedTest
	@CsvSource({ "RSA PRIVATE KEY, genrsa -traditional 2048", "EC PRIVATE KEY, ecparam -name prime256v1 -genkey -noout",
			"EC PRIVATE KEY, ecparam -name secp384r1 -genkey -noout",
			"EC PRIVATE KEY, ecparam -name secp521r1 -genkey -noout" })
	void readsTheTraditionalKeysOpensslWritesByDefault(String label, String command) throws Exception {
		Path file = this.directory.resolve("traditional.key");
		String traditional = openssl(command.split(" "));
		assertThat(traditional).startsWith("-----BEGIN " + label + "-----");
		Files.writeString(file, traditional);
		// openssl's own PKCS#8 of the same key, read by the JDK alone.
		String pkcs8 = openssl("pkcs8", "-topk8", "-nocrypt", "-in", file.toString());
		PrivateKey expected = jdk(pkcs8, label.startsWith("RSA") ? "RSA" : "EC");
		PrivateKey key = read(traditional);
		if (expected instanceof RSAPrivateKey rsa) {
			assertThat(((RSAPrivateKey) key).getModulus()).isEqualTo(rsa.getModulus());
			assertThat(((RSAPrivateKey) key).getPrivateExponent()).isEqualTo(rsa.getPrivateExponent());
		}
		else {
			assertThat(((ECPrivateKey) key).getS()).isEqualTo(((ECPrivateKey) expected).getS());
			assertThat(((ECPrivateKey) key).getParams().getOrder())
				.isEqualTo(((ECPrivateKey) expected).getParams().getOrder());
		}
	}

	@Test
	void tellsAnEncryptedKeyApartAndSaysHowToDecryptIt() throws Exception {
		Path file = this.directory.resolve("plain.key");
		Files.writeString(file, Keys.pem(Keys.ec()));
		String encrypted = openssl("pkcs8", "-topk8", "-in", file.toString(), "-passout", "pass:secret");
		assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		Problem problem = problem(encrypted);
		assertThat(problem.reason()).startsWith("is an encrypted private key");
		assertThat(problem.action()).contains(KEY + " (NETSUITE_OAUTH2_PRIVATE_KEY): decrypt it first",
				"openssl pkcs8 -topk8 -nocrypt", M2M_SETUP);
		assertThat(problem.toString() + problem.action()).satisfies(showsNoPartOf(encrypted));
	}

	@Test
	void tellsALegacyEncryptedRsaKeyApart() throws Exception {
		String encrypted = openssl("genrsa", "-traditional", "-aes256", "-passout", "pass:secret", "2048");
		assertThat(encrypted).contains("Proc-Type: 4,ENCRYPTED");
		assertThat(problem(encrypted).reason()).startsWith("is an encrypted private key");
	}

	@Test
	void tellsACertificatePastedInsteadOfTheKeyApart() throws IOException {
		String certificate;
		try (var in = getClass().getResourceAsStream("/m2m-test-certificate.pem")) {
			certificate = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		for (String value : List.of(certificate, certificate.replace("\n", "\\n"),
				"classpath:m2m-test-certificate.pem")) {
			Problem problem = problem(value);
			assertThat(problem.reason()).isEqualTo("holds a certificate ('-----BEGIN CERTIFICATE-----'), not the "
					+ "private key");
			assertThat(problem.action()).contains("give the private key the certificate was made with",
					"belongs in netsuite.oauth2.certificate", M2M_SETUP);
		}
	}

	@Test
	void namesTheCertificatePropertyOfTheNamedAccount() {
		NetSuiteAccountProperties properties = PemPrivateKeysRandomTests
			.properties("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
		assertThat(catchThrowableOfType(InvalidNetSuitePropertiesException.class,
				() -> PemPrivateKeysRandomTests.validated("netsuite.accounts.eu.", properties))
			.getProblems()).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.key()).isEqualTo("netsuite.accounts.eu.oauth2.private-key");
				assertThat(problem.action()).contains("netsuite.accounts.eu.oauth2.certificate",
						"NETSUITE_ACCOUNTS_EU_OAUTH2_PRIVATE_KEY");
			});
	}

	@Test
	void tellsAPublicKeyApart() {
		KeyPair keys = Keys.rsa();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		assertThat(problem(pem).reason()).isEqualTo("holds a public key, not the private key");
	}

	@Test
	void tellsBase64WithoutThePemLinesApartWithoutShowingIt() {
		String base64 = Base64.getEncoder().encodeToString(Keys.ec().getPrivate().getEncoded());
		Problem problem = problem(base64);
		assertThat(problem.reason()).contains("looks like base64 without the '-----BEGIN PRIVATE KEY-----'");
		assertThat(problem.toString() + problem.action()).satisfies(showsNoPartOf(base64));
	}

	@Test
	void tellsADamagedKeyApartWithoutShowingIt() {
		String pem = Keys.pem(Keys.rsa());
		String cut = pem.substring(0, 400) + pem.substring(pem.indexOf("-----END"));
		Problem problem = problem(cut);
		assertThat(problem.reason()).startsWith("is a 'PRIVATE KEY' PEM block whose content does not decode");
		assertThat(problem.toString() + problem.action()).satisfies(showsNoPartOf(pem));
	}

	@Test
	void tellsAKeyCutBeforeItsEndLineApart() {
		String pem = Keys.pem(Keys.ec());
		assertThat(problem(pem.substring(0, pem.indexOf("-----END"))).reason())
			.startsWith("has a '-----BEGIN PRIVATE KEY-----' line but no matching '-----END PRIVATE KEY-----' line");
	}

	@Test
	void tellsAnOpensshKeyApartWithHowToConvertIt() {
		Problem problem = problem("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----");
		assertThat(problem.reason()).contains("it holds '-----BEGIN OPENSSH PRIVATE KEY-----'");
		assertThat(problem.action()).contains("ssh-keygen -p -N \"\" -m PKCS8");
	}

	@Test
	void refusesAKeyOfATypeNetSuiteDoesNotTakeNamingIt() throws Exception {
		KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Problem problem = problem(pem);
		assertThat(problem.key()).isEqualTo(KEY);
		assertThat(problem.reason()).startsWith("cannot sign for NetSuite: The private key is neither an RSA nor an "
				+ "EC key (it is EdDSA)");
	}

	static PrivateKey read(String value) {
		return Keys.privateKey(PemPrivateKeysRandomTests.credentials(value));
	}

	static Problem problem(String value) {
		InvalidNetSuitePropertiesException ex = catchThrowableOfType(InvalidNetSuitePropertiesException.class,
				() -> PemPrivateKeysRandomTests.validated("netsuite.", PemPrivateKeysRandomTests.properties(value)));
		assertThat(ex).as("the start-up error").isNotNull();
		assertThat(ex.getProblems()).singleElement().extracting(Problem::key).isEqualTo(KEY);
		return ex.getProblems().get(0);
	}

	// No run of 12 characters of the key's base64 in the text.
	static java.util.function.Consumer<String> showsNoPartOf(String pem) {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s|\\\\n|\\\\r|[A-Za-z-]+:[^\\n]*", "");
		return (text) -> {
			for (int i = 0; i + 12 <= base64.length(); i += 4) {
				assertThat(text).doesNotContain(base64.substring(i, i + 12));
			}
		};
	}

	private static PrivateKey jdk(String pkcs8, String algorithm) throws Exception {
		String base64 = pkcs8.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static String openssl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException ex) {
			assumeThat(false).as("openssl is installed").isTrue();
			throw ex;
		}
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
		return new String(out, StandardCharsets.US_ASCII);
	}

}
