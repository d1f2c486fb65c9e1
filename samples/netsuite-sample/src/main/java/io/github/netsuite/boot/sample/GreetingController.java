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

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Greets through the {@code customscript_hello} RESTlet, called through the declared
 * {@link Greetings} interface, and answers what the RESTlet answered.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
class GreetingController {

	private final Greetings greetings;

	GreetingController(Greetings greetings) {
		this.greetings = greetings;
	}

	@GetMapping("/greetings")
	Map<String, Object> greet(@RequestParam(defaultValue = "world") String name) {
		return this.greetings.hello(name);
	}

	// The group named "netsuite" is the primary NetSuite account's.
	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "netsuite", types = Greetings.class)
	static class HttpServices {

	}

}
