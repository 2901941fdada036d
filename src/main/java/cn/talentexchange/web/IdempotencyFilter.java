package cn.talentexchange.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Phones retry POSTs when the network drops the answer. With an {@code Idempotency-Key} header the first
 * successful answer is kept for 24 hours and replayed to a retry of the same request; the same key on a
 * different request is refused with 422. Failed requests are not kept, so a retry is evaluated afresh.
 * Runs after security, so keys are per caller.
 */
@Component
class IdempotencyFilter implements WebFilter, Ordered {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-:.]{8,128}");

	private static final Duration KEPT = Duration.ofHours(24);

	private static final int MAX_BODY = 256 * 1024;

	/** No request takes this long; a claim older than this belongs to an instance that crashed. */
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Disposable purge;

	private final Counter replays;

	IdempotencyFilter(ReactiveMongoTemplate mongo, MeterRegistry registry, Clock clock) {
		this.mongo = mongo;
		this.replays = Counter.builder("talent.idempotent.replays")
			.description("Retried writes answered with the first answer kept under their Idempotency-Key")
			.register(registry);
		this.clock = clock;
		// The embedded server ignores TTL indexes, so expired keys are also removed here, hourly.
		this.purge = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(1))
			.concatMap(tick -> mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), IdempotencyRecord.class)
				.onErrorResume(failure -> Mono.empty()))
			.subscribe();
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (key == null || exchange.getRequest().getMethod() != HttpMethod.POST) {
			return chain.filter(exchange);
		}
		if (!KEY.matcher(key).matches()) {
			return Mono.error(ApiProblem.invalid(HEADER, "must be 8 to 128 letters, digits or -_:."));
		}
		return exchange.getPrincipal()
			.map(Principal::getName)
			.defaultIfEmpty("anonymous")
			.zipWith(DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY).map(IdempotencyFilter::bytes)
				.defaultIfEmpty(new byte[0]))
			.flatMap(callerAndBody -> {
				String id = callerAndBody.getT1() + ":" + key;
				byte[] body = callerAndBody.getT2();
				String hash = hash(exchange, body);
				Instant now = clock.instant();
				IdempotencyRecord claim = new IdempotencyRecord(id, hash, false, 0, null, null, null, null, now, now.plus(KEPT));
				Mono<Void> claimAndProceed = mongo.insert(claim).then(Mono.defer(() -> proceed(exchange, chain, body, id)));
				return claimAndProceed.onErrorResume(DuplicateKeyException.class, seen -> mongo.findById(id, IdempotencyRecord.class)
					.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.REQUEST_IN_PROGRESS, "Retry in a moment")))
					.flatMap(first -> abandoned(first)
							// The first attempt died with its instance: its claim must not block the key for a day.
							? mongo.remove(Query.query(Criteria.where("_id").is(id).and("done").is(false)), IdempotencyRecord.class)
								.then(claimAndProceed)
							: answerAgain(exchange, first, hash)));
			});
	}

	private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, byte[] body, String id) {
		ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> answer) {
				return DataBufferUtils.join(answer).flatMap(buffer -> {
					byte[] bytes = bytes(buffer);
					return remember(id, getDelegate(), bytes)
						.then(super.writeWith(Mono.just(bufferFactory().wrap(bytes))));
				});
			}
		};
		return chain.filter(exchange.mutate().request(request).response(response).build())
			.onErrorResume(failure -> forget(id).then(Mono.error(failure)));
	}

	/** Only successful answers are kept; anything else lets a retry try again. */
	private Mono<Void> remember(String id, org.springframework.http.server.reactive.ServerHttpResponse response,
			byte[] body) {
		if (response.getStatusCode() == null || !response.getStatusCode().is2xxSuccessful()) {
			return forget(id);
		}
		HttpHeaders headers = response.getHeaders();
		MediaType type = headers.getContentType();
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("done", true)
			.set("status", response.getStatusCode().value())
			.set("contentType", type == null ? null : type.toString())
			.set("etag", headers.getETag())
			.set("location", headers.getLocation() == null ? null : headers.getLocation().toString())
			.set("body", body), IdempotencyRecord.class).then();
	}

	private Mono<Void> forget(String id) {
		return mongo.remove(Query.query(Criteria.where("_id").is(id).and("done").is(false)), IdempotencyRecord.class).then();
	}

	private boolean abandoned(IdempotencyRecord record) {
		return !record.done() && record.createdAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
	}

	private Mono<Void> answerAgain(ServerWebExchange exchange, IdempotencyRecord first, String hash) {
		if (!first.done()) {
			return Mono.error(new ApiProblem(ProblemType.REQUEST_IN_PROGRESS, "The first request with this key is still running"));
		}
		if (!first.requestHash().equals(hash)) {
			return Mono.error(new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used for a different request; use a new key for a new request"));
		}
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(first.status()));
		HttpHeaders headers = response.getHeaders();
		if (first.contentType() != null) {
			headers.setContentType(MediaType.parseMediaType(first.contentType()));
		}
		if (first.etag() != null) {
			headers.setETag(first.etag());
		}
		if (first.location() != null) {
			headers.set(HttpHeaders.LOCATION, first.location());
		}
		headers.set(REPLAYED, "true");
		replays.increment();
		return response.writeWith(Mono.just(response.bufferFactory().wrap(first.body() == null ? new byte[0] : first.body())));
	}

	private static String hash(ServerWebExchange exchange, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath() + "?"
					+ exchange.getRequest().getURI().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		purge.dispose();
	}

}
