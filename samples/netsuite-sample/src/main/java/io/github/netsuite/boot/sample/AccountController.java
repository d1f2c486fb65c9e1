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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.netsuite.boot.NetSuiteAccounts;
import io.github.netsuite.boot.NoSuchNetSuiteAccountException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records of any configured account: {@code primary} or a name of
 * {@code netsuite.accounts.<name>.*}.
 *
 * @author NetSuite Spring Boot team
 */
@RestController
class AccountController {

	private final NetSuiteAccounts accounts;

	AccountController(NetSuiteAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * One customer record from the named account.
	 * @param name the account's name
	 * @param id the internal ID
	 * @return the record (none when NetSuite answered without a body); an unknown account
	 * is a 404 naming the known ones
	 */
	@GetMapping("/accounts/{name}/customers/{id}")
	@Nullable Map<String, Object> customer(@PathVariable String name, @PathVariable String id) {
		return this.accounts.get(name).client().record("customer", id).get();
	}

	@ExceptionHandler(NoSuchNetSuiteAccountException.class)
	ResponseEntity<Map<String, Object>> noSuchAccount(NoSuchNetSuiteAccountException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.NOT_FOUND.value());
		body.put("detail", "No NetSuite account named '" + ex.getName() + "'");
		body.put("accounts", ex.getKnownNames());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
