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

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The faults of networks and proxies rather than of NetSuite: redirects, HTML pages, dripping,
 * truncated and huge bodies, a hanging token endpoint and lost token answers. The switches
 * are {@link NetSuiteDouble}'s; their state and the decisions they make are kept here. The
 * faults of NetSuite's own making are {@link Faults}'; what reached the double, which shows
 * whether credentials followed a redirect, is {@link Traffic}'s.
 *
 * @author NetSuite Spring Boot team
 */
final class HostileAnswers {

	static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

	private volatile @Nullable Redirect redirectAll;

	private final Next<Redirect> redirectNext = new Next<>();

	private volatile @Nullable Redirect redirectTokenRequests;

	private final Next<Integer> htmlNext = new Next<>();

	private final Next<Duration> dripNext = new Next<>();

	private final Next<Boolean> truncateNext = new Next<>();

	private final Next<Huge> hugeNext = new Next<>();

	private final Next<Boolean> loseTokenAnswers = new Next<>();

	private final Object hangMonitor = new Object();

	private Duration tokenHang = Duration.ZERO;

	// Moves on whenever held token requests are to be let go
	private long hangGeneration;

	// Switches

	void redirectAll(URI target, int status) {
		this.redirectAll = new Redirect(requireTarget(target), requireRedirectStatus(status));
	}

	void redirectNext(int k, URI target, int status) {
		this.redirectNext.set(k, new Redirect(requireTarget(target), requireRedirectStatus(status)));
	}

	void redirectTokenRequests(URI target, int status) {
		this.redirectTokenRequests = new Redirect(requireTarget(target), requireRedirectStatus(status));
	}

	void htmlNext(int k, int status) {
		if (status < 200 || status > 599 || (status >= 300 && status < 400) || status == 204 || status == 205) {
			throw new IllegalArgumentException(
					"The status of an HTML page must be 2xx with a body, 4xx or 5xx, not " + status);
		}
		this.htmlNext.set(k, status);
	}

	void dripNext(int k, Duration duration) {
		if (duration == null || duration.toMillis() < 1) {
			throw new IllegalArgumentException("A drip must last at least a millisecond, not " + duration);
		}
		this.dripNext.set(k, duration);
	}

	void truncateNext(int k) {
		this.truncateNext.set(k, true);
	}

	void hugeNext(int k, int status, long bytes) {
		if (status < 200 || status > 599 || (status >= 300 && status < 400) || status == 204 || status == 205) {
			throw new IllegalArgumentException(
					"The status of a huge answer must be 2xx with a body, 4xx or 5xx, not " + status);
		}
		if (bytes < HugeBody.MIN_SIZE) {
			throw new IllegalArgumentException(
					"A huge answer must be at least " + HugeBody.MIN_SIZE + " bytes, not " + bytes);
		}
		this.hugeNext.set(k, new Huge(status, bytes));
	}

	void tokenEndpointHangs(Duration duration) {
		Duration hang = (duration != null && !duration.isNegative()) ? duration : Duration.ZERO;
		synchronized (this.hangMonitor) {
			this.tokenHang = hang;
			if (hang.isZero()) {
				releaseHeld();
			}
		}
	}

	void loseNextTokenAnswers(int k) {
		this.loseTokenAnswers.set(k, true);
	}

	/**
	 * Switch every fault off, let held token requests go.
	 */
	void reset() {
		this.redirectAll = null;
		this.redirectNext.clear();
		this.redirectTokenRequests = null;
		this.htmlNext.clear();
		this.dripNext.clear();
		this.truncateNext.clear();
		this.hugeNext.clear();
		this.loseTokenAnswers.clear();
		tokenEndpointHangs(Duration.ZERO);
	}

	/**
	 * Let every held token request go on (to its normal answer, or to a closed connection
	 * when the double stops).
	 */
	void releaseHeld() {
		synchronized (this.hangMonitor) {
			this.hangGeneration++;
			this.hangMonitor.notifyAll();
		}
	}

	// Decisions, in the order the handler asks

	/**
	 * The answer of a proxy or of the network in NetSuite's place, if any: a redirect, an HTML
	 * page or a huge body. The request does not reach the double's endpoints.
	 */
	@Nullable Reply instead(Call call, boolean tokenPath) {
		Redirect redirect = (tokenPath) ? this.redirectTokenRequests : null;
		if (redirect == null) {
			redirect = this.redirectAll;
		}
		if (redirect == null) {
			redirect = this.redirectNext.take();
		}
		if (redirect != null) {
			return redirect.reply(call);
		}
		Integer html = this.htmlNext.take();
		if (html != null) {
			return htmlPage(html);
		}
		Huge huge = this.hugeNext.take();
		if (huge != null) {
			return Reply.huge(HugeBody.of(call, tokenPath, huge.status, huge.bytes));
		}
		return null;
	}

	/**
	 * Hold a token request while the token endpoint hangs: until the hang has passed, it is
	 * switched off, or the double resets or stops.
	 */
	void holdTokenRequest() {
		synchronized (this.hangMonitor) {
			long hang = saturatedNanos(this.tokenHang);
			if (hang == 0) {
				return;
			}
			long generation = this.hangGeneration;
			long start = System.nanoTime();
			try {
				while (generation == this.hangGeneration) {
					long left = hang - (System.nanoTime() - start);
					if (left <= 0) {
						return;
					}
					TimeUnit.NANOSECONDS.timedWait(this.hangMonitor, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Whether this processed token request's answer is to be lost.
	 */
	boolean takeLostTokenAnswer() {
		return this.loseTokenAnswers.take() != null;
	}

	/**
	 * The answer as it travels: cut short, or dripping. An answer without a body, or a lost
	 * one, travels as it is and does not count.
	 */
	Reply spoil(Reply reply) {
		if (reply.isLost() || reply.body == null || reply.body.isEmpty()) {
			return reply;
		}
		if (this.truncateNext.take() != null) {
			return reply.cut();
		}
		Duration drip = this.dripNext.take();
		return (drip != null) ? reply.drip(drip) : reply;
	}

	private static Reply htmlPage(int status) {
		String title = status + " " + reasonPhrase(status);
		String text = (status < 300) ? "Sign in to continue to the network."
				: "The proxy server could not handle the request.";
		String page = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title
				+ "</h1><p>" + text + "</p></body></html>\n";
		return new Reply(status, "text/html; charset=UTF-8", page);
	}

	private static String reasonPhrase(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 407 -> "Proxy Authentication Required";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> (status >= 500) ? "Server Error" : (status >= 400) ? "Client Error" : "Success";
		};
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static URI requireTarget(URI target) {
		if (target == null || target.getHost() == null || target.getScheme() == null
				|| !(target.getScheme().equalsIgnoreCase("http") || target.getScheme().equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException("A redirect needs an absolute http or https URL, not " + target);
		}
		return target;
	}

	private static int requireRedirectStatus(int status) {
		if (!REDIRECT_STATUSES.contains(status)) {
			throw new IllegalArgumentException("A redirect's status must be 301, 302, 303, 307 or 308, not " + status);
		}
		return status;
	}

	private record Redirect(URI target, int status) {

		// Same path and query, on the target
		Reply reply(Call call) {
			String base = this.target.toString();
			if (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			String location = base + call.path + ((call.rawQuery != null) ? "?" + call.rawQuery : "");
			String escaped = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
			String page = "<html><body>Moved to <a href=\"" + escaped + "\">" + escaped + "</a></body></html>\n";
			return new Reply(this.status, "text/html; charset=UTF-8", page).header("Location", location);
		}

	}

	private record Huge(int status, long bytes) {
	}

	/**
	 * A fault for the next {@code k} requests.
	 */
	private static final class Next<T> {

		private int left;

		private @Nullable T value;

		synchronized void set(int k, T value) {
			this.left = Math.max(k, 0);
			this.value = (this.left > 0) ? value : null;
		}

		synchronized @Nullable T take() {
			T taken = this.value;
			if (this.left <= 0 || taken == null) {
				return null;
			}
			this.left--;
			if (this.left == 0) {
				this.value = null;
			}
			return taken;
		}

		synchronized void clear() {
			this.left = 0;
			this.value = null;
		}

	}

}
