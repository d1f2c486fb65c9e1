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

/**
 * Stands in for a RESTlet script deployment on the double.
 *
 * @author NetSuite Spring Boot team
 * @see NetSuiteDouble#restlet(String, String, RestletHandler)
 * @since 0.1.0
 */
@FunctionalInterface
public interface RestletHandler {

	/**
	 * Answer a RESTlet call that passed authentication. An exception thrown here is answered
	 * as NetSuite answers an uncaught script error: 400 with an {@code error} body.
	 * @param call the call
	 * @return the response
	 * @throws Exception on a script error
	 */
	RestletResponse handle(RestletCall call) throws Exception;

}
