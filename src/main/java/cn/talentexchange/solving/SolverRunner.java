package cn.talentexchange.solving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.bson.Document;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
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
import reactor.core.publisher.Sinks;

/**
 * Runs every solve of this instance, weekend plans, replans and secondment matches alike: one queue and one
 * solver slot (two cores), each solve on a thread of its own (never an event loop), and one place that
 * records status, progress and the end.
 *
 * <p>Every solve ends. The runner drives OptaPlanner's {@link Solver} directly, so no consumer hand-off can
 * leave it waiting; a watchdog asks a solve that outlives its time limit to stop, and abandons it as FAILED
 * once the margin has passed, freeing the slot for the next. The instance beats a heartbeat into every run it
 * holds, so that another instance can end the runs of a dead one ({@link LostRuns}).
 */
@Component
public class SolverRunner {

	private static final Logger log = LoggerFactory.getLogger(SolverRunner.class);

	private static final Duration PERSIST_EVERY = Duration.ofSeconds(1);

	private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration UPKEEP_EVERY = Duration.ofSeconds(1);

	private final ReactiveMongoTemplate mongo;

	private final SolvingSettings settings;

	private final RunMeters meters;

	private final Clock clock;

	private final String instanceId = UUID.randomUUID().toString();

	private final Map<String, Run<?>> held = new ConcurrentHashMap<>();

	private final Deque<Run<?>> queue = new ArrayDeque<>();

	private final AtomicInteger threads = new AtomicInteger();

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "solver-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final Disposable upkeep;

	private Run<?> active;

	private boolean closed;

	private Instant lastHeartbeat = Instant.EPOCH;

	SolverRunner(ReactiveMongoTemplate mongo, SolvingSettings settings, RunMeters meters, Clock clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.settings = settings;
		this.clock = clock;
		this.upkeep = Flux.interval(UPKEEP_EVERY, UPKEEP_EVERY)
			.onBackpressureDrop()
			.concatMap(tick -> upkeep().onErrorResume(failure -> {
				log.warn("Solver upkeep failed; the next round tries again", failure);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** Written into every run this instance takes, so the others can tell whose heartbeat to expect. */
	public String instanceId() {
		return instanceId;
	}

	/** Whether this instance holds the run: loading, queued or solving here. */
	public boolean holds(String runId) {
		return held.containsKey(runId);
	}

	/**
	 * Takes a run the feature has just recorded as QUEUED with this instance's id: loads its problem, queues it,
	 * solves it when the slot is free and records how it ended. Returns at once.
	 */
	public <S> void submit(SolveJob<S> job) {
		Run<S> run = new Run<>(job, clock.instant());
		held.put(job.runId(), run);
		synchronized (this) {
			if (closed) {
				end(run, RunStatus.FAILED, null, "instance-stopped: the application was shutting down");
				return;
			}
		}
		job.problem()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no problem was loaded")))
			.subscribe(problem -> enqueue(run, problem),
					failure -> end(run, RunStatus.FAILED, null, "Loading failed: " + describe(failure)));
	}

	/**
	 * Stops a run held here: one still waiting ends STOPPED with nothing proposed, one solving ends STOPPED with
	 * its best plan. Never waits.
	 *
	 * @return whether this instance holds the run
	 */
	public boolean stop(String runId) {
		Run<?> run = held.get(runId);
		if (run == null) {
			return false;
		}
		run.stopRequested = true;
		boolean waiting;
		synchronized (this) {
			waiting = queue.remove(run);
		}
		if (waiting) {
			end(run, RunStatus.STOPPED, null, null);
		}
		run.terminate();
		return true;
	}

	/** Progress of a run held here, the last event replayed; empty when it runs elsewhere or has ended. */
	public Flux<RunProgress> progress(String runId) {
		Run<?> run = held.get(runId);
		return run == null ? Flux.empty() : run.progress.asFlux();
	}

	private synchronized <S> void enqueue(Run<S> run, S problem) {
		if (run.ended.get()) {
			return;
		}
		run.problem = problem;
		queue.add(run);
		pump();
	}

	/** Starts the next queued run when the slot is free. */
	private synchronized void pump() {
		while (active == null && !closed && !queue.isEmpty()) {
			Run<?> next = queue.poll();
			if (next.stopRequested) {
				end(next, RunStatus.STOPPED, null, null);
				continue;
			}
			active = next;
			claim(next);
		}
	}

	private synchronized void freeSlot(Run<?> run) {
		if (active == run) {
			active = null;
			pump();
		}
	}

	/** QUEUED to SOLVING in the database first: a run ended meanwhile (stopped, or taken for lost) is dropped. */
	private void claim(Run<?> run) {
		Instant now = clock.instant();
		Query queued = Query.query(Criteria.where("_id").is(run.id()).and("status").is(RunStatus.QUEUED)
			.and("stopRequested").ne(true));
		Update solving = new Update().set("status", RunStatus.SOLVING).set("startedAt", now).set("heartbeatAt", now)
			.set("updatedAt", now).inc("version", 1);
		mongo.updateFirst(queued, solving, run.job.kind().runType())
			.timeout(DATABASE_TIMEOUT)
			.subscribe(result -> {
				if (result.getMatchedCount() > 0) {
					startThread(run, now);
				}
				else {
					end(run, RunStatus.STOPPED, null, null);
					freeSlot(run);
				}
			}, failure -> {
				end(run, RunStatus.FAILED, null, "Could not start: " + describe(failure));
				freeSlot(run);
			});
	}

	private <S> void startThread(Run<S> run, Instant started) {
		run.started = started;
		Duration limit = run.job.engine().timeLimit();
		Duration margin = settings.endMargin();
		// A solver that misses its own limit is asked once more half-way through the margin, then abandoned.
		run.watch(watchdog.schedule(run::terminate, limit.plus(margin.dividedBy(2)).toMillis(), TimeUnit.MILLISECONDS),
				watchdog.schedule(() -> overran(run, limit.plus(margin)), limit.plus(margin).toMillis(), TimeUnit.MILLISECONDS));
		Thread thread = new Thread(() -> solve(run), "solver-" + threads.incrementAndGet());
		thread.setDaemon(true);
		run.thread = thread;
		thread.start();
	}

	private <S> void solve(Run<S> run) {
		try {
			Solver<S> solver = run.job.engine().factory().buildSolver();
			solver.addEventListener(event -> improved(run, event.getNewBestSolution()));
			run.solver = solver;
			S best = solver.solve(run.problem);
			RunStatus status = run.stopRequested ? RunStatus.STOPPED : RunStatus.SOLVED;
			HardMediumSoftLongScore score = run.job.engine().scoreOf().apply(best);
			Update outcome = run.job.outcome(best).set("score", score == null ? null : score.toString())
				.set("firstFeasibleMillis", run.firstFeasibleMillis);
			run.last = progressOf(run, status, best);
			run.unfilledWeight = run.job.unfilledWeight(best);
			freeSlot(run);
			end(run, status, outcome, null);
		}
		catch (Throwable failure) {
			freeSlot(run);
			end(run, RunStatus.FAILED, null, describe(failure));
		}
	}

	/** On the solver thread: cheap, and never waits on anything. */
	private <S> void improved(Run<S> run, S best) {
		if (run.ended.get() || run.stopRequested) {
			// solve() clears a stop asked before it began; asking again here makes sure it holds.
			run.terminate();
			if (run.ended.get()) {
				return;
			}
		}
		HardMediumSoftLongScore score = run.job.engine().scoreOf().apply(best);
		if (run.firstFeasibleMillis == null && score != null && score.isFeasible()) {
			run.firstFeasibleMillis = elapsedMillis(run);
		}
		run.last = progressOf(run, RunStatus.SOLVING, best);
		run.progress.tryEmitNext(run.last);
		Instant now = clock.instant();
		if (run.lastPersisted == null || Duration.between(run.lastPersisted, now).compareTo(PERSIST_EVERY) >= 0) {
			run.lastPersisted = now;
			Update update = run.job.progress(best).set("score", run.last.score())
				.set("firstFeasibleMillis", run.firstFeasibleMillis);
			stillRunning(run, update).subscribe(done -> { }, failure -> log.debug("Progress of {} not recorded", run.id(), failure));
		}
	}

	private <S> RunProgress progressOf(Run<S> run, RunStatus status, S solution) {
		HardMediumSoftLongScore score = run.job.engine().scoreOf().apply(solution);
		return new RunProgress(run.id(), status, score == null ? null : score.toString(), elapsedMillis(run),
				run.job.positions(solution), run.job.filled(solution));
	}

	private void overran(Run<?> run, Duration allowed) {
		if (run.ended.get()) {
			return;
		}
		Thread thread = run.thread;
		log.error("Run {} did not end within {} of starting; abandoning its solver thread, which was at:{}", run.id(),
				allowed, thread == null ? " (not started)" : Arrays.stream(thread.getStackTrace())
					.map(frame -> "\n\tat " + frame).collect(Collectors.joining()));
		run.terminate();
		if (thread != null) {
			thread.interrupt();
		}
		freeSlot(run);
		end(run, RunStatus.FAILED, null, "overran: the solver did not end within " + allowed.toSeconds() + " s");
	}

	/**
	 * Records the end once, whatever calls it first. A failed write of the outcome is recorded as FAILED instead;
	 * if even that fails the run is let go, and {@link LostRuns} ends it once its heartbeat is missed.
	 */
	private void end(Run<?> run, RunStatus status, Update outcome, String failure) {
		if (!run.ended.compareAndSet(false, true)) {
			return;
		}
		run.unwatch();
		Instant now = clock.instant();
		long elapsed = elapsedMillis(run);
		meters.ended(mongo.getCollectionName(run.job.kind().runType()), run.job.engine().profile(), status,
				Duration.ofMillis(elapsed), run.firstFeasibleMillis, run.unfilledWeight);
		Update update = outcome == null ? new Update() : outcome;
		update.set("status", status).set("finishedAt", now);
		if (failure != null) {
			log.error("Run {} failed: {}", run.id(), failure);
			update.set("failure", failure);
		}
		else {
			log.info("Run {} ({}) ended {} after {} ms, score {}", run.id(), run.job.engine().profile(), status, elapsed,
					run.last == null ? null : run.last.score());
		}
		RunProgress last = run.last == null ? new RunProgress(run.id(), status, null, elapsed, 0, 0)
				: new RunProgress(run.id(), status, run.last.score(), elapsed, run.last.positions(), run.last.filled());
		stillRunning(run, update)
			.onErrorResume(writeFailed -> {
				log.error("Could not record the end of run {}", run.id(), writeFailed);
				return stillRunning(run, new Update().set("status", RunStatus.FAILED).set("finishedAt", now)
					.set("failure", "Could not record the outcome: " + describe(writeFailed)));
			})
			.then(run.job.kind().release(run.id()).timeout(DATABASE_TIMEOUT))
			.onErrorResume(unrecorded -> {
				log.error("Run {} ended {} but that could not be recorded; it is left to the lost-run check", run.id(),
						status, unrecorded);
				return Mono.empty();
			})
			.doFinally(signal -> {
				held.remove(run.id(), run);
				// A progress event may be on its way from the solver thread: wait for it, never drop the end.
				run.progress.emitNext(last, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
				run.progress.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
				run.recorded.complete(null);
			})
			.subscribe();
	}

	/** Only a running run's document changes: a late write never overwrites an end. */
	private Mono<Void> stillRunning(Run<?> run, Update update) {
		Query running = Query.query(Criteria.where("_id").is(run.id()).and("status").in(RunStatus.RUNNING));
		return mongo.updateFirst(running, update.set("updatedAt", clock.instant()).inc("version", 1),
				run.job.kind().runType()).timeout(DATABASE_TIMEOUT).then();
	}

	/**
	 * Every second: picks up stops asked through any instance, lets go of runs ended elsewhere (a DELETE of a lost
	 * run, or the lost-run check during a long pause here), and at each heartbeat tells the database, and the
	 * features' locks, that the runs held here are alive.
	 */
	private Mono<Void> upkeep() {
		if (held.isEmpty()) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		boolean beat = Duration.between(lastHeartbeat, now).compareTo(settings.heartbeat()) >= 0;
		if (beat) {
			lastHeartbeat = now;
		}
		Map<RunKind, List<Run<?>>> byKind = held.values().stream().collect(Collectors.groupingBy(run -> run.job.kind()));
		return Flux.fromIterable(byKind.entrySet()).concatMap(entry -> {
			RunKind kind = entry.getKey();
			Map<String, Run<?>> runs = entry.getValue().stream().collect(Collectors.toMap(Run::id, run -> run));
			Query mine = Query.query(Criteria.where("_id").in(runs.keySet()));
			mine.fields().include("status", "stopRequested");
			Mono<Void> seen = mongo.find(mine, Document.class, mongo.getCollectionName(kind.runType()))
				.doOnNext(stored -> {
					// Ids that look like ObjectIds are stored as ObjectIds.
					Run<?> run = runs.get(String.valueOf(stored.get("_id")));
					if (!RunStatus.RUNNING.contains(RunStatus.valueOf(stored.getString("status")))) {
						letGo(run);
					}
					else if (Boolean.TRUE.equals(stored.getBoolean("stopRequested")) || run.stopRequested) {
						stop(run.id());
					}
				})
				.then();
			if (!beat) {
				return seen;
			}
			Query alive = Query.query(Criteria.where("_id").in(runs.keySet()).and("status").in(RunStatus.RUNNING));
			return seen.then(mongo.updateMulti(alive, new Update().set("heartbeatAt", now), kind.runType()))
				.then(kind.renew(runs.keySet(), now.plus(settings.lostAfter())));
		}).timeout(DATABASE_TIMEOUT).then();
	}

	/** The run ended in the database without this instance: stop solving it and forget it. */
	private void letGo(Run<?> run) {
		if (!run.ended.compareAndSet(false, true)) {
			return;
		}
		log.warn("Run {} was ended elsewhere; stopping it here", run.id());
		run.unwatch();
		run.stopRequested = true;
		synchronized (this) {
			queue.remove(run);
		}
		run.terminate();
		freeSlot(run);
		held.remove(run.id(), run);
		run.progress.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		run.recorded.complete(null);
	}

	/**
	 * Before the database client closes: the solving run is stopped and keeps its best plan (STOPPED), runs still
	 * loading or waiting end FAILED as {@code instance-stopped}, so nothing is left for the lost-run check.
	 */
	@EventListener(ContextClosedEvent.class)
	void shutdown() {
		List<Run<?>> waiting;
		synchronized (this) {
			closed = true;
			waiting = new ArrayList<>(queue);
			queue.clear();
		}
		for (Run<?> run : held.values()) {
			if (run.thread == null || waiting.contains(run)) {
				end(run, RunStatus.FAILED, null, "instance-stopped: the application was shutting down");
			}
			else {
				run.stopRequested = true;
				run.terminate();
			}
		}
		CompletableFuture<?>[] ends = held.values().stream().map(run -> run.recorded).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(ends).get(settings.endMargin().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception notAllRecorded) {
			log.warn("Shutting down before every solver run recorded its end; the lost-run check will end them");
		}
		upkeep.dispose();
		watchdog.shutdownNow();
	}

	private long elapsedMillis(Run<?> run) {
		return Math.max(0, Duration.between(run.started, clock.instant()).toMillis());
	}

	private static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
	}

	/** A run held by this instance, from loading to its recorded end. */
	private static final class Run<S> {

		final SolveJob<S> job;

		final Sinks.Many<RunProgress> progress = Sinks.many().replay().latest();

		final AtomicBoolean ended = new AtomicBoolean();

		final CompletableFuture<Void> recorded = new CompletableFuture<>();

		volatile S problem;

		volatile Instant started;

		volatile Thread thread;

		volatile Solver<S> solver;

		volatile boolean stopRequested;

		volatile Long firstFeasibleMillis;

		volatile Instant lastPersisted;

		volatile RunProgress last;

		volatile Long unfilledWeight;

		private volatile List<ScheduledFuture<?>> watches = List.of();

		Run(SolveJob<S> job, Instant queued) {
			this.job = job;
			this.started = queued;
		}

		String id() {
			return job.runId();
		}

		/** Asks the solver to stop at its next step; safe before it starts and after it ends. */
		void terminate() {
			Solver<S> current = solver;
			if (current != null) {
				current.terminateEarly();
			}
		}

		void watch(ScheduledFuture<?>... scheduled) {
			watches = List.of(scheduled);
		}

		void unwatch() {
			watches.forEach(scheduled -> scheduled.cancel(false));
		}

	}

}
