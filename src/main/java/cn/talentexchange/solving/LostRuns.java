package cn.talentexchange.solving;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.Leases;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends the runs a dead instance left QUEUED or SOLVING: once their heartbeat is older than the allowed
 * silence, whichever live instance holds the lease (a restarted one too) records them FAILED as
 * {@code instance-lost} and frees what they held, so their window can be planned again.
 */
@Component
public class LostRuns {

	private static final Logger log = LoggerFactory.getLogger(LostRuns.class);

	static final String INSTANCE_LOST = "instance-lost: the instance solving it stopped answering";

	private final ReactiveMongoTemplate mongo;

	private final List<RunKind> kinds;

	private final SolvingSettings settings;

	private final Clock clock;

	private final Disposable schedule;

	LostRuns(ReactiveMongoTemplate mongo, Leases leases, List<RunKind> kinds, SolvingSettings settings, Clock clock) {
		this.mongo = mongo;
		this.kinds = List.copyOf(kinds);
		this.settings = settings;
		this.clock = clock;
		this.schedule = leases.whileHolding("lost-solver-runs", settings.heartbeat(), Flux.empty(), this::endAll);
	}

	/** Ends every lost run of every kind; the number ended. */
	Mono<Long> endAll() {
		return Flux.fromIterable(kinds)
			.concatMap(kind -> mongo.find(lost(null), Document.class, mongo.getCollectionName(kind.runType()))
				// Ids that look like ObjectIds are stored as ObjectIds.
				.concatMap(stored -> endIfLost(kind, String.valueOf(stored.get("_id"))).filter(Boolean::booleanValue)))
			.count();
	}

	/** Ends the run as FAILED {@code instance-lost} if its heartbeat is missed; whether it did. */
	public Mono<Boolean> endIfLost(RunKind kind, String runId) {
		Instant now = clock.instant();
		Update failed = new Update().set("status", RunStatus.FAILED).set("finishedAt", now).set("failure", INSTANCE_LOST)
			.set("updatedAt", now).inc("version", 1);
		return mongo.updateFirst(lost(runId), failed, kind.runType())
			.filter(result -> result.getModifiedCount() > 0)
			.flatMap(ended -> {
				log.warn("Run {} was left by a dead instance; ended as FAILED", runId);
				return kind.release(runId).thenReturn(true);
			})
			.defaultIfEmpty(false);
	}

	/** Running, and silent for longer than allowed (runs recorded before heartbeats existed: since they were created). */
	private Query lost(String runId) {
		Instant silentSince = clock.instant().minus(settings.lostAfter());
		Criteria running = runId == null ? Criteria.where("status").in(RunStatus.RUNNING)
				: Criteria.where("_id").is(runId).and("status").in(RunStatus.RUNNING);
		return Query.query(running
			.orOperator(Criteria.where("heartbeatAt").lt(silentSince),
					Criteria.where("heartbeatAt").isNull().and("createdAt").lt(silentSince)));
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
