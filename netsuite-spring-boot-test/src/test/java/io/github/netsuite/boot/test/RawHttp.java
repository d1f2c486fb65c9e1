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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, read the way a strict client reads it: each read
 * bounded by a timeout, the body by its {@code Content-Length} or its chunks, and a body that
 * ends before either noted rather than hidden. Records the longest pause between two reads.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Send a request built for the JDK client (its method, URI and headers; no body) and read
	 * the answer, each read timing out after {@code readTimeout}.
	 */
	static Answer exchange(HttpRequest request, Duration readTimeout) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), request.uri().getPort())) {
			socket.setSoTimeout((int) readTimeout.toMillis());
			StringBuilder head = new StringBuilder();
			head.append(request.method()).append(' ').append(request.uri().getRawPath());
			if (request.uri().getRawQuery() != null) {
				head.append('?').append(request.uri().getRawQuery());
			}
			head.append(" HTTP/1.1\r\nHost: ").append(request.uri().getAuthority()).append("\r\n");
			request.headers().map().forEach((name, values) -> values
				.forEach((value) -> head.append(name).append(": ").append(value).append("\r\n")));
			head.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			Reader reader = new Reader(socket.getInputStream());
			String statusLine = reader.line();
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = reader.line(); !line.isEmpty(); line = reader.line()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			boolean complete;
			if (headers.containsKey("content-length")) {
				complete = reader.copy(Long.parseLong(headers.get("content-length")), body);
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				complete = reader.chunks(body);
			}
			else {
				// Delimited by the end of the connection
				reader.copy(Long.MAX_VALUE, body);
				complete = true;
			}
			return new Answer(status, headers, body.toByteArray(), complete, Duration.ofNanos(System.nanoTime() - start),
					Duration.ofNanos(reader.longestPause));
		}
	}

	/**
	 * What came back.
	 * @param complete whether the body was whole: as long as announced, or its last chunk came
	 */
	record Answer(int status, Map<String, String> headers, byte[] body, boolean complete, Duration elapsed,
			Duration longestPause) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private static final class Reader {

		private final InputStream in;

		private final byte[] buffer = new byte[8192];

		private int position;

		private int limit;

		private long lastRead = System.nanoTime();

		private long longestPause;

		Reader(InputStream in) {
			this.in = in;
		}

		// false at the end of the stream (or a reset connection, which ends it as abruptly)
		private boolean fill() throws IOException {
			int count;
			try {
				count = this.in.read(this.buffer);
			}
			catch (SocketTimeoutException ex) {
				throw ex;
			}
			catch (SocketException ex) {
				// Reset by the peer: the end, as abrupt as it gets
				count = -1;
			}
			long now = System.nanoTime();
			this.longestPause = Math.max(this.longestPause, now - this.lastRead);
			this.lastRead = now;
			if (count <= 0) {
				return false;
			}
			this.position = 0;
			this.limit = count;
			return true;
		}

		String line() throws IOException {
			StringBuilder line = new StringBuilder();
			while (true) {
				if (this.position == this.limit && !fill()) {
					throw new IOException("The connection ended inside the head: " + line);
				}
				char c = (char) (this.buffer[this.position++] & 0xff);
				if (c == '\n') {
					int length = line.length();
					return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1)
							: line.toString();
				}
				line.append(c);
			}
		}

		// Whether all `length` bytes came
		boolean copy(long length, ByteArrayOutputStream out) throws IOException {
			long left = length;
			while (left > 0) {
				if (this.position == this.limit && !fill()) {
					return false;
				}
				int count = (int) Math.min(left, this.limit - this.position);
				out.write(this.buffer, this.position, count);
				this.position += count;
				left -= count;
			}
			return true;
		}

		// Whether the last chunk came
		boolean chunks(ByteArrayOutputStream out) throws IOException {
			try {
				while (true) {
					String size = line();
					int semicolon = size.indexOf(';');
					long length = Long.parseLong((semicolon < 0) ? size.trim() : size.substring(0, semicolon).trim(), 16);
					if (length == 0) {
						return true;
					}
					if (!copy(length, out)) {
						return false;
					}
					line();
				}
			}
			catch (SocketTimeoutException ex) {
				throw ex;
			}
			catch (IOException | NumberFormatException ex) {
				// A malformed chunk, or the connection ended inside one
				return false;
			}
		}

	}

}
