package cn.talentexchange.solving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.talentexchange.database.Leases;
import cn.talentexchange.solving.Toy.ToyJob;
import cn.talentexchange.solving.Toy.ToyPlan;
import cn.talentexchange.solving.Toy.ToyRun;
import cn.talentexchange.support.ApiTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solver runner on the embedded database with a toy problem: every solve ends in a known state whatever
 * the solver, the feature's code or the database does, and nothing it held stays held.
 */
class SolverRunnerTest extends ApiTest {

	private static final Duration SHORT = Duration.ofMillis(200);

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@Autowired
	Leases leases;

	private final ToyRuns kind = new ToyRuns();

	private final List<SolverRunner> runners = new ArrayList<>();

	@AfterEach
	void shutDownRunners() {
		runners.forEach(SolverRunner::shutdown);
	}

	@AfterAll
	static void releaseHungSolvers() {
		Toy.RELEASE.countDown();
	}

	@Test
	void aSolverThatNeverReturnsIsAbandonedAsFailedWithinItsMarginAndTheNextRunSolves() {
		SolverRunner runner = runner(Duration.ofSeconds(2), Duration.ofSeconds(10));
		Instant submitted = clock.instant();
		String hung = submit(runner, job(Toy.hangingEngine(Duration.ofSeconds(1)), Toy.problem(20, 1)));
		String next = submit(runner, job(Toy.engine(SHORT), Toy.problem(20, 2)));

		ToyRun abandoned = awaitEnd(hung, Duration.ofSeconds(20));
		assertThat(abandoned.status()).isEqualTo(RunStatus.FAILED);
		assertThat(abandoned.failure()).startsWith("overran");
		// One second of stated limit and two of margin; the rest is slack for a starved machine.
		assertThat(Duration.between(submitted, abandoned.finishedAt())).isLessThan(Duration.ofSeconds(8));
		ToyRun solved = awaitEnd(next, Duration.ofSeconds(20));
		assertThat(solved.status()).isEqualTo(RunStatus.SOLVED);
		assertThat(solved.score()).isNotNull();
		assertThat(kind.released).contains(hung, next);
		assertThat(runner.holds(hung)).isFalse();
	}

	@Test
	void anOutcomeThatThrowsEndsFailedWithItsReasonAndFreesTheSlot() {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(10));
		String broken = submit(runner, new ToyJob(id(), kind, Toy.engine(SHORT), Mono.just(Toy.problem(20, 3)), best -> {
			throw new IllegalStateException("the analysis broke");
		}));
		String next = submit(runner, job(Toy.engine(SHORT), Toy.problem(20, 4)));

		ToyRun failed = awaitEnd(broken, Duration.ofSeconds(20));
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.failure()).isEqualTo("IllegalStateException: the analysis broke");
		assertThat(awaitEnd(next, Duration.ofSeconds(20)).status()).isEqualTo(RunStatus.SOLVED);
		assertThat(kind.released).contains(broken, next);
	}

	@Test
	void anOutcomeTheDatabaseRefusesIsRecordedAsFailed() {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(10));
		// $inc on a date: the database refuses the whole update.
		String refused = submit(runner, new ToyJob(id(), kind, Toy.engine(SHORT), Mono.just(Toy.problem(20, 5)),
				best -> new Update().inc("createdAt", 1)));

		ToyRun failed = awaitEnd(refused, Duration.ofSeconds(20));
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.failure()).startsWith("Could not record the outcome");
		assertThat(kind.released).contains(refused);
	}

	@Test
	void aProblemThatFailsToLoadEndsFailed() {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(10));
		String unloadable = submit(runner, new ToyJob(id(), kind, Toy.engine(SHORT),
				Mono.error(new IllegalStateException("no database")), best -> new Update()));

		ToyRun failed = awaitEnd(unloadable, Duration.ofSeconds(20));
		assertThat(failed.failure()).isEqualTo("Loading failed: IllegalStateException: no database");
		assertThat(kind.released).contains(unloadable);
	}

	@Test
	void hundredsOfShortSolvesUnderCpuHogsWithStopsAndFailingConsumersAllEnd() throws InterruptedException {
		Duration margin = Duration.ofSeconds(5);
		SolverRunner runner = runner(margin, Duration.ofSeconds(1));
		AtomicBoolean hogging = new AtomicBoolean(true);
		List<Thread> hogs = new ArrayList<>();
		for (int hog = 0; hog < Runtime.getRuntime().availableProcessors(); hog++) {
			Thread thread = new Thread(() -> {
				long spin = 0;
				while (hogging.get()) {
					spin++;
				}
				assertThat(spin).isPositive();
			}, "cpu-hog-" + hog);
			thread.setDaemon(true);
			thread.start();
			hogs.add(thread);
		}
		Map<String, EnumSet<RunStatus>> expected = new ConcurrentHashMap<>();
		Duration limit = Duration.ofMillis(20);
		SolverEngine<ToyPlan> engine = Toy.engine(limit);
		try {
			for (int index = 0; index < 200; index++) {
				ToyPlan problem = Toy.problem(30, index);
				String id;
				if (index % 7 == 0) {
					id = submit(runner, new ToyJob(id(), kind, engine, Mono.just(problem), best -> {
						throw new IllegalStateException("consumer " + best.getPicks().size());
					}));
					expected.put(id, EnumSet.of(RunStatus.FAILED));
				}
				else {
					id = submit(runner, job(engine, problem));
					expected.put(id, EnumSet.of(RunStatus.SOLVED));
				}
				if (index % 5 == 0) {
					// Caught waiting, loading or solving, whichever comes: it ends stopped, unless it failed first.
					runner.stop(id);
					expected.get(id).add(RunStatus.STOPPED);
				}
			}
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			for (Map.Entry<String, EnumSet<RunStatus>> entry : expected.entrySet()) {
				ToyRun ended = awaitEnd(entry.getKey(), Duration.between(Instant.now(), deadline));
				assertThat(ended.status()).as(entry.getKey()).isIn(entry.getValue());
				if (ended.startedAt() != null) {
					assertThat(Duration.between(ended.startedAt(), ended.finishedAt())).as(entry.getKey())
						.isLessThan(limit.plus(margin));
				}
				assertThat(runner.holds(entry.getKey())).isFalse();
			}
			assertThat(kind.released).containsAll(expected.keySet());
		}
		finally {
			hogging.set(false);
			for (Thread hog : hogs) {
				hog.join();
			}
		}
	}

	@Test
	void theHeartbeatKeepsARunAliveAndRenewsWhatItHolds() throws InterruptedException {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(1));
		String running = submit(runner, job(Toy.engine(Duration.ofSeconds(4)), Toy.problem(200, 6)));
		Instant inserted = find(running).heartbeatAt();

		Thread.sleep(2500);
		assertThat(find(running).heartbeatAt()).isAfter(inserted);
		assertThat(kind.renewed).contains(running);
		assertThat(awaitEnd(running, Duration.ofSeconds(20)).status()).isEqualTo(RunStatus.SOLVED);
	}

	@Test
	void aRunEndedElsewhereIsLetGoAndFreesTheSlot() {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(10));
		String taken = submit(runner, job(Toy.engine(Duration.ofSeconds(30)), Toy.problem(200, 7)));
		String next = submit(runner, job(Toy.engine(SHORT), Toy.problem(20, 8)));
		awaitStatus(taken, RunStatus.SOLVING);

		mongo.updateFirst(Query.query(Criteria.where("_id").is(taken)),
				new Update().set("status", RunStatus.FAILED).set("failure", "ended elsewhere"), ToyRun.class).block();

		assertThat(awaitEnd(next, Duration.ofSeconds(15)).status()).isEqualTo(RunStatus.SOLVED);
		assertThat(runner.holds(taken)).isFalse();
		assertThat(find(taken).failure()).isEqualTo("ended elsewhere");
	}

	@Test
	void runsOfADeadInstanceAreEndedAsLostAndReleased() {
		Instant now = clock.instant();
		String silent = id();
		String beating = id();
		mongo.insert(new ToyRun(silent, RunStatus.SOLVING, null, null, now.minusSeconds(300), now.minusSeconds(120), now,
				null, null, 0)).block();
		mongo.insert(new ToyRun(beating, RunStatus.SOLVING, null, null, now.minusSeconds(300), now.minusSeconds(5), now,
				null, null, 0)).block();
		LostRuns lost = new LostRuns(mongo, leases, List.of(kind), settings(Duration.ofSeconds(5), Duration.ofSeconds(10)),
				clock);
		try {
			assertThat(lost.endAll().block()).isGreaterThanOrEqualTo(1);
			assertThat(find(silent).status()).isEqualTo(RunStatus.FAILED);
			assertThat(find(silent).failure()).startsWith("instance-lost");
			assertThat(kind.released).contains(silent).doesNotContain(beating);
			assertThat(find(beating).status()).isEqualTo(RunStatus.SOLVING);
			assertThat(lost.endIfLost(kind, beating).block()).isFalse();
		}
		finally {
			lost.stop();
		}
	}

	@Test
	void shuttingDownStopsTheSolvingRunWithItsPlanAndFailsTheWaitingOnes() {
		SolverRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(10));
		String solving = submit(runner, job(Toy.engine(Duration.ofSeconds(30)), Toy.problem(200, 9)));
		String waiting = submit(runner, job(Toy.engine(SHORT), Toy.problem(20, 10)));
		awaitStatus(solving, RunStatus.SOLVING);
		// SOLVING is recorded a moment before the solver's thread starts; a run without a plan yet ends FAILED.
		Instant deadline = Instant.now().plusSeconds(20);
		while (find(solving).score() == null && Instant.now().isBefore(deadline)) {
			sleep();
		}

		runner.shutdown();

		assertThat(find(solving).status()).isEqualTo(RunStatus.STOPPED);
		assertThat(find(solving).score()).isNotNull();
		assertThat(find(waiting).status()).isEqualTo(RunStatus.FAILED);
		assertThat(find(waiting).failure()).startsWith("instance-stopped");
	}

	private SolverRunner runner(Duration endMargin, Duration heartbeat) {
		SolverRunner runner = new SolverRunner(mongo, settings(endMargin, heartbeat), new RunMeters(new SimpleMeterRegistry()), clock);
		runners.add(runner);
		return runner;
	}

	private static SolvingSettings settings(Duration endMargin, Duration heartbeat) {
		return new SolvingSettings("solver-config", heartbeat, Duration.ofSeconds(60), endMargin);
	}

	private ToyJob job(SolverEngine<ToyPlan> engine, ToyPlan problem) {
		return new ToyJob(id(), kind, engine, problem);
	}

	private String submit(SolverRunner runner, ToyJob job) {
		mongo.insert(ToyRun.queued(job.runId(), clock.instant())).block();
		runner.submit(job);
		return job.runId();
	}

	private ToyRun find(String id) {
		return mongo.findById(id, ToyRun.class).block();
	}

	private ToyRun awaitEnd(String id, Duration within) {
		Instant deadline = Instant.now().plus(within);
		ToyRun run = find(id);
		while (RunStatus.RUNNING.contains(run.status()) && Instant.now().isBefore(deadline)) {
			sleep();
			run = find(id);
		}
		assertThat(run.status()).as("run %s within %s", id, within).isNotIn(RunStatus.RUNNING);
		// The end is recorded before it is released: wait for the release as well.
		while (!kind.released.contains(id) && Instant.now().isBefore(deadline)) {
			sleep();
		}
		return run;
	}

	private void awaitStatus(String id, RunStatus status) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (find(id).status() != status && Instant.now().isBefore(deadline)) {
			sleep();
		}
		assertThat(find(id).status()).isEqualTo(status);
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String id() {
		return new ObjectId().toHexString();
	}

	/** Remembers what the runner released and renewed. */
	static final class ToyRuns implements RunKind {

		final Set<String> released = ConcurrentHashMap.newKeySet();

		final Set<String> renewed = ConcurrentHashMap.newKeySet();

		@Override
		public Class<?> runType() {
			return ToyRun.class;
		}

		@Override
		public Mono<Void> release(String runId) {
			return Mono.fromRunnable(() -> released.add(runId));
		}

		@Override
		public Mono<Void> renew(Collection<String> runIds, Instant until) {
			return Mono.fromRunnable(() -> renewed.addAll(runIds));
		}

	}

}
