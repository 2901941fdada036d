package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.security.Caller;
import cn.talentexchange.solving.LostRuns;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.solving.SolverRunner;
import cn.talentexchange.solving.SolvingSettings;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The planning module's service: start, watch, stop and publish plan runs. */
@Component
class PlanRuns {

	private static final Logger log = LoggerFactory.getLogger(PlanRuns.class);

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	private final ConditionalUpdates updates;

	private final PlanLocks locks;

	private final WeekendProblemLoader loader;

	private final WeekendSolving solving;

	private final Assignments assignments;

	private final Requests requests;

	private final SolverRunner runner;

	private final LostRuns lostRuns;

	private final OfferTiming timing;

	private final PlanningSettings settings;

	private final SolvingSettings solvingSettings;

	private final Clock clock;

	PlanRuns(ReactiveMongoTemplate mongo, PagedQueries pages, ConditionalUpdates updates, PlanLocks locks,
			WeekendProblemLoader loader, WeekendSolving solving, SolverRunner runner, LostRuns lostRuns,
			OfferTiming timing, Assignments assignments, Requests requests, PlanningSettings settings,
			SolvingSettings solvingSettings, Clock clock) {
		this.runner = runner;
		this.lostRuns = lostRuns;
		this.timing = timing;
		this.solvingSettings = solvingSettings;
		this.mongo = mongo;
		this.pages = pages;
		this.updates = updates;
		this.locks = locks;
		this.loader = loader;
		this.solving = solving;
		this.assignments = assignments;
		this.requests = requests;
		this.settings = settings;
		this.clock = clock;
	}

	/** Takes the window's lease, records the run as QUEUED, then loads and solves in the background. */
	Mono<PlanRun> start(PlanWindow requested, Caller caller) {
		String profile = requested.profile() == null ? settings.defaultProfile() : requested.profile();
		PlanWindow window = new PlanWindow(requested.from(), requested.to(), requested.counties(), profile);
		checkWindow(window);
		return start(window, caller.username(), null);
	}

	/** A replan of the given planned requests, on the quick replan profile; it publishes itself when it ends. */
	Mono<PlanRun> startReplan(LocalDate from, LocalDate to, List<String> requestIds) {
		PlanWindow window = new PlanWindow(from, to, List.of(), settings.replanProfile());
		return start(window, "system", List.copyOf(requestIds));
	}

	private Mono<PlanRun> start(PlanWindow window, String requestedBy, List<String> replanOf) {
		String profile = window.profile();
		Instant now = clock.instant();
		PlanRun run = new PlanRun(new ObjectId().toHexString(), window, profile, RunStatus.QUEUED, requestedBy,
				runner.instanceId(), false, now, null, null, null, null, null, List.of(), List.of(), null, null, 0, now,
				replanOf);
		// Reading a profile the first time compiles its constraints: not work for an event loop. The window's lease
		// lasts as long as a heartbeat may be missed; the runner renews it while the run lives.
		return Mono.fromCallable(() -> solving.engine(profile))
			.subscribeOn(Schedulers.boundedElastic())
			.then(locks.acquire(run.id(), window, solvingSettings.lostAfter()))
			.then(mongo.insert(run))
			.doOnSuccess(inserted -> solving.launch(inserted, inserted.isReplan()
					? loader.loadReplan(inserted.window(), inserted.replanOf()) : loader.load(inserted.window())));
	}

	Mono<PlanRun> find(String id) {
		return mongo.findById(id, PlanRun.class).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("plan", id)));
	}

	Mono<PagedList<PlanRun>> list(RunStatus status, Paging paging) {
		Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
		return pages.page(query, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")), paging, PlanRun.class);
	}

	/** Progress as it happens here, or read from the database every second when it runs elsewhere or ended. */
	Flux<PlanProgress> progress(String id) {
		return find(id).flatMapMany(run -> {
			Flux<PlanProgress> local = runner.progress(id).map(PlanProgress::of);
			Flux<PlanProgress> stored = Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
				.concatMap(tick -> find(id))
				.map(this::progressOf)
				.takeUntil(progress -> !RunStatus.RUNNING.contains(progress.status()));
			return local.switchIfEmpty(stored);
		});
	}

	/**
	 * Asks the run to stop and keep its best plan; whichever instance solves it stops within a second. A run whose
	 * instance has died is ended here and now as FAILED, so a stop ends a run in every state.
	 */
	Mono<PlanRun> stop(String id) {
		return updates.transition(PlanRun.class, "plan", Criteria.where("_id").is(id), null,
				Criteria.where("status").in(RunStatus.RUNNING), new Update().set("stopRequested", true),
				run -> ConditionalUpdates.invalidState("stop the plan", run.status()))
			.flatMap(run -> runner.stop(id) ? Mono.just(run)
					: lostRuns.endIfLost(solving, id).flatMap(endedHere -> endedHere ? find(id) : Mono.just(run)));
	}

	/**
	 * Offers every filled seat position and marks the requests PLANNED. Each offer is one insert with an
	 * id derived from the plan and the position, so publishing again (or after a crash half-way) creates
	 * nothing twice.
	 */
	Mono<PublishResult> publish(String id) {
		return find(id).flatMap(run -> {
			if (!RunStatus.ENDED_WITH_PLAN.contains(run.status())) {
				return Mono.<PublishResult>error(ConditionalUpdates.invalidState("publish the plan", run.status()));
			}
			if (run.isReplan()) {
				return Mono.<PublishResult>error(new ApiProblem(ProblemType.INVALID_STATE,
						"A replan publishes itself when it ends", Map.of("currentStatus", run.status().name())));
			}
			if (run.score() == null || !ScoreView.parse(run.score()).feasible()) {
				return Mono.<PublishResult>error(new ApiProblem(ProblemType.INVALID_STATE,
						"The plan breaks hard rules (" + run.score() + "); run it longer before publishing",
						Map.of("currentStatus", run.status().name())));
			}
			return offerAll(run)
				.flatMap(result -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("publishedAt").is(null)),
						new Update().set("publishedAt", clock.instant()).inc("version", 1), PlanRun.class)
					.thenReturn(result));
		});
	}

	/**
	 * Claims the plan's requests first, so a request cancelled or planned by another plan since gets no offers, and
	 * a repeated publish completes what an earlier one started. Positions whose expert another plan has since booked
	 * that weekend, or whose answer would already be due, are left out. A few round trips for the whole plan: one
	 * to claim, one to read the claims, one for other plans' bookings, one or two for the offers.
	 */
	private Mono<PublishResult> offerAll(PlanRun run) {
		List<PlanRun.Proposal> filled = run.proposals().stream()
			.filter(proposal -> proposal.expertId() != null && proposal.date() != null)
			.toList();
		if (filled.isEmpty()) {
			return Mono.just(new PublishResult(run.id(), 0, 0, 0, 0));
		}
		Set<String> requestIds = filled.stream().map(PlanRun.Proposal::requestId).collect(Collectors.toSet());
		Set<String> expertIds = filled.stream().map(PlanRun.Proposal::expertId).collect(Collectors.toSet());
		List<LocalDate> dates = filled.stream().map(proposal -> LocalDate.parse(proposal.date())).sorted().toList();
		return Mono.zip(requests.claimAllForPlan(requestIds, run.id()),
				assignments.holdingElsewhere(expertIds, run.id(), dates.get(0), dates.get(dates.size() - 1))
					.collectMultimap(Assignment::expertId))
			.flatMap(found -> {
				Set<String> claimed = found.getT1();
				Map<String, Collection<Assignment>> bookedElsewhere = found.getT2();
				List<Assignments.NewOffer> offers = new ArrayList<>();
				int skipped = 0;
				for (PlanRun.Proposal proposal : filled) {
					if (!claimed.contains(proposal.requestId())) {
						continue;
					}
					Assignments.NewOffer offer = offer(run, proposal);
					boolean booked = bookedElsewhere.getOrDefault(offer.expertId(), List.of()).stream()
						.anyMatch(held -> Assignments.clashes(held, offer.date(), offer.wholeWeekend()));
					if (booked || !offer.offerDeadline().isAfter(clock.instant())) {
						skipped++;
					}
					else {
						offers.add(offer);
					}
				}
				int left = skipped;
				return assignments.offerAll(offers)
					.map(created -> new PublishResult(run.id(), created, offers.size() - created, claimed.size(), left));
			});
	}

	/**
	 * Publishes a replan: only what changed. A position whose holder stays is left alone; an offer the plan moved
	 * to someone else is withdrawn (its expert is told) before the new offer goes out; a given-back position gets
	 * a new offer. Positions the plan could fill only by breaking a hard rule are left empty. Marked published
	 * even when nothing changed, so the same given-back seats are not replanned again and again.
	 */
	Mono<PublishResult> publishReplan(String id) {
		return find(id).flatMap(run -> {
			if (!run.isReplan() || !RunStatus.ENDED_WITH_PLAN.contains(run.status()) || run.publishedAt() != null) {
				return Mono.<PublishResult>empty();
			}
			Map<String, List<PlanRun.Proposal>> byRequest = run.proposals().stream()
				.filter(proposal -> proposal.expertId() != null && proposal.date() != null && !breaksHardRule(proposal))
				.collect(Collectors.groupingBy(PlanRun.Proposal::requestId, LinkedHashMap::new, Collectors.toList()));
			return Flux.fromIterable(byRequest.entrySet())
				.concatMap(entry -> requests.findById(entry.getKey())
					.filter(request -> request.status() == RequestStatus.PLANNED)
					.flatMap(request -> Mono.zip(assignments.holding(request.id()).collectList(),
							assignments.givenBackOn(List.of(request.id())).map(Assignment::expertId).collect(Collectors.toSet())))
					.flatMapMany(current -> Flux.fromIterable(entry.getValue())
						// Whoever gave the request back while the replan solved is not asked again.
						.filter(proposal -> !current.getT2().contains(proposal.expertId()))
						.concatMap(proposal -> refill(run, proposal, current.getT1()))))
				.collectList()
				.map(outcomes -> new PublishResult(id, (int) outcomes.stream().filter(Outcome.CREATED::equals).count(),
						(int) outcomes.stream().filter(Outcome.EXISTED::equals).count(), byRequest.size(),
						(int) outcomes.stream().filter(Outcome.SKIPPED::equals).count()))
				.flatMap(result -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("publishedAt").is(null)),
						new Update().set("publishedAt", clock.instant()).inc("version", 1), PlanRun.class)
					.doOnNext(marked -> log.info("Replan {} published: {} new offers, {} left out", id,
							result.offersCreated(), result.offersSkipped()))
					.thenReturn(result));
		});
	}

	private Mono<Outcome> refill(PlanRun run, PlanRun.Proposal proposal, List<Assignment> holders) {
		Assignment holder = holders.stream()
			.filter(held -> held.seat() == proposal.seat() && held.position() == proposal.position())
			.findFirst()
			.orElse(null);
		if (holder != null && (holder.expertId().equals(proposal.expertId()) || holder.status() != AssignmentStatus.OFFERED)) {
			return Mono.just(Outcome.EXISTED);
		}
		Assignments.NewOffer offer = offer(run, proposal);
		if (!timing.leavesTimeToAnswer(offer.date())) {
			return Mono.just(Outcome.SKIPPED);
		}
		return assignments.heldElsewhere(offer.expertId(), run.id(), offer.date(), offer.wholeWeekend())
			.flatMap(held -> {
				if (held) {
					return Mono.just(Outcome.SKIPPED);
				}
				Mono<Boolean> vacate = holder == null ? Mono.just(true) : assignments.withdraw(holder.id(), run.id());
				// The holder answered meanwhile: their answer stands and the plan's change is dropped.
				return vacate.flatMap(free -> free ? assignments.offer(offer).map(created -> created ? Outcome.CREATED
						: Outcome.EXISTED) : Mono.just(Outcome.SKIPPED));
			});
	}

	private static boolean breaksHardRule(PlanRun.Proposal proposal) {
		return proposal.scoredBy().stream().anyMatch(scored -> ScoreView.breaksHardRule(scored.score()));
	}

	private enum Outcome { CREATED, EXISTED, SKIPPED }

	PlanProgress progressOf(PlanRun run) {
		PlanView view = PlanView.of(run, clock.instant());
		int seats = run.counts() == null ? 0 : run.counts().seats();
		int filled = run.counts() == null ? 0 : run.counts().filled();
		return new PlanProgress(run.id(), run.status(), view.score(), Objects.requireNonNullElse(view.runningMillis(), 0L),
				seats, filled);
	}

	private Assignments.NewOffer offer(PlanRun run, PlanRun.Proposal proposal) {
		LocalDate date = LocalDate.parse(proposal.date());
		Instant deadline = timing.deadline(date);
		return new Assignments.NewOffer(run.id(), proposal.requestId(), proposal.countyId(), proposal.seat(),
				proposal.position(), proposal.skill(), date, proposal.wholeWeekend(), proposal.expertId(), deadline);
	}

	private void checkWindow(PlanWindow window) {
		LocalDate today = LocalDate.now(clock);
		if (window.to().isBefore(window.from())) {
			throw ApiProblem.invalid("to", "must not be before from");
		}
		if (window.to().isBefore(today)) {
			throw ApiProblem.invalid("to", "the window has passed");
		}
		if (window.from().plusDays(settings.maxWindowDays() - 1L).isBefore(window.to())) {
			throw new ApiProblem(ProblemType.VALIDATION_FAILED, "A plan covers at most " + settings.maxWindowDays() + " days",
					Map.of("errors", List.of(new ApiProblem.FieldError("to", "at most " + settings.maxWindowDays()
							+ " days after from"))));
		}
	}

	/**
	 * What publishing did: offers made now, offers that already existed, requests planned by this plan, and
	 * positions left out because their expert was booked elsewhere since or their answer would already be due.
	 */
	record PublishResult(String planId, int offersCreated, int offersExisting, int requestsPlanned, int offersSkipped) {
	}

}
