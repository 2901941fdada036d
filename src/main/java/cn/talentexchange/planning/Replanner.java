package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.database.Leases;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Heals published plans. A seat given back (declined, expired, cancelled) on a planned request is refilled by
 * a small replan of that request: accepted experts pinned, current offers kept unless moving one is worth it,
 * decliners never asked again. It runs a few seconds after a seat is given back and every minute, on the
 * instance holding the lease, followed by the alerts about seats still unfilled close to the date. What needs a replan is read from the stored assignments each time, so a crash
 * loses nothing: a given-back seat counts as handled only once a replan covering it was published after it.
 */
@Component
class Replanner {

	private static final Logger log = LoggerFactory.getLogger(Replanner.class);

	private static final Duration EVERY = Duration.ofMinutes(1);

	private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(30);

	private final Assignments assignments;

	private final Requests requests;

	private final PlanRuns runs;

	private final ReactiveMongoTemplate mongo;

	private final PlanningSettings settings;

	private final Clock clock;

	private final UnfilledSeatAlerts alerts;

	private final OfferTiming timing;

	private final Disposable schedule;

	Replanner(Assignments assignments, Requests requests, PlanRuns runs, ReactiveMongoTemplate mongo, Leases leases,
			PlanningSettings settings, Clock clock, UnfilledSeatAlerts alerts, OfferTiming timing) {
		this.alerts = alerts;
		this.timing = timing;
		this.assignments = assignments;
		this.requests = requests;
		this.runs = runs;
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
		this.schedule = leases.whileHolding("replanning", EVERY, assignments.freedSeats().sample(settings.replanDelay()),
				() -> replanDue().then(alerts.raise()));
	}

	/**
	 * Starts a replan for every planned request with a given-back seat not yet covered by a published replan,
	 * one run per window of at most the longest plan window. Each run publishes itself when it ends.
	 */
	Flux<PlanRun> replanDue() {
		return needingReplan().collectList().flatMapMany(due -> Flux.fromIterable(windows(due))
			.concatMap(window -> runs.startReplan(window.get(0).date(), window.get(window.size() - 1).date(),
					window.stream().map(Due::requestId).distinct().toList())
				.doOnNext(run -> log.info("Replan {} started for {}", run.id(), run.replanOf()))
				.doOnNext(run -> runs.progress(run.id()).then(runs.publishReplan(run.id()))
					.subscribe(published -> { }, failure -> log.warn("Replan {} was not published", run.id(), failure)))
				// A coordinator's plan over the same weekends runs now; the next round tries again.
				.onErrorResume(ApiProblem.class, busy -> Mono.empty())));
	}

	/** Planned requests with a seat given back after the last replan that covered them, still early enough to offer. */
	Flux<Due> needingReplan() {
		LocalDate earliest = timing.earliestOfferableDate();
		return assignments.givenBackFrom(earliest)
			.collectMultimap(Assignment::requestId)
			.flatMapMany(byRequest -> Flux.fromIterable(byRequest.entrySet()))
			.concatMap(entry -> {
				Instant lastGivenBack = entry.getValue().stream().map(Assignment::updatedAt).max(Comparator.naturalOrder())
					.orElseThrow();
				LocalDate date = entry.getValue().iterator().next().date();
				return requests.findById(entry.getKey())
					.filter(request -> request.status() == RequestStatus.PLANNED)
					.filterWhen(request -> hasFreePosition(request))
					.filterWhen(request -> notCoveredSince(request.id(), lastGivenBack))
					.map(request -> new Due(request.id(), date));
			});
	}

	private Mono<Boolean> hasFreePosition(DemandRequest request) {
		return assignments.holding(request.id()).count().map(held -> held < request.seatPositions());
	}

	/**
	 * Whether no replan covers the seat given back: one covers it if it was started (and so loaded its problem)
	 * after the seat came back and is published, still running, or failed recently. Every run ends (one left by
	 * a dead instance is ended as FAILED within about a minute), and a failing one is retried after a pause rather
	 * than every minute.
	 */
	private Mono<Boolean> notCoveredSince(String requestId, Instant givenBack) {
		Instant now = clock.instant();
		Criteria covering = Criteria.where("replanOf").is(requestId).and("createdAt").gte(givenBack)
			.orOperator(Criteria.where("publishedAt").ne(null),
					Criteria.where("status").in(RunStatus.RUNNING),
					Criteria.where("status").is(RunStatus.FAILED).and("createdAt").gt(now.minus(RETRY_FAILED_AFTER)));
		return mongo.exists(Query.query(covering), PlanRun.class).map(covered -> !covered);
	}

	/** Groups the due requests, by date, into runs whose windows stay within the longest plan window. */
	private List<List<Due>> windows(List<Due> due) {
		List<Due> byDate = due.stream().sorted(Comparator.comparing(Due::date)).toList();
		List<List<Due>> windows = new ArrayList<>();
		for (Due next : byDate) {
			List<Due> current = windows.isEmpty() ? null : windows.get(windows.size() - 1);
			if (current == null || current.get(0).date().plusDays(settings.maxWindowDays() - 1L).isBefore(next.date())) {
				current = new ArrayList<>();
				windows.add(current);
			}
			current.add(next);
		}
		return windows;
	}

	/** A planned request to replan, and the date of its visit. */
	record Due(String requestId, LocalDate date) {
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
