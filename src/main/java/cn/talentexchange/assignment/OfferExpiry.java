package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.talentexchange.database.Leases;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes offers whose deadline passed: OFFERED becomes EXPIRED. Runs every minute on the instance that
 * holds the lease; each offer changes in its own conditional update, so an accept that arrives at the
 * deadline and the expiry cannot both win.
 */
@Component
class OfferExpiry {

	private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final Leases leases;

	private final Clock clock;

	private final Disposable schedule;

	OfferExpiry(ReactiveMongoTemplate mongo, Leases leases, Clock clock) {
		this.mongo = mongo;
		this.leases = leases;
		this.clock = clock;
		this.schedule = Flux.interval(EVERY, EVERY)
			.concatMap(tick -> leases.tryAcquire("offer-expiry", EVERY.multipliedBy(2))
				.filter(Boolean::booleanValue)
				.flatMap(held -> expireDue())
				.onErrorResume(failure -> {
					log.warn("Offer expiry failed; next minute tries again", failure);
					return Mono.empty();
				}))
			.subscribe();
	}

	/** Expires every offer past its deadline; returns how many this call expired. */
	Mono<Long> expireDue() {
		Instant now = clock.instant();
		Criteria due = Criteria.where("status").is(AssignmentStatus.OFFERED).and("offerDeadline").lte(now);
		return mongo.find(Query.query(due), Assignment.class)
			.concatMap(offer -> mongo.updateFirst(Query.query(Criteria.where("_id").is(offer.id()).andOperator(due)),
					new Update().set("status", AssignmentStatus.EXPIRED)
						.push("history", new Assignment.Transition(AssignmentStatus.EXPIRED, now, "system", "DEADLINE_PASSED", null))
						.set("updatedAt", now)
						.inc("version", 1),
					Assignment.class))
			.filter(result -> result.getModifiedCount() > 0)
			.count();
	}

	@PreDestroy
	void stop() {
		schedule.dispose();
	}

}
