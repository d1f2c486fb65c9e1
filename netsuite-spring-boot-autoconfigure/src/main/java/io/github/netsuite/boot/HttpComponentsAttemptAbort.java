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

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Apache HttpClient exec-chain handler that lets {@link NetSuiteAnswerGuard}'s watchdog
 * end an attempt at its deadline, waiting for its answer's headers or reading its body
 * (a compressed one included): it hands the watchdog the execution's way to close its
 * connection at once. Apache HttpClient runs a request on
 * the caller's thread, where the guard waits for it.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class HttpComponentsAttemptAbort implements ExecChainHandler {

	/**
	 * The name it is added to HttpClient's exec chain under.
	 */
	public static final String NAME = "netsuite-attempt-abort";

	@Override
	public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
			throws IOException, HttpException {
		NetSuiteAnswerGuard.onConnectionAbort(scope.execRuntime::discardEndpoint);
		return chain.proceed(request, scope);
	}

}
