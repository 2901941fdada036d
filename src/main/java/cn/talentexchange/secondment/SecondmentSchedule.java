package cn.talentexchange.secondment;

import java.time.Duration;

import cn.talentexchange.database.Leases;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * On the lease holder, every minute: starts approved placements on their first day, completes them after
 * their last, and closes the posts whose period has begun.
 */
@Component
class SecondmentSchedule {

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final Disposable schedule;

	SecondmentSchedule(Placements placements, SecondmentCatalog catalog, Leases leases) {
		this.schedule = leases.whileHolding("secondment-schedule", EVERY, Flux.empty(),
				() -> placements.advance().then(catalog.closeStarted()));
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
