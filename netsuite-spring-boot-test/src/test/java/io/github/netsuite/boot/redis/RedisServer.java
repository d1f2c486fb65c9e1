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
package io.github.netsuite.boot.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian package {@code redis-server}) on a free port, with
 * no persistence, for the tests of shared permits: started before the test class, stopped
 * after it, and stoppable and startable again on the same port in between. Register it
 * with {@code @RegisterExtension}.
 * <p>
 * {@link #tls()} starts one that answers TLS only ({@code --port 0 --tls-port}), with a
 * CA and a server certificate for {@code 127.0.0.1} and {@code localhost} made for it by
 * the JDK's {@code keytool} in a temporary directory, deleted when it stops for good; no
 * key is kept anywhere else.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final Duration STARTUP = Duration.ofSeconds(10);

	private static final Duration KEYTOOL = Duration.ofSeconds(60);

	private final int port = freePort();

	private final boolean tls;

	private Path certificates;

	private Process process;

	private RedisServer(boolean tls) {
		this.tls = tls;
	}

	/**
	 * A server on a plain port.
	 */
	public RedisServer() {
		this(false);
	}

	/**
	 * A server that answers TLS only, on {@link #port()}.
	 * @return the server
	 */
	public static RedisServer tls() {
		return new RedisServer(true);
	}

	public int port() {
		return this.port;
	}

	/**
	 * The PEM certificate of the CA that signed the server's certificate, once started.
	 * @return the file
	 */
	public Path caCertificate() {
		return certificates().resolve("ca.pem");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
		if (this.certificates != null) {
			try (Stream<Path> files = Files.walk(this.certificates)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				// A temporary directory
			}
			this.certificates = null;
		}
	}

	public synchronized void start() throws IOException, InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		List<String> command = new ArrayList<>(List.of(executable("redis-server"), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no", "--protected-mode", "no"));
		if (this.tls) {
			Path directory = certificates();
			command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(this.port), "--tls-cert-file",
					directory.resolve("server.pem").toString(), "--tls-key-file",
					directory.resolve("server-key.pem").toString(), "--tls-ca-cert-file",
					directory.resolve("ca.pem").toString(), "--tls-auth-clients", "no"));
		}
		else {
			command.addAll(List.of("--port", String.valueOf(this.port)));
		}
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!accepts()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server did not start on port " + this.port);
			}
			Thread.sleep(20);
		}
	}

	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Run a command with {@code redis-cli} against this server (over TLS, trusting its CA,
	 * for a TLS server), as another client than the one under test would.
	 * @param arguments the command and its arguments
	 * @return what {@code redis-cli} printed, trimmed
	 * @throws IOException if it cannot be run or fails
	 * @throws InterruptedException if interrupted while it runs
	 */
	public String cli(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(executable("redis-cli"), "-h", "127.0.0.1", "-p", String.valueOf(this.port)));
		if (this.tls) {
			command.addAll(List.of("--tls", "--cacert", caCertificate().toString()));
		}
		command.addAll(List.of(arguments));
		return run(command, Duration.ofSeconds(10)).trim();
	}

	// A CA, and a server certificate it signed, made once per server with the JDK's keytool
	private synchronized Path certificates() {
		if (this.certificates != null) {
			return this.certificates;
		}
		try {
			Path directory = Files.createTempDirectory("redis-tls");
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			String password = "changeit";
			Path ca = directory.resolve("ca.p12");
			Path server = directory.resolve("server.p12");
			run(List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
					"CN=NetSuite starter test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(),
					"-storetype", "PKCS12", "-storepass", password), KEYTOOL);
			run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
					"-dname", "CN=localhost", "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12",
					"-storepass", password), KEYTOOL);
			Path request = directory.resolve("server.csr");
			run(List.of(keytool, "-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass",
					password, "-file", request.toString()), KEYTOOL);
			run(List.of(keytool, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
					"-infile", request.toString(), "-outfile", directory.resolve("server.pem").toString(), "-rfc",
					"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2"), KEYTOOL);
			run(List.of(keytool, "-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
					"-rfc", "-file", directory.resolve("ca.pem").toString()), KEYTOOL);
			// redis-server reads the key as PEM, which keytool does not write: PKCS #8 from the store
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(server)) {
				store.load(in, password.toCharArray());
			}
			Key key = store.getKey("server", password.toCharArray());
			Files.writeString(directory.resolve("server-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded())
					+ "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
			this.certificates = directory;
			return directory;
		}
		catch (IOException | InterruptedException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not make the test certificates for redis-server", ex);
		}
	}

	private static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IOException(command.get(0) + " did not end within " + timeout);
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IOException(new File(command.get(0)).getName() + " failed (" + process.exitValue() + "): " + text);
		}
		return text;
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String executable(String name) {
		for (String candidate : new String[] { "/usr/bin/" + name, "/usr/local/bin/" + name }) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				File file = new File(directory, name);
				if (file.canExecute()) {
					return file.getPath();
				}
			}
		}
		throw new IllegalStateException("The tests of shared permits need " + name
				+ " (Debian: apt-get install redis-server; .ci/run installs it)");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
