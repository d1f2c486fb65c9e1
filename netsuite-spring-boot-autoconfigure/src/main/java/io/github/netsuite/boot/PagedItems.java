package io.github.netsuite.boot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * NetSuite's paged collection shape ({@code items}, {@code offset}, {@code hasMore},
 * {@code totalResults}) and a lazy stream over its pages.
 *
 * @author NetSuite Spring Boot team
 */
final class PagedItems {

	private PagedItems() {
	}

	/**
	 * Read one page from an answer's body stream, as it arrives.
	 */
	static NetSuitePage<ObjectNode> read(HttpRequest request, ClientHttpResponse response, NetSuiteExchange exchange)
			throws IOException {
		Answers.requireSuccess(request, response, exchange.errors(), false, null);
		Answers.Answer answer = Answers.answer(request, response, false, null);
		NetSuitePage<ObjectNode> page = page(Answers.tree(exchange.mapper(), answer, response.getBody()));
		if (page == null) {
			throw Answers.unreadable(NetSuiteUnreadableAnswerException.Reason.UNEXPECTED, answer, null);
		}
		return page;
	}

	// The page, or null when the JSON is not of its shape: an object with items that are
	// objects, which is all NetSuite answers.
	static @Nullable NetSuitePage<ObjectNode> page(@Nullable JsonNode json) {
		if (json == null || !json.isObject() || !json.path("items").isArray()) {
			return null;
		}
		List<ObjectNode> items = new ArrayList<>();
		for (JsonNode item : json.path("items")) {
			if (!(item instanceof ObjectNode object)) {
				return null;
			}
			object.remove("links");
			items.add(object);
		}
		return new NetSuitePage<>(items, json.path("offset").asInt(0), json.path("hasMore").asBoolean(false),
				json.path("totalResults").asLong(items.size()));
	}

	/**
	 * Return a stream that fetches the next page only when its consumer reaches it.
	 */
	static Stream<ObjectNode> stream(PageSource source) {
		return StreamSupport.stream(new PageSpliterator(source), false);
	}

	/**
	 * Fetches pages in order.
	 */
	interface PageSource {

		/**
		 * Fetch the page after the given one.
		 * @param previous the previous page, or {@code null} for the first
		 * @param lastItem the last item of the previous page, or {@code null}
		 * @return the next page
		 */
		NetSuitePage<ObjectNode> next(@Nullable NetSuitePage<ObjectNode> previous, @Nullable ObjectNode lastItem);

	}

	private static final class PageSpliterator extends Spliterators.AbstractSpliterator<ObjectNode> {

		private final PageSource source;

		private @Nullable NetSuitePage<ObjectNode> page;

		private Iterator<ObjectNode> items = Collections.emptyIterator();

		private @Nullable ObjectNode lastItem;

		PageSpliterator(PageSource source) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.source = source;
		}

		@Override
		public boolean tryAdvance(Consumer<? super ObjectNode> action) {
			while (!this.items.hasNext()) {
				if (this.page != null && (!this.page.hasMore() || this.page.items().isEmpty())) {
					return false;
				}
				this.page = this.source.next(this.page, this.lastItem);
				this.items = this.page.items().iterator();
			}
			this.lastItem = this.items.next();
			action.accept(this.lastItem);
			return true;
		}

	}

}
