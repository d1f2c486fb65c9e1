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

import java.util.Map;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The demo RESTlet as an HTTP service interface: registered in the {@code netsuite} group
 * ({@link GreetingController}), its calls go through the primary account's signed client,
 * as {@code NetSuiteClient}'s do.
 *
 * @author NetSuite Spring Boot team
 */
interface Greetings {

	@GetExchange("/app/site/hosting/restlet.nl?script=customscript_hello&deploy=customdeploy_hello")
	Map<String, Object> hello(@RequestParam String name);

}
