package cn.talentexchange.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Named leases in one collection, so that a scheduled job runs on one application instance at a time.
 * Taking a lease is one {@code findAndModify}: it succeeds when the lease is free, expired, or already
 * ours; an upsert racing another instance loses on the unique {@code _id}.
 */
@Component
public class Leases {

	private static final Logger log = LoggerFactory.getLogger(Leases.class);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String owner;

	@Autowired
	public Leases(ReactiveMongoTemplate mongo, Clock clock) {
		this(mongo, clock, UUID.randomUUID().toString());
	}

	/** For tests that play two instances. */
	Leases(ReactiveMongoTemplate mongo, Clock clock, String owner) {
		this.mongo = mongo;
		this.clock = clock;
		this.owner = owner;
	}

	/** Whether this instance now holds the lease for the given time. */
	public Mono<Boolean> tryAcquire(String name, Duration duration) {
		return Mono.defer(() -> acquire(name, duration));
	}

	/**
	 * Runs {@code work} at every period, and at every extra tick, on whichever instance holds the named lease
	 * (taken for two periods, so a crashed holder is replaced soon). One round at a time: ticks that come while
	 * a round runs are dropped. A failed round is logged and the next tick tries again.
	 */
	public Disposable whileHolding(String name, Duration every, Flux<?> extraTicks, Supplier<Mono<?>> work) {
		return Flux.merge(Flux.interval(every, every), extraTicks)
			.onBackpressureDrop()
			.concatMap(tick -> tryAcquire(name, every.multipliedBy(2))
				.filter(Boolean::booleanValue)
				.flatMap(held -> work.get())
				.onErrorResume(failure -> {
					log.warn("Scheduled work under lease {} failed; the next round tries again", name, failure);
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	private Mono<Boolean> acquire(String name, Duration duration) {
		Instant now = clock.instant();
		Query takeable = Query.query(Criteria.where("_id").is(name)
			.orOperator(Criteria.where("until").lt(now), Criteria.where("owner").is(owner)));
		Update take = new Update().set("owner", owner).set("until", now.plus(duration));
		return mongo.findAndModify(takeable, take, FindAndModifyOptions.options().upsert(true).returnNew(true), Lease.class)
			.map(lease -> owner.equals(lease.owner()))
			.defaultIfEmpty(false)
			.onErrorResume(DuplicateKeyException.class, heldByAnother -> Mono.just(false));
	}

	@Document("leases")
	record Lease(String id, String owner, Instant until) {
	}

}
