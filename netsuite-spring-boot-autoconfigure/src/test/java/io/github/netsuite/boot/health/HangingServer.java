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
package io.github.netsuite.boot.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that reads each request and then never completes its answer:
 * either it answers nothing, or it sends a 200's headers and drips the body one byte
 * every 200 ms, so that no read ever times out. It records the request lines it read.
 */
public final class HangingServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final boolean drip;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private HangingServer(boolean drip) throws IOException {
		this.drip = drip;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "hanging-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Start a server that reads requests and answers nothing.
	 * @return the server
	 * @throws IOException if it cannot listen
	 */
	public static HangingServer silent() throws IOException {
		return new HangingServer(false);
	}

	/**
	 * Start a server that answers 200 and drips the body a byte at a time, never ending it.
	 * @return the server
	 * @throws IOException if it cannot listen
	 */
	public static HangingServer dripping() throws IOException {
		return new HangingServer(true);
	}

	/**
	 * Return the server's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	/**
	 * Return the request lines read so far, e.g. {@code GET /path HTTP/1.1}.
	 * @return the request lines
	 */
	public List<String> requests() {
		return this.requests;
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				Thread handler = new Thread(() -> handle(socket), "hanging-server-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b == -1) {
					return;
				}
				head.write(b);
			}
			this.requests.add(head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
			OutputStream out = socket.getOutputStream();
			if (this.drip) {
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			while (!socket.isClosed()) {
				Thread.sleep(200);
				if (this.drip) {
					out.write(' ');
					out.flush();
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// closed by the client or by close()
		}
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
