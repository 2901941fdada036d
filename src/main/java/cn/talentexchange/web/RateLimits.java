package cn.talentexchange.web;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets: per signed-in caller on writes, per client address on the endpoints that take no token. Over the
 * limit is a {@code 429 too-many-requests} with {@code Retry-After}. Reads are not limited: phones poll them.
 */
@Component
public class RateLimits {

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

	/** Buckets idle this long are full again anyway: forgetting them keeps memory bounded. */
	private static final Duration FORGET_AFTER = Duration.ofMinutes(5);

	private final RateLimitSettings settings;

	private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();

	RateLimits(RateLimitSettings settings) {
		this.settings = settings;
	}

	/** A web filter's work, but not a web filter bean: only the security chain runs it, after authentication. */
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (isPublic(request.getMethod(), path)) {
			return limit("address:" + address(request), settings.publicPerMinute(), chain, exchange);
		}
		if (!WRITES.contains(request.getMethod()) || !path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(Principal::getName)
			.flatMap(caller -> limit("caller:" + caller, settings.writesPerMinute(), chain, exchange).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
			.then();
	}

	private Mono<Void> limit(String key, int perMinute, WebFilterChain chain, ServerWebExchange exchange) {
		long now = System.nanoTime();
		forgetIdle(now);
		Tracked tracked = buckets.computeIfAbsent(key, unused -> new Tracked(Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build()));
		tracked.lastUsed = now;
		ConsumptionProbe probe = tracked.bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
		return Mono.error(new ApiProblem(ProblemType.TOO_MANY_REQUESTS, "More than " + perMinute
				+ " of these a minute; try again in " + seconds + " s", Map.of(ApiProblem.RETRY_AFTER, seconds)));
	}

	private void forgetIdle(long now) {
		if (buckets.size() > 10_000) {
			buckets.values().removeIf(tracked -> now - tracked.lastUsed > FORGET_AFTER.toNanos());
		}
	}

	private static boolean isPublic(HttpMethod method, String path) {
		return HttpMethod.POST.equals(method) && path.equals("/api/v1/dev/tokens")
				|| HttpMethod.GET.equals(method) && path.startsWith("/api/v1/calendar-feeds/");
	}

	private static String address(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	private static final class Tracked {

		final Bucket bucket;

		volatile long lastUsed;

		Tracked(Bucket bucket) {
			this.bucket = bucket;
		}

	}

}
