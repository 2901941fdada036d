package cn.talentexchange.web;

import java.util.ArrayList;
import java.util.List;

import org.reactivestreams.Publisher;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.accept.RequestedContentTypeResolver;
import org.springframework.web.reactive.result.method.annotation.ResponseBodyResultHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Adds an RFC 8288 {@code Link} header (next, prev) to every paged answer, so a client walks a list by
 * following links rather than by counting. Runs just before the default body handler, for paged bodies only.
 */
@Component
class PageLinks extends ResponseBodyResultHandler {

	PageLinks(ServerCodecConfigurer codecs, RequestedContentTypeResolver webFluxContentTypeResolver,
			ReactiveAdapterRegistry webFluxAdapterRegistry) {
		super(codecs.getWriters(), webFluxContentTypeResolver, webFluxAdapterRegistry);
		setOrder(getOrder() - 1);
	}

	@Override
	public boolean supports(HandlerResult result) {
		ResolvableType type = result.getReturnType();
		ResolvableType body = Publisher.class.isAssignableFrom(type.toClass()) ? type.getGeneric(0) : type;
		return ListPage.class.isAssignableFrom(body.toClass()) && super.supports(result);
	}

	@Override
	public Mono<Void> handleResult(ServerWebExchange exchange, HandlerResult result) {
		Mono<Object> linked = Mono.from(publisherOf(result.getReturnValue())).doOnNext(value -> {
			String links = links(exchange.getRequest(), (ListPage) value);
			if (!links.isEmpty()) {
				exchange.getResponse().getHeaders().set(HttpHeaders.LINK, links);
			}
		});
		return writeBody(linked, result.getReturnTypeSource(), exchange);
	}

	@SuppressWarnings("unchecked")
	private static Publisher<Object> publisherOf(Object value) {
		return value instanceof Publisher<?> publisher ? (Publisher<Object>) publisher : Mono.justOrEmpty(value);
	}

	static String links(ServerHttpRequest request, ListPage page) {
		List<String> links = new ArrayList<>();
		long lastPage = page.total() == 0 ? 0 : (page.total() - 1) / page.size();
		if (page.page() < lastPage) {
			links.add(link(request, page.page() + 1, page.size(), "next"));
		}
		if (page.page() > 0) {
			links.add(link(request, Math.min(page.page() - 1, lastPage), page.size(), "prev"));
		}
		return String.join(", ", links);
	}

	private static String link(ServerHttpRequest request, long page, int size, String relation) {
		String url = AbsoluteLinks.of(request)
			.replaceQueryParam("page", page)
			.replaceQueryParam("size", size)
			.build()
			.toUriString();
		return "<" + url + ">; rel=\"" + relation + "\"";
	}

}
