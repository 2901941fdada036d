package cn.talentexchange.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id that its log lines, its problem document and its response carry: the trace id of a
 * W3C {@code traceparent} the caller sent, so the call can be followed across services, or a new one. The id
 * travels in the Reactor context, and the logging MDC follows it onto whatever thread runs the request
 * ({@code spring.reactor.context-propagation=auto}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIds implements WebFilter {

	public static final String TRACEPARENT = "traceparent";

	public static final String RESPONSE_HEADER = "X-Correlation-Id";

	/** The MDC key and the Reactor context key: structured logs show it under this name. */
	public static final String KEY = "correlationId";

	private static final String ATTRIBUTE = CorrelationIds.class.getName();

	/** Version, trace id, parent id, flags; version ff and an all-zero trace id are invalid by the standard. */
	private static final Pattern TRACE_PARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private static final SecureRandom RANDOM = new SecureRandom();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), id -> MDC.put(KEY, id),
				() -> MDC.remove(KEY));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = fromTraceParent(exchange.getRequest().getHeaders().getFirst(TRACEPARENT));
		exchange.getAttributes().put(ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(RESPONSE_HEADER, id);
		return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
	}

	/** The id of the request being answered, or null outside one. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	static String fromTraceParent(String header) {
		if (header != null) {
			Matcher parsed = TRACE_PARENT.matcher(header.strip());
			if (parsed.matches() && !parsed.group(1).equals("ff") && !parsed.group(2).equals(INVALID_TRACE_ID)) {
				return parsed.group(2);
			}
		}
		byte[] traceId = new byte[16];
		RANDOM.nextBytes(traceId);
		return HexFormat.of().formatHex(traceId);
	}

}
