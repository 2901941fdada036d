package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.talentexchange.database.LostRace;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps two plans from solving overlapping windows at once, across application instances: every
 * running plan holds a lease in one lock document, and a new lease is added by a compare-and-set on
 * that document's version. The instance solving a plan renews its lease with every heartbeat; a lease not
 * renewed runs out on its own, so a crashed instance blocks nobody for longer than the lost-run silence.
 */
@Component
class PlanLocks {

	private static final String LOCK_ID = "weekend";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	PlanLocks(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<Void> acquire(String planId, PlanWindow window, Duration lease) {
		return current().flatMap(lock -> {
			Instant now = clock.instant();
			List<Lease> live = new ArrayList<>(lock.leases().stream().filter(held -> held.until().isAfter(now)).toList());
			for (Lease held : live) {
				if (held.window().overlaps(window)) {
					return Mono.error(new ApiProblem(ProblemType.WINDOW_BUSY, "Plan " + held.planId()
							+ " is running over " + held.window().from() + ".." + held.window().to(),
							Map.of("runningPlanId", held.planId())));
				}
			}
			live.add(new Lease(planId, window, now.plus(lease)));
			return swap(lock, live);
		}).retryWhen(Retry.max(20).filter(LostRace.class::isInstance)).then();
	}

	Mono<Void> release(String planId) {
		return current().flatMap(lock -> swap(lock, lock.leases().stream()
			.filter(held -> !held.planId().equals(planId))
			.toList())).retryWhen(Retry.max(20).filter(LostRace.class::isInstance)).then();
	}

	/** Extends the leases of the given plans, those still held, until {@code until}. */
	Mono<Void> renew(Collection<String> planIds, Instant until) {
		return current().flatMap(lock -> {
			if (lock.leases().stream().noneMatch(held -> planIds.contains(held.planId()))) {
				return Mono.just(lock);
			}
			return swap(lock, lock.leases().stream()
				.map(held -> planIds.contains(held.planId()) ? new Lease(held.planId(), held.window(), until) : held)
				.toList());
		}).retryWhen(Retry.max(20).filter(LostRace.class::isInstance)).then();
	}

	private Mono<PlanLock> current() {
		return mongo.findById(LOCK_ID, PlanLock.class)
			.switchIfEmpty(Mono.defer(() -> mongo.insert(new PlanLock(LOCK_ID, List.of(), 0))
				.onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(LOCK_ID, PlanLock.class))));
	}

	private Mono<PlanLock> swap(PlanLock lock, List<Lease> leases) {
		Query sameVersion = Query.query(Criteria.where("_id").is(LOCK_ID).and("version").is(lock.version()));
		Update update = new Update().set("leases", leases).inc("version", 1);
		return mongo.findAndModify(sameVersion, update, FindAndModifyOptions.options().returnNew(true), PlanLock.class)
			.switchIfEmpty(Mono.error(LostRace::new));
	}

	@Document("planLocks")
	record PlanLock(String id, List<Lease> leases, long version) {
	}

	record Lease(String planId, PlanWindow window, Instant until) {
	}

}
