package cn.talentexchange.secondment;

import java.time.Duration;

import cn.talentexchange.database.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * On the lease holder, every minute: starts approved placements on their first day, completes them after
 * their last, and closes the posts whose period has begun.
 */
@Component
class SecondmentSchedule {

	private static final Logger log = LoggerFactory.getLogger(SecondmentSchedule.class);

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final Disposable schedule;

	SecondmentSchedule(Placements placements, SecondmentCatalog catalog, ReactiveMongoTemplate mongo, Leases leases) {
		this.schedule = Flux.interval(EVERY, EVERY)
			.concatMap(tick -> leases.tryAcquire("secondment-schedule", EVERY.multipliedBy(2))
				.filter(Boolean::booleanValue)
				.flatMap(held -> mongo.findAll(SecondmentPost.class)
					.collectMap(SecondmentPost::id, SecondmentPost::role)
					.flatMap(placements::advance)
					.then(catalog.closeStarted()))
				.onErrorResume(failure -> {
					log.warn("Secondment schedule failed; next minute tries again", failure);
					return Mono.empty();
				}))
			.subscribe();
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
