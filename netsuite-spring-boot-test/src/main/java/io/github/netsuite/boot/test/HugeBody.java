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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON answer of an exact size in bytes, generated while it is written and never held in
 * memory: valid JSON from its first byte to its last. A SuiteQL query gets a page of many
 * rows; any other success a record with one huge string field; an error NetSuite's error
 * body (or, from the token endpoint, OAuth's) with a huge message.
 *
 * @author NetSuite Spring Boot team
 */
final class HugeBody {

	static final long MIN_SIZE = 1024;

	// Stands for the huge part in a body written by Json
	private static final String MARKER = "@@huge@@";

	private static final int FILLER_BLOCK = 64 * 1024;

	private static final byte[] FILLER = filler(FILLER_BLOCK);

	// A SuiteQL row: every row the same length, its ID ten digits
	private static final long FIRST_ROW_ID = 1_000_000_000L;

	private static final String ROW_START = "{\"links\":[],\"id\":\"";

	private static final String ROW_NAME = "\",\"name\":\"";

	private static final String ROW_END = "\"}";

	private static final int ROW_NAME_LENGTH = 64;

	private static final String ROW_FILLER = "x".repeat(ROW_NAME_LENGTH);

	private static final int ROW_LENGTH = ROW_START.length() + 10 + ROW_NAME.length() + ROW_NAME_LENGTH
			+ ROW_END.length();

	final int status;

	final String contentType;

	final long size;

	private final byte[] head;

	private final long rows;

	private final byte[] beforeFiller;

	private final long filler;

	private final byte[] tail;

	private HugeBody(int status, String contentType, long size, String head, long rows, String beforeFiller,
			String tail) {
		this.status = status;
		this.contentType = contentType;
		this.size = size;
		this.head = bytes(head);
		this.rows = rows;
		this.beforeFiller = bytes(beforeFiller);
		this.tail = bytes(tail);
		this.filler = size - this.head.length - rows * (ROW_LENGTH + 1) - this.beforeFiller.length - this.tail.length;
		if (this.filler < 0) {
			throw new IllegalArgumentException("A huge body must be at least " + MIN_SIZE + " bytes, not " + size);
		}
	}

	/**
	 * The huge answer to a call, in the shape its endpoint answers.
	 * @param call the call
	 * @param tokenPath whether it went to the OAuth 2.0 token endpoint
	 * @param status a success (2xx, with a body) or error (4xx, 5xx) status
	 * @param size the size in bytes, at least {@link #MIN_SIZE}
	 */
	static HugeBody of(Call call, boolean tokenPath, int status, long size) {
		if (size < MIN_SIZE) {
			throw new IllegalArgumentException("A huge body must be at least " + MIN_SIZE + " bytes, not " + size);
		}
		if (status >= 400) {
			return error(call, tokenPath, status, size);
		}
		if (!call.restlet && !tokenPath && call.path.equals(SuiteQlEndpoint.PATH)) {
			return page(status, size);
		}
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("links", List.of());
		record.put("id", "1");
		record.put("memo", MARKER);
		boolean rest = !call.restlet && !tokenPath;
		return around(status, rest ? RecordEndpoint.SINGULAR_JSON : Reply.JSON, size, Json.write(record));
	}

	private static HugeBody error(Call call, boolean tokenPath, int status, long size) {
		if (tokenPath) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("error", (status >= 500) ? "server_error" : "invalid_request");
			error.put("error_description", MARKER);
			return around(status, Reply.JSON, size, Json.write(error));
		}
		Reply reply = ErrorReplies.of(call, status, "UNEXPECTED_ERROR", MARKER);
		return around(status, (reply.contentType != null) ? reply.contentType : Reply.JSON, size,
				(reply.body != null) ? reply.body : MARKER);
	}

	// The body with the marker's string value made huge
	private static HugeBody around(int status, String contentType, long size, String json) {
		int at = json.indexOf(MARKER);
		return new HugeBody(status, contentType, size, json.substring(0, at), 0, "",
				json.substring(at + MARKER.length()));
	}

	// A SuiteQL page of as many rows as fit, the last row's name taking what is left
	private static HugeBody page(int status, long size) {
		long rows = Math.max(1, (size - pageHead(1).length() - pageTail(1).length()) / (ROW_LENGTH + 1));
		while (rows > 1 && pageHead(rows).length() + rows * (ROW_LENGTH + 1) + pageTail(rows).length() > size) {
			rows--;
		}
		// Rows before the last end in a comma; the last row's name is the filler
		String lastRowStart = ROW_START + (FIRST_ROW_ID + rows - 1) + ROW_NAME;
		return new HugeBody(status, Paging.COLLECTION_JSON, size, pageHead(rows), rows - 1, lastRowStart,
				ROW_END + pageTail(rows));
	}

	private static String pageHead(long rows) {
		return "{\"links\":[],\"count\":" + rows + ",\"hasMore\":false,\"items\":[";
	}

	private static String pageTail(long rows) {
		return "],\"offset\":0,\"totalResults\":" + rows + "}";
	}

	InputStream open() {
		return new Generated();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] filler(int length) {
		byte[] filler = new byte[length];
		Arrays.fill(filler, (byte) 'x');
		return filler;
	}

	private static byte[] row(long index) {
		return bytes(ROW_START + (FIRST_ROW_ID + index) + ROW_NAME + ROW_FILLER + ROW_END + ",");
	}

	/**
	 * The body, a piece at a time: head, rows, what comes before the filler, filler, tail.
	 */
	private final class Generated extends InputStream {

		private byte[] piece = HugeBody.this.head;

		private int offset;

		private long rowsLeft = HugeBody.this.rows;

		private boolean beforeFillerSent;

		private long fillerLeft = HugeBody.this.filler;

		private boolean tailSent;

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int off, int length) {
			if (length == 0) {
				return 0;
			}
			while (this.offset == this.piece.length) {
				if (!nextPiece()) {
					return -1;
				}
			}
			int count = Math.min(length, this.piece.length - this.offset);
			System.arraycopy(this.piece, this.offset, buffer, off, count);
			this.offset += count;
			return count;
		}

		private boolean nextPiece() {
			this.offset = 0;
			if (this.rowsLeft > 0) {
				this.piece = row(HugeBody.this.rows - this.rowsLeft);
				this.rowsLeft--;
				return true;
			}
			if (!this.beforeFillerSent) {
				this.piece = HugeBody.this.beforeFiller;
				this.beforeFillerSent = true;
				return true;
			}
			if (this.fillerLeft > 0) {
				int length = (int) Math.min(this.fillerLeft, FILLER_BLOCK);
				this.piece = (length == FILLER_BLOCK) ? FILLER : Arrays.copyOf(FILLER, length);
				this.fillerLeft -= length;
				return true;
			}
			if (!this.tailSent) {
				this.piece = HugeBody.this.tail;
				this.tailSent = true;
				return true;
			}
			return false;
		}

	}

}
