package cn.talentexchange.web;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets: per signed-in caller on writes, per client address on the endpoints that take no token and on
 * refused credentials. Over the limit is a {@code 429 too-many-requests} with {@code Retry-After}. Reads with a
 * valid token are not limited: phones poll them.
 */
@Component
public class RateLimits {

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

	/** Buckets idle this long are full again anyway: forgetting them keeps memory bounded. */
	private static final Duration FORGET_AFTER = Duration.ofMinutes(5);

	private final RateLimitSettings settings;

	private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();

	private final Map<Limit, Counter> turnedAway = new EnumMap<>(Limit.class);

	RateLimits(RateLimitSettings settings, MeterRegistry registry) {
		this.settings = settings;
		for (Limit limit : Limit.values()) {
			turnedAway.put(limit, Counter.builder("talent.rate.limited")
				.description("Calls turned away with 429, by the limit they hit: writes, public or refusals")
				.tag("limit", limit.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
	}

	/** A web filter's work, but not a web filter bean: only the security chain runs it, after authentication. */
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (isPublic(request.getMethod(), path)) {
			return limit("address:" + address(request), Limit.PUBLIC, settings.publicPerMinute(), chain, exchange);
		}
		if (!WRITES.contains(request.getMethod()) || !path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(Principal::getName)
			.flatMap(caller -> limit("caller:" + caller, Limit.WRITES, settings.writesPerMinute(), chain, exchange)
				.thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
			.then();
	}

	/**
	 * Before authentication: an address whose credentials were refused too often in the last minute is turned away
	 * unheard, so that guessing tokens costs the guesser time and the service no signature checks.
	 */
	public Mono<Void> turnAwayRepeatedRefusals(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		Tracked refusals = buckets.get(refusalKey(request));
		// The token-less endpoints have their own limit, and health probes must get through.
		if (refusals == null || !path.startsWith("/api/") || isPublic(request.getMethod(), path)) {
			return chain.filter(exchange);
		}
		long waitNanos = refusals.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		if (waitNanos == 0) {
			return chain.filter(exchange);
		}
		turnedAway.get(Limit.REFUSALS).increment();
		return Mono.error(tooMany(settings.refusalsPerMinute(), "refused credentials", waitNanos));
	}

	/** Counts one refused authentication (no token, or a bad one) against the client's address. */
	public void countRefusal(ServerWebExchange exchange) {
		tracked(refusalKey(exchange.getRequest()), settings.refusalsPerMinute()).bucket.tryConsume(1);
	}

	private Mono<Void> limit(String key, Limit limit, int perMinute, WebFilterChain chain,
			ServerWebExchange exchange) {
		ConsumptionProbe probe = tracked(key, perMinute).bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return chain.filter(exchange);
		}
		turnedAway.get(limit).increment();
		return Mono.error(tooMany(perMinute, "these", probe.getNanosToWaitForRefill()));
	}


	private Tracked tracked(String key, int perMinute) {
		long now = System.nanoTime();
		forgetIdle(now);
		Tracked tracked = buckets.computeIfAbsent(key, unused -> new Tracked(Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build()));
		tracked.lastUsed = now;
		return tracked;
	}

	private static ApiProblem tooMany(int perMinute, String what, long waitNanos) {
		long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
		return new ApiProblem(ProblemType.TOO_MANY_REQUESTS, "More than " + perMinute + " of " + what
				+ " a minute; try again in " + seconds + " s", Map.of(ApiProblem.RETRY_AFTER, seconds));
	}

	private static String refusalKey(ServerHttpRequest request) {
		return "refused:" + address(request);
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

	/** The limits a call can hit, as the metrics name them. */
	private enum Limit { WRITES, PUBLIC, REFUSALS }

	private static final class Tracked {

		final Bucket bucket;

		volatile long lastUsed;

		Tracked(Bucket bucket) {
			this.bucket = bucket;
		}

	}

}
