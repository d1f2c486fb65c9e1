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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers as hostile networks do: a body that
 * drips, headers that never come, a body far larger than anything sane, generated as it
 * is written. It records the request lines it read and whether a client closed the
 * connection while it was still writing.
 */
final class HostileServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Handler handler;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final CountDownLatch closedByClient = new CountDownLatch(1);

	private final AtomicLong bodyBytesWritten = new AtomicLong();

	private final AtomicInteger connections = new AtomicInteger();

	private final Thread acceptor;

	HostileServer(Handler handler) throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.handler = handler;
		this.acceptor = new Thread(this::accept, "hostile-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	List<String> requests() {
		return this.requests;
	}

	long bodyBytesWritten() {
		return this.bodyBytesWritten.get();
	}

	/**
	 * Return whether a client closed a connection that the server was still writing to.
	 * @param seconds how long to wait for it
	 */
	boolean sawClientClose(long seconds) throws InterruptedException {
		return this.closedByClient.await(seconds, TimeUnit.SECONDS);
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				this.connections.incrementAndGet();
				Thread connection = new Thread(() -> serve(socket), "hostile-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (true) {
				String head = readHead(in);
				if (head == null) {
					return;
				}
				String requestLine = head.substring(0, head.indexOf("\r\n"));
				this.requests.add(requestLine);
				skipBody(in, head);
				this.handler.answer(requestLine, new Writer(out));
				out.flush();
			}
		}
		catch (IOException ex) {
			// The client went away while the server was writing
			this.closedByClient.countDown();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static void skipBody(InputStream in, String head) throws IOException {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				long length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
				in.readNBytes((int) length);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	/**
	 * What the server answers to a request.
	 */
	@FunctionalInterface
	interface Handler {

		void answer(String requestLine, Writer writer) throws IOException, InterruptedException;

	}

	/**
	 * Writes an answer, counting its body's bytes.
	 */
	final class Writer {

		private final OutputStream out;

		Writer(OutputStream out) {
			this.out = out;
		}

		void head(int status, String contentType, long contentLength) throws IOException {
			this.out.write(("HTTP/1.1 " + status + " Hostile\r\nContent-Type: " + contentType + "\r\nContent-Length: "
					+ contentLength + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
		}

		void body(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			this.out.write(bytes);
			this.out.flush();
			HostileServer.this.bodyBytesWritten.addAndGet(bytes.length);
		}

		// One byte a second, so that no read ever times out.
		void drip(long bytes) throws IOException, InterruptedException {
			for (long i = 0; i < bytes; i++) {
				this.out.write(' ');
				this.out.flush();
				HostileServer.this.bodyBytesWritten.incrementAndGet();
				Thread.sleep(1000);
			}
		}

		// Spaces, which a JSON parser skips without keeping them.
		void spaces(long bytes) throws IOException {
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			for (long left = bytes; left > 0; left -= chunk.length) {
				int length = (int) Math.min(chunk.length, left);
				this.out.write(chunk, 0, length);
				HostileServer.this.bodyBytesWritten.addAndGet(length);
			}
			this.out.flush();
		}

		void hang() throws InterruptedException {
			while (!HostileServer.this.serverSocket.isClosed()) {
				Thread.sleep(100);
			}
		}

	}

}
