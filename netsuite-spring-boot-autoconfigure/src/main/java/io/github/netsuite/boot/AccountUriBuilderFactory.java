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

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * An account's URLs for a client that reaches both of its hosts: a relative URL under
 * {@code /services/} resolves against the REST web services base URL, every other one
 * (RESTlets) against the RESTlet base URL; absolute URLs stay as they are.
 *
 * @author NetSuite Spring Boot team
 */
final class AccountUriBuilderFactory implements UriBuilderFactory {

	private final DefaultUriBuilderFactory rest;

	private final DefaultUriBuilderFactory restlets;

	AccountUriBuilderFactory(URI restUrl, URI restletUrl) {
		this.rest = new DefaultUriBuilderFactory(restUrl.toString());
		this.restlets = new DefaultUriBuilderFactory(restletUrl.toString());
	}

	private DefaultUriBuilderFactory by(String uriTemplate) {
		return uriTemplate.startsWith("/services/") ? this.rest : this.restlets;
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return by(uriTemplate).uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.restlets.builder();
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return by(uriTemplate).expand(uriTemplate, uriVariables);
	}

	@Override
	public URI expand(String uriTemplate, @Nullable Object... uriVariables) {
		return by(uriTemplate).expand(uriTemplate, uriVariables);
	}

}
