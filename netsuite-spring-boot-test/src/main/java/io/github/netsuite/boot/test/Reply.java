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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A response of the double before it becomes WireMock's.
 *
 * @author NetSuite Spring Boot team
 */
final class Reply {

	static final String JSON = "application/json; charset=UTF-8";

	static final long DRIP_INTERVAL_MILLIS = 50;

	final int status;

	final @Nullable String contentType;

	final @Nullable String body;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private boolean lost;

	// Faults that spoil how the answer travels (HostileAnswers), not what it says
	private @Nullable Duration drip;

	private boolean cut;

	private @Nullable HugeBody huge;

	Reply(int status, @Nullable String contentType, @Nullable String body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	/**
	 * A reply without a body, such as the 204 of a record write.
	 */
	static Reply noContent() {
		return new Reply(204, null, null);
	}

	/**
	 * No answer at all: the connection is reset before a byte of the response is written.
	 */
	static Reply lost() {
		Reply reply = new Reply(0, null, null);
		reply.lost = true;
		return reply;
	}

	/**
	 * An answer whose body is generated while it is written, never held in memory.
	 */
	static Reply huge(HugeBody body) {
		Reply reply = new Reply(body.status, body.contentType, null);
		reply.huge = body;
		return reply;
	}

	boolean isLost() {
		return this.lost;
	}

	/**
	 * The same reply, its body sent in pieces spread over {@code duration}.
	 */
	Reply drip(Duration duration) {
		this.drip = duration;
		return this;
	}

	/**
	 * The same reply, its body cut short: the full length announced, half of it sent, the
	 * connection closed.
	 */
	Reply cut() {
		this.cut = true;
		return this;
	}

	/**
	 * The same reply, to send again with headers of its own.
	 */
	Reply copy() {
		Reply copy = new Reply(this.status, this.contentType, this.body);
		copy.headers.putAll(this.headers);
		copy.lost = this.lost;
		copy.drip = this.drip;
		copy.cut = this.cut;
		copy.huge = this.huge;
		return copy;
	}

	Reply header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	ResponseDefinition toResponseDefinition() {
		if (this.lost) {
			return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
		}
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(this.status);
		if (this.contentType != null) {
			builder.withHeader("Content-Type", this.contentType);
		}
		this.headers.forEach(builder::withHeader);
		if (this.body != null) {
			builder.withBody(this.body);
		}
		if (this.huge != null) {
			builder.withTransformerParameter(HostileBodies.HUGE, this.huge);
		}
		if (this.cut) {
			builder.withTransformerParameter(HostileBodies.CUT, true);
		}
		Duration drip = this.drip;
		if (drip != null && this.body != null && !this.body.isEmpty()) {
			int length = this.body.getBytes(StandardCharsets.UTF_8).length;
			long millis = Math.max(1, Math.min(drip.toMillis(), Integer.MAX_VALUE));
			// A piece every 50 ms, or a byte a piece when the body is shorter than that
			int pieces = (int) Math.max(1, Math.min(length, millis / DRIP_INTERVAL_MILLIS));
			builder.withChunkedDribbleDelay(pieces, (int) millis);
		}
		return builder.build();
	}

}
