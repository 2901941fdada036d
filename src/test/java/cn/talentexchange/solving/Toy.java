package cn.talentexchange.solving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A tiny planning problem for the runner's tests: picks that should each land on a target number. Local
 * search finds better solutions many times a second, so best-solution events come thick and fast.
 */
public final class Toy {

	private Toy() {
	}

	/** Makes a solver that never returns: its only phase parks until {@link #RELEASE} opens, deaf to stops and interrupts. */
	static final CountDownLatch RELEASE = new CountDownLatch(1);

	static ToyPlan problem(int picks, long seed) {
		Random random = new Random(seed);
		List<ToyPick> all = new ArrayList<>();
		for (int index = 0; index < picks; index++) {
			all.add(new ToyPick(index, random.nextInt(50)));
		}
		return new ToyPlan(IntStream.range(0, 50).boxed().toList(), all);
	}

	static SolverEngine<ToyPlan> engine(Duration limit) {
		return engine(new SolverConfig().withTerminationConfig(new TerminationConfig()
			.withMillisecondsSpentLimit(limit.toMillis())), limit);
	}

	/** A solver that never ends, whatever its stated limit. */
	static SolverEngine<ToyPlan> hangingEngine(Duration statedLimit) {
		return engine(new SolverConfig().withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(Hang.class))),
				statedLimit);
	}

	private static SolverEngine<ToyPlan> engine(SolverConfig config, Duration limit) {
		config.withSolutionClass(ToyPlan.class).withEntityClasses(ToyPick.class)
			.withConstraintProviderClass(ToyConstraints.class);
		if (config.getPhaseConfigList() == null) {
			config.withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig());
		}
		SolverFactory<ToyPlan> factory = SolverFactory.create(config);
		return new SolverEngine<>("toy", ToyPlan.class, factory, SolutionManager.create(factory), limit, ToyPlan::getScore);
	}

	@PlanningSolution
	public static class ToyPlan {

		@ValueRangeProvider
		@ProblemFactCollectionProperty
		private List<Integer> values;

		@PlanningEntityCollectionProperty
		private List<ToyPick> picks;

		@PlanningScore
		private HardMediumSoftLongScore score;

		public ToyPlan() {
		}

		ToyPlan(List<Integer> values, List<ToyPick> picks) {
			this.values = values;
			this.picks = picks;
		}

		public List<Integer> getValues() {
			return values;
		}

		public List<ToyPick> getPicks() {
			return picks;
		}

		public HardMediumSoftLongScore getScore() {
			return score;
		}

		public void setScore(HardMediumSoftLongScore score) {
			this.score = score;
		}

	}

	@PlanningEntity
	public static class ToyPick {

		@PlanningId
		private Integer id;

		private int target;

		@PlanningVariable
		private Integer value;

		public ToyPick() {
		}

		ToyPick(int id, int target) {
			this.id = id;
			this.target = target;
		}

		public Integer getId() {
			return id;
		}

		public int getTarget() {
			return target;
		}

		public Integer getValue() {
			return value;
		}

		public void setValue(Integer value) {
			this.value = value;
		}

	}

	public static class ToyConstraints implements ConstraintProvider {

		@Override
		public Constraint[] defineConstraints(ConstraintFactory factory) {
			return new Constraint[] { factory.forEach(ToyPick.class)
				.penalizeLong(HardMediumSoftLongScore.ONE_SOFT, pick -> Math.abs(pick.getValue() - pick.getTarget()))
				.asConstraint("Off target") };
		}

	}

	/** Parks like a thread waiting for a permit nobody will release. */
	public static class Hang implements CustomPhaseCommand<ToyPlan> {

		@Override
		public void changeWorkingSolution(ScoreDirector<ToyPlan> scoreDirector) {
			while (RELEASE.getCount() > 0) {
				LockSupport.parkNanos(10_000_000);
			}
		}

	}

	/** The runs of the tests' jobs, in a collection of their own. */
	@Document("toyRuns")
	record ToyRun(@Id String id, RunStatus status, String score, String failure, Instant createdAt, Instant heartbeatAt,
			Instant startedAt, Instant finishedAt, Integer filled, long version) {

		static ToyRun queued(String id, Instant now) {
			return new ToyRun(id, RunStatus.QUEUED, null, null, now, now, null, null, null, 0);
		}

	}

	/** A job on the toy problem; {@code outcome} may be replaced to fail in the ways a feature's can. */
	record ToyJob(String runId, RunKind kind, SolverEngine<ToyPlan> engine, Mono<ToyPlan> problem,
			java.util.function.Function<ToyPlan, Update> outcomeOf) implements SolveJob<ToyPlan> {

		ToyJob(String runId, RunKind kind, SolverEngine<ToyPlan> engine, ToyPlan problem) {
			this(runId, kind, engine, Mono.just(problem), best -> new Update().set("filled", best.getPicks().size()));
		}

		@Override
		public int positions(ToyPlan solution) {
			return solution.getPicks().size();
		}

		@Override
		public int filled(ToyPlan solution) {
			return (int) solution.getPicks().stream().filter(pick -> pick.getValue() != null).count();
		}

		@Override
		public Update outcome(ToyPlan best) {
			return outcomeOf.apply(best);
		}

	}

}
