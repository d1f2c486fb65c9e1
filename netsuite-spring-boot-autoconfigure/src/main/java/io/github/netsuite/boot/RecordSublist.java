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
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.netsuite.boot.NetSuiteUnreadableAnswerException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One sublist of a record read on its own ({@code …/salesOrder/<id>/item}): its lines
 * streamed, or one line ({@code …/item/<line>}). Immutable, like the
 * {@link RecordRequest} it comes from.
 *
 * <pre class="code">
 * List&lt;Line&gt; lines = client.record("salesOrder", "1043").sublist("item").stream(Line.class).toList();
 * Map&lt;String, Object&gt; first = client.record("salesOrder", "1043").sublist("item").line("1");
 * </pre>
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public final class RecordSublist {

	// NetSuite's default and largest page of a collection
	private static final int PAGE_SIZE = 1000;

	private final RecordRequest record;

	private final String sublist;

	RecordSublist(RecordRequest record, String sublist) {
		this.record = record;
		this.sublist = sublist;
	}

	/**
	 * Stream the lines of the sublist, each with its fields ({@code expandSubResources=true}).
	 * A sublist NetSuite answers in pages is read page by page as the stream reaches them.
	 * @return the lines, in NetSuite's order
	 * @throws NetSuiteNotFoundException if there is no such record or sublist
	 */
	public Stream<Map<String, Object>> stream() {
		return streamLines().map(this::toMap);
	}

	/**
	 * Stream the lines of the sublist, each mapped to the given type.
	 * @param <T> the type
	 * @param type the type, such as a record with the line's field IDs as components
	 * @return the lines
	 * @throws NetSuiteNotFoundException if there is no such record or sublist
	 */
	public <T> Stream<T> stream(Class<T> type) {
		return streamLines().map((line) -> this.record.exchange().mapper().treeToValue(line, type));
	}

	/**
	 * Read one line of the sublist ({@code …/item/<line>}).
	 * @param line the line's key, as NetSuite's links name it (such as {@code 1})
	 * @return the line
	 * @throws NetSuiteNotFoundException if there is no such record or line
	 */
	public Map<String, Object> line(String line) {
		return toMap(lineTree(line));
	}

	/**
	 * Read one line of the sublist, mapped to the given type.
	 * @param <T> the type
	 * @param line the line's key
	 * @param type the type
	 * @return the line
	 * @throws NetSuiteNotFoundException if there is no such record or line
	 */
	public <T> T line(String line, Class<T> type) {
		return this.record.exchange().mapper().treeToValue(lineTree(line), type);
	}

	private ObjectNode lineTree(String line) {
		Assert.hasText(line, "'line' must not be empty");
		NetSuiteExchange exchange = this.record.exchange();
		ObjectNode tree = (ObjectNode) exchange.object(
				this.record.request(HttpMethod.GET, this.record.target(), "/{sublist}/{line}", true, this.sublist, line),
				NetSuiteExchange.Call.READ);
		tree.remove("links");
		return tree;
	}

	private Stream<ObjectNode> streamLines() {
		RecordRequest.Target target = this.record.target();
		return Pages.records(this.record.exchange(), (query, limit, offset) -> fetch(target, limit, offset), PAGE_SIZE);
	}

	// Whether a sublist pages at all is unconfirmed: the first page is asked for without
	// limit and offset (which every sublist answers), the next ones as a collection's are.
	// A first page shorter than a collection's that says more follow is asked for again
	// with the limit, so that the next offsets follow it and no line is skipped.
	private NetSuitePage<ObjectNode> fetch(RecordRequest.Target target, int limit, int offset) {
		NetSuitePage<ObjectNode> page = fetch(target, limit, offset, offset > 0);
		if (offset == 0 && page.hasMore() && page.items().size() < limit) {
			return fetch(target, limit, offset, true);
		}
		return page;
	}

	private NetSuitePage<ObjectNode> fetch(RecordRequest.Target target, int limit, int offset, boolean paged) {
		NetSuiteExchange exchange = this.record.exchange();
		Read read = exchange.read(this.record.request(HttpMethod.GET, target, "/{sublist}", List.of(), true, (uri) -> {
			if (paged) {
				uri.queryParam("limit", limit).queryParam("offset", offset);
			}
		}, this.sublist), NetSuiteExchange.Call.READ, (sent, response, answer) -> {
			JsonNode page = Answers.tree(exchange.mapper(), answer, response.getBody());
			if (page == null || Pages.page(page.deepCopy()) == null) {
				throw Answers.unreadable(Reason.UNEXPECTED, answer, null);
			}
			return new Read(page, sent.getURI());
		});
		// Once the page's answer is closed: a line's read may need the permit it held.
		JsonNode json = withLines(read.page(), read.uri());
		NetSuitePage<ObjectNode> page = Pages.page(json);
		Assert.state(page != null, "A page checked above");
		return page;
	}

	// Lines that came as links only (NetSuite not expanding them) are read one by one, each
	// on the host the sublist was read from.
	private JsonNode withLines(JsonNode page, URI requested) {
		ArrayNode items = (ArrayNode) page.path("items");
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			URI self = (item.size() == 1) ? self(item, requested) : null;
			if (self != null) {
				items.set(i, this.record.exchange()
					.object(this.record.exchange().rest(HttpMethod.GET, self), NetSuiteExchange.Call.READ));
			}
		}
		return page;
	}

	private static @Nullable URI self(JsonNode item, URI requested) {
		for (JsonNode link : item.path("links")) {
			String href = link.path("href").asString("");
			if (link.path("rel").asString("self").equals("self") && !href.isEmpty()) {
				try {
					URI uri = new URI(href);
					return requested.resolve(uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
				}
				catch (URISyntaxException | IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private record Read(JsonNode page, URI uri) {
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> toMap(ObjectNode item) {
		return this.record.exchange().mapper().treeToValue(item, Map.class);
	}

	@Override
	public String toString() {
		return "RecordSublist[" + this.record + " " + this.sublist + "]";
	}

}
