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
package io.github.netsuite.boot;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * NetSuite's host answered something the client cannot read as NetSuite's answer: not
 * JSON (an HTML page from a proxy, say), not UTF-8, nested too deep, cut short, or larger
 * than {@code netsuite.max-answer-size}. Carries the status and content type of the
 * answer, never its body.
 * <p>
 * A write answered so is not known to have happened nor not to have: see
 * {@link #mayHaveExecuted()}.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public class NetSuiteUnreadableAnswerException extends NetSuiteException {

	private final Reason reason;

	private final @Nullable String contentType;

	private final boolean mayHaveExecuted;

	/**
	 * Create an exception for an answer that could not be read.
	 * @param reason what was wrong with it
	 * @param statusCode the answer's HTTP status
	 * @param contentType the answer's {@code Content-Type}, if any
	 * @param mayHaveExecuted whether NetSuite may have executed the request (a write whose
	 * answer is unreadable)
	 * @param method the request's HTTP method
	 * @param path the request's path, without the query
	 * @param hint what to do, if known
	 */
	public NetSuiteUnreadableAnswerException(Reason reason, int statusCode, @Nullable String contentType,
			boolean mayHaveExecuted, @Nullable String method, @Nullable String path, @Nullable String hint) {
		super(statusCode, null, describe(reason, contentType, mayHaveExecuted), method, path, hint);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.contentType = contentType;
		this.mayHaveExecuted = mayHaveExecuted;
	}

	// A write whose outcome the client could not learn for another reason than one answer
	// (a batch item whose task is missing, say): said in its own words.
	NetSuiteUnreadableAnswerException(String detail, @Nullable String method, @Nullable String path,
			@Nullable String hint, @Nullable Throwable cause) {
		super(0, null, detail + "; NetSuite may have executed the request", method, path, hint);
		this.reason = Reason.UNEXPECTED;
		this.contentType = null;
		this.mayHaveExecuted = true;
		if (cause != null) {
			initCause(cause);
		}
	}

	private static String describe(Reason reason, @Nullable String contentType, boolean mayHaveExecuted) {
		String detail = "an answer " + reason.description + " ("
				+ ((contentType != null) ? contentType : "no content type") + ")";
		return mayHaveExecuted ? detail + "; NetSuite may have executed the request" : detail;
	}

	/**
	 * Return what was wrong with the answer.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the answer's {@code Content-Type}.
	 * @return the content type, or {@code null} when the answer had none
	 */
	public @Nullable String getContentType() {
		return this.contentType;
	}

	/**
	 * Return whether NetSuite may have executed the request although its answer could
	 * not be read: a write's outcome is then unknown.
	 * @return whether the outcome is unknown
	 */
	public boolean mayHaveExecuted() {
		return this.mayHaveExecuted;
	}

	/**
	 * What was wrong with an answer.
	 */
	public enum Reason {

		/**
		 * Not JSON where JSON was due, e.g. an HTML page.
		 */
		NOT_JSON("that is not JSON"),

		/**
		 * Not valid UTF-8.
		 */
		NOT_UTF8("that is not valid UTF-8"),

		/**
		 * JSON nested deeper than the parser allows.
		 */
		TOO_DEEP("nested too deep"),

		/**
		 * A body that ended before it was complete.
		 */
		CUT_SHORT("cut short"),

		/**
		 * A body larger than {@code netsuite.max-answer-size}.
		 */
		TOO_LARGE("larger than netsuite.max-answer-size"),

		/**
		 * JSON, but not of the shape NetSuite answers, or an answer NetSuite does not give
		 * to this request (a 200 with a body where NetSuite answers 204, say).
		 */
		UNEXPECTED("not of the shape NetSuite answers");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * Return the reason in a few words.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

}
