package cn.talentexchange.web;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links a client must follow as they are (a calendar subscription, the next page), made absolute with the host
 * and scheme the client used: a proxy's {@code Forwarded} or {@code X-Forwarded-Host}/{@code -Proto} when it sent
 * them. Only those are read here, never a forwarded client address: a made-up header changes nothing but the
 * caller's own links, while the rate limits keep counting the connection's real address.
 */
public final class AbsoluteLinks {

	private AbsoluteLinks() {
	}

	/** The request's own URL as the client sees it, query included. */
	public static UriComponentsBuilder of(ServerHttpRequest request) {
		return ForwardedHeaderUtils.adaptFromForwardedHeaders(request.getURI(), request.getHeaders());
	}

	public static String to(ServerHttpRequest request, String path) {
		return of(request).replacePath(path).replaceQuery(null).fragment(null).build().toUriString();
	}

}
