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
package io.github.netsuite.boot.sample;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Keeps the error page out of an answer that has already begun, such as the array of
 * {@code GET /customers} when a later SuiteQL page fails: Tomcat includes the error page
 * into a committed answer (Boot's would append {@code {"status":200,"error":"OK",…}} to
 * the customers) and then closes the connection without ending the answer. With nothing
 * included, the client sees what was sent and a broken connection, which no client takes
 * for a whole answer.
 *
 * @author NetSuite Spring Boot team
 */
class BegunAnswerFilter implements Filter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (response.isCommitted() && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			return;
		}
		chain.doFilter(request, response);
	}

}
