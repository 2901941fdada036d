package cn.talentexchange.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import cn.talentexchange.demand.Priority;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import jakarta.annotation.PreDestroy;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
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
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Runs weekend plans on OptaPlanner's own solver threads (never a Netty event loop), streams their
 * progress, and persists every outcome. Solver configurations are read from {@code solver-config/}
 * when first used, so an operator can tune them without a build.
 */
@Component
class WeekendSolving {

	private static final Logger log = LoggerFactory.getLogger(WeekendSolving.class);

	private static final Duration PERSIST_EVERY = Duration.ofSeconds(1);

	private final ReactiveMongoTemplate mongo;

	private final PlanningSettings settings;

	private final Clock clock;

	private final PlanLocks locks;

	private final String instanceId;

	private final Map<String, Engine> engines = new ConcurrentHashMap<>();

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	private final Semaphore solverSlot = new Semaphore(1, true);

	private final Disposable stopWatcher;

	WeekendSolving(ReactiveMongoTemplate mongo, PlanningSettings settings, Clock clock, PlanLocks locks) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
		this.locks = locks;
		this.instanceId = UUID.randomUUID().toString();
		// A stop may be asked through another instance; it lands in the database and is seen here.
		this.stopWatcher = Flux.interval(Duration.ofSeconds(1))
			.filter(tick -> !running.isEmpty())
			.concatMap(tick -> mongo.find(Query.query(Criteria.where("_id").in(running.keySet()).and("stopRequested").is(true)),
					PlanRun.class).onErrorResume(failure -> Flux.empty()))
			.publishOn(Schedulers.boundedElastic())
			.subscribe(run -> stop(run.id()));
	}

	String instanceId() {
		return instanceId;
	}

	/** Scores plans the way the given profile's solver does. */
	SolutionManager<WeekendPlan, HardMediumSoftLongScore> solutionManager(String profile) {
		return engine(profile).solutionManager();
	}

	/** The longest a run with this profile can take, for the window lease. */
	Duration maxDuration(String profile) {
		Long limit = engine(profile).config().getTerminationConfig().calculateTimeMillisSpentLimit();
		return limit == null ? Duration.ofHours(1) : Duration.ofMillis(limit);
	}

	void launch(PlanRun run, WeekendPlan problem) {
		Engine engine = engine(run.profile());
		Running job = new Running(engine, Sinks.many().replay().latest(), clock.instant(), problem.getSlots().size());
		running.put(run.id(), job);
		engine.solverManager().solveAndListen(run.id(), id -> {
			// Each profile has its own solver thread; this keeps it to one solve at a time on two cores.
			solverSlot.acquireUninterruptibly();
			job.holdsSolverSlot = true;
			if (job.stopped) {
				throw new StoppedBeforeStart();
			}
			job.started = clock.instant();
			job.solving = true;
			persist(run.id(), new Update().set("status", PlanStatus.SOLVING).set("startedAt", job.started)).subscribe();
			return problem;
		}, best -> improved(run.id(), job, best), best -> finished(run, job, engine, best),
				(id, failure) -> failed(run.id(), job, failure));
	}

	/**
	 * Asks this instance's solver to stop; the best solution so far is kept as STOPPED. A plan still waiting
	 * for a solver thread ends STOPPED, with nothing proposed, when its turn comes. Terminating waits for
	 * the solver to finish, so callers run this off the event loop; it is safe to call again.
	 */
	void stop(String planId) {
		Running job = running.get(planId);
		if (job == null) {
			return;
		}
		job.stopped = true;
		if (!job.solving) {
			return;
		}
		try {
			job.engine.solverManager().terminateEarly(planId);
		}
		catch (RuntimeException notRegisteredYet) {
			// OptaPlanner 10.2 throws if the job started a moment ago and is not fully registered; the stop
			// request is in the database, so the stop watcher asks again within a second.
			log.debug("Plan {} cannot be stopped yet", planId, notRegisteredYet);
		}
	}

	/** Progress of a plan running on this instance, or empty when it runs elsewhere or has ended. */
	Flux<PlanProgress> progress(String planId) {
		Running job = running.get(planId);
		return job == null ? Flux.empty() : job.progress.asFlux();
	}

	private void improved(String planId, Running job, WeekendPlan best) {
		HardMediumSoftLongScore score = best.getScore();
		long elapsed = Duration.between(job.started, clock.instant()).toMillis();
		if (job.firstFeasibleMillis == null && score.isFeasible()) {
			job.firstFeasibleMillis = elapsed;
		}
		int filled = (int) best.getSlots().stream().filter(slot -> slot.getExpert() != null).count();
		job.progress.tryEmitNext(new PlanProgress(planId, PlanStatus.SOLVING, ScoreView.of(score), elapsed, job.seats, filled));
		Instant now = clock.instant();
		if (job.lastPersisted == null || Duration.between(job.lastPersisted, now).compareTo(PERSIST_EVERY) >= 0) {
			job.lastPersisted = now;
			persist(planId, new Update().set("score", score.toString()).set("firstFeasibleMillis", job.firstFeasibleMillis))
				.subscribe();
		}
	}

	private void finished(PlanRun run, Running job, Engine engine, WeekendPlan best) {
		PlanStatus status = job.stopped ? PlanStatus.STOPPED : PlanStatus.SOLVED;
		Instant end = clock.instant();
		try {
			ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation = engine.solutionManager().explain(best);
			PlanRun.Counts counts = counts(best);
			Update update = new Update().set("status", status)
				.set("finishedAt", end)
				.set("score", best.getScore().toString())
				.set("firstFeasibleMillis", job.firstFeasibleMillis)
				.set("counts", counts)
				.set("proposals", proposals(best, explanation))
				.set("constraints", totals(explanation));
			finish(run, job, update, new PlanProgress(run.id(), status, ScoreView.of(best.getScore()),
					Duration.between(job.started, end).toMillis(), job.seats, counts.filled()));
		}
		catch (RuntimeException failure) {
			failed(run.id(), job, failure);
		}
	}

	private void failed(String planId, Running job, Throwable failure) {
		PlanStatus status = failure instanceof StoppedBeforeStart ? PlanStatus.STOPPED : PlanStatus.FAILED;
		Update update = new Update().set("status", status).set("finishedAt", clock.instant());
		if (status == PlanStatus.FAILED) {
			log.error("Plan {} failed", planId, failure);
			update.set("failure", failure.getClass().getSimpleName() + ": " + failure.getMessage());
		}
		mongo.findById(planId, PlanRun.class)
			.subscribe(run -> finish(run, job, update, new PlanProgress(planId, status, ScoreView.parse(run.score()),
					Math.max(0, Duration.between(job.started, clock.instant()).toMillis()), job.seats, 0)));
	}

	/** A plan stopped while it waited for a solver thread: nothing to solve, nothing went wrong. */
	private static final class StoppedBeforeStart extends RuntimeException {

		StoppedBeforeStart() {
			super("stopped before it started", null, false, false);
		}

	}

	private void finish(PlanRun run, Running job, Update update, PlanProgress last) {
		persist(run.id(), update)
			.then(locks.release(run.id()))
			.doFinally(signal -> {
				if (job.holdsSolverSlot) {
					job.holdsSolverSlot = false;
					solverSlot.release();
				}
				running.remove(run.id());
				// A progress event may be emitted on the solver thread at the same moment: wait for it, never drop the end.
				job.progress.emitNext(last, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
				job.progress.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
			})
			.subscribe(done -> { }, failure -> log.error("Could not record the end of plan {}", run.id(), failure));
	}

	/** Only a running plan's document changes: a late progress write never overwrites the outcome. */
	private Mono<Void> persist(String planId, Update update) {
		Query stillRunning = Query.query(Criteria.where("_id").is(planId).and("status").in(PlanStatus.RUNNING));
		return mongo.updateFirst(stillRunning, update.set("updatedAt", clock.instant()).inc("version", 1), PlanRun.class)
			.then();
	}

	static PlanRun.Counts counts(WeekendPlan plan) {
		Map<String, Integer> unfilled = new LinkedHashMap<>();
		Map<String, Integer> filled = new LinkedHashMap<>();
		for (Priority priority : Priority.values()) {
			unfilled.put(priority.name(), 0);
			filled.put(priority.name(), 0);
		}
		int filledTotal = 0;
		for (SeatSlot slot : plan.getSlots()) {
			String priority = Priority.ofWeight(slot.getVisit().getPriorityWeight()).name();
			if (slot.getExpert() == null) {
				unfilled.merge(priority, 1, Integer::sum);
			}
			else {
				filled.merge(priority, 1, Integer::sum);
				filledTotal++;
			}
		}
		return new PlanRun.Counts(plan.getSlots().size(), filledTotal, plan.getSlots().size() - filledTotal, unfilled, filled);
	}

	private static List<PlanRun.Proposal> proposals(WeekendPlan plan,
			ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation) {
		Map<Object, Indictment<HardMediumSoftLongScore>> indictments = explanation.getIndictmentMap();
		List<PlanRun.Proposal> proposals = new ArrayList<>();
		for (SeatSlot slot : plan.getSlots()) {
			Indictment<HardMediumSoftLongScore> indictment = indictments.get(slot);
			List<PlanRun.SlotScore> scoredBy = indictment == null ? List.of() : indictment.getConstraintMatchSet().stream()
				.map(match -> new PlanRun.SlotScore(match.getConstraintName(), match.getScore().toString()))
				.sorted(Comparator.comparing(PlanRun.SlotScore::constraint))
				.toList();
			proposals.add(new PlanRun.Proposal(slot.getId(), slot.getVisit().getRequestId(), slot.getVisit().getCountyId(),
					slot.getSeat(), positionOf(slot), slot.getSkill(),
					Priority.ofWeight(slot.getVisit().getPriorityWeight()).name(),
					slot.getDate() == null ? null : slot.getDate().toString(), slot.getVisit().isWholeWeekend(),
					slot.getExpert() == null ? null : slot.getExpert().getId(), scoredBy));
		}
		return proposals;
	}

	private static List<PlanRun.ConstraintTotal> totals(ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation) {
		return explanation.getConstraintMatchTotalMap().values().stream()
			.map(total -> new PlanRun.ConstraintTotal(total.getConstraintName(), level(total.getConstraintWeight()),
					total.getScore().toString(), total.getConstraintMatchCount()))
			.sorted(Comparator.comparing(PlanRun.ConstraintTotal::level).thenComparing(PlanRun.ConstraintTotal::name))
			.toList();
	}

	private static String level(HardMediumSoftLongScore weight) {
		return weight.hardScore() != 0 ? "HARD" : weight.mediumScore() != 0 ? "MEDIUM" : "SOFT";
	}

	private static int positionOf(SeatSlot slot) {
		return Integer.parseInt(slot.getId().substring(slot.getId().lastIndexOf('.') + 1));
	}

	private Engine engine(String profile) {
		return engines.computeIfAbsent(profile, name -> {
			Path file = Path.of(settings.solverConfigDirectory(), name + ".xml");
			if (!Files.isRegularFile(file)) {
				throw new ApiProblem(ProblemType.VALIDATION_FAILED, "No solver configuration " + file,
						Map.of("errors", List.of(new ApiProblem.FieldError("profile", "no such solver configuration"))));
			}
			try (InputStream xml = Files.newInputStream(file)) {
				SolverConfig config = SolverConfig.createFromXmlInputStream(xml, getClass().getClassLoader());
				SolverFactory<WeekendPlan> factory = SolverFactory.create(config);
				// Two cores: one plan solves at a time per profile, and solverSlot makes it one in all.
				SolverManager<WeekendPlan, String> manager = SolverManager.create(factory,
						new SolverManagerConfig().withParallelSolverCount("1"));
				return new Engine(config, manager, SolutionManager.create(factory));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@PreDestroy
	void shutdown() {
		stopWatcher.dispose();
		engines.values().forEach(engine -> engine.solverManager().close());
	}

	private record Engine(SolverConfig config, SolverManager<WeekendPlan, String> solverManager,
			SolutionManager<WeekendPlan, HardMediumSoftLongScore> solutionManager) {
	}

	/** A plan queued or solving on this instance. */
	private static final class Running {

		final Engine engine;

		final Sinks.Many<PlanProgress> progress;

		final int seats;

		volatile Instant started;

		volatile Long firstFeasibleMillis;

		volatile Instant lastPersisted;

		volatile boolean stopped;

		volatile boolean solving;

		volatile boolean holdsSolverSlot;

		Running(Engine engine, Sinks.Many<PlanProgress> progress, Instant queued, int seats) {
			this.engine = engine;
			this.progress = progress;
			this.started = queued;
			this.seats = seats;
		}

	}

}
