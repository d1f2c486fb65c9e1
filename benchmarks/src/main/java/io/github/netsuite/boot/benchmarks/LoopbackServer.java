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
package io.github.netsuite.boot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 server on loopback that answers every request with the same 200 response,
 * one blocking thread per connection, keeping connections alive.
 * <p>
 * The JDK's {@code HttpServer} reads a request a byte at a time through a synchronized
 * stream, about 15 ns a byte here, so the 400-byte {@code Authorization} header NetSuite
 * requires cost it some 6 µs: server time, which {@code ClientOverheadBenchmark} would
 * have counted as the client's. This server reads what arrived in one call and only
 * looks for the end of the headers.
 *
 * @author NetSuite Spring Boot team
 */
final class LoopbackServer implements AutoCloseable {

	private final ServerSocket socket;

	private final byte[] response;

	LoopbackServer(String contentType, byte[] body) throws IOException {
		byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		this.response = new byte[head.length + body.length];
		System.arraycopy(head, 0, this.response, 0, head.length);
		System.arraycopy(body, 0, this.response, head.length, body.length);
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("loopback-server", this::accept).start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	private void accept() {
		try {
			while (true) {
				Socket connection = this.socket.accept();
				connection.setTcpNoDelay(true);
				daemon("loopback-connection", () -> serve(connection)).start();
			}
		}
		catch (IOException ex) {
			// Closed.
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = connection.getInputStream();
			OutputStream out = connection.getOutputStream();
			byte[] buffer = new byte[64 * 1024];
			int length = 0;
			while (true) {
				int headersEnd = headersEnd(buffer, length);
				if (headersEnd < 0) {
					int read = in.read(buffer, length, buffer.length - length);
					if (read < 0) {
						return;
					}
					length += read;
					continue;
				}
				int requestEnd = headersEnd + contentLength(buffer, headersEnd);
				while (length < requestEnd) {
					int read = in.read(buffer, length, buffer.length - length);
					if (read < 0) {
						return;
					}
					length += read;
				}
				out.write(this.response);
				out.flush();
				System.arraycopy(buffer, requestEnd, buffer, 0, length - requestEnd);
				length -= requestEnd;
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
	}

	private static int headersEnd(byte[] buffer, int length) {
		for (int i = 3; i < length; i++) {
			if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}

	private static int contentLength(byte[] buffer, int headersEnd) {
		if (buffer[0] == 'G' && buffer[1] == 'E' && buffer[2] == 'T' && buffer[3] == ' ') {
			return 0;
		}
		String headers = new String(buffer, 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		int at = headers.indexOf("\r\ncontent-length:");
		if (at < 0) {
			return 0;
		}
		int end = headers.indexOf('\r', at + 2);
		return Integer.parseInt(headers.substring(at + "\r\ncontent-length:".length(), end).strip());
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
