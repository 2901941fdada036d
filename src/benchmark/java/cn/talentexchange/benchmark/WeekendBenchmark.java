package cn.talentexchange.benchmark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.benchmark.InstanceGenerator.Instance;
import cn.talentexchange.benchmark.InstanceGenerator.Size;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.planning.TrackRecords;
import cn.talentexchange.planning.WeekendProblemBuilder;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * The weekend-planner benchmark (docs/benchmarks.md). For each size it generates a seeded instance, builds the
 * problem with the application's own {@link WeekendProblemBuilder}, and compares on the same score:
 * <ul>
 * <li>the greedy baseline a coordinator would follow by hand ({@link GreedyBaseline});</li>
 * <li>OptaPlanner with {@code solver-config/weekend-interactive.xml}, termination overridden per size;</li>
 * <li>for the small size, the proven optimum of CP-SAT ({@link CpSatOptimum}).</li>
 * </ul>
 * Every plan is scored by OptaPlanner's {@link SolutionManager}, so the three figures are the same objective.
 *
 * <p>Run: {@code ./mvnw -q -Pbenchmark test-compile exec:exec [-Dbenchmark.sizes=small,city]}.
 */
public final class WeekendBenchmark {

	static final String SOLVER_CONFIG = System.getProperty("benchmark.solverConfig", "solver-config/weekend-interactive.xml");

	private WeekendBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Size> sizes = Arrays.stream(System.getProperty("benchmark.sizes", "small,city,province").split(","))
			.map(String::trim).filter(name -> !name.isEmpty()).map(Size::named).toList();
		long seed = Long.getLong("benchmark.seed", 20270508L);
		int cpSatWorkers = Integer.getInteger("benchmark.cpsat.workers", 2);
		double cpSatSeconds = Double.parseDouble(System.getProperty("benchmark.cpsat.seconds", "300"));
		Set<String> cpSatSizes = Set.of(System.getProperty("benchmark.cpsat.sizes", "small").split(","));
		Set<String> boundSizes = Set.of(System.getProperty("benchmark.bound.sizes", "small,city").split(","));

		System.out.printf(Locale.ROOT, "Weekend planner benchmark: seed %d, %d processors, max heap %d MiB, %s %s%n", seed,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "CPU: %s; solver config %s%s%n", cpuModel(), SOLVER_CONFIG,
				System.getProperty("benchmark.environmentMode") == null ? ""
						: " in " + System.getProperty("benchmark.environmentMode") + " mode");

		List<String> summary = new ArrayList<>();
		for (Size size : sizes) {
			long seconds = Long.getLong("benchmark." + size.name() + ".seconds", defaultSeconds(size));
			summary.addAll(run(size, seed, seconds, cpSatSizes.contains(size.name()), boundSizes, cpSatSeconds, cpSatWorkers));
		}
		System.out.println();
		System.out.println("| Size | Method | Time to first feasible | Run time | Score | Score calc/s (all; local search) "
				+ "| Filled CRITICAL/HIGH/NORMAL/LOW (of) | Priority-weighted filled | vs greedy |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		summary.forEach(System.out::println);
	}

	private static long defaultSeconds(Size size) {
		return switch (size.name()) {
			case "small" -> 10;
			case "city" -> 30;
			default -> 120;
		};
	}

	static List<String> run(Size size, long seed, long seconds, boolean withCpSat, Set<String> boundSizes,
			double cpSatSeconds, int cpSatWorkers) {
		System.out.println();
		System.out.printf(Locale.ROOT, "=== %s: %d experts, %d seat positions, %d weekends (seed %d) ===%n", size.name(),
				size.experts(), size.positions(), size.weekends(), seed);
		long generateStart = System.nanoTime();
		Instance instance = InstanceGenerator.generate(size, seed);
		System.out.printf(Locale.ROOT, "Generated in %d ms: %s%n", millisSince(generateStart), describe(instance));
		printContention(instance);

		SolverConfig config = SolverConfig.createFromXmlFile(new File(SOLVER_CONFIG));
		config.setTerminationConfig(new TerminationConfig().withSecondsSpentLimit(seconds));
		if (System.getProperty("benchmark.environmentMode") != null) {
			// e.g. FULL_ASSERT to check the incremental score on these instances (slow: not for figures)
			config.setEnvironmentMode(EnvironmentMode.valueOf(System.getProperty("benchmark.environmentMode")));
		}
		SolverFactory<WeekendPlan> factory = SolverFactory.create(config);
		SolutionManager<WeekendPlan, HardMediumSoftLongScore> scorer = SolutionManager.create(factory);
		List<String> rows = new ArrayList<>();

		// Greedy baseline.
		long buildStart = System.nanoTime();
		WeekendPlan greedy = build(instance);
		long buildMillis = millisSince(buildStart);
		System.out.printf(Locale.ROOT,
				"Problem built in %d ms: %d visits, %d slots, %.1f candidates per slot on average; at most %d of %d "
						+ "priority-weighted positions can be filled at all (those with a candidate)%n",
				buildMillis, greedy.getVisits().size(), greedy.getSlots().size(),
				greedy.getSlots().stream().mapToInt(slot -> slot.getCandidates().size()).average().orElse(0),
				greedy.getSlots().stream().filter(slot -> !slot.getCandidates().isEmpty())
					.mapToInt(slot -> slot.getVisit().getPriorityWeight()).sum(),
				greedy.getSlots().stream().mapToInt(slot -> slot.getVisit().getPriorityWeight()).sum());
		long greedyStart = System.nanoTime();
		GreedyBaseline.fill(greedy);
		long greedyMillis = millisSince(greedyStart);
		HardMediumSoftLongScore greedyScore = scorer.update(greedy);
		Figures greedyFigures = Figures.of(greedy);
		System.out.printf(Locale.ROOT, "Greedy:     %s in %d ms; %s%n", greedyScore, greedyMillis, greedyFigures);
		rows.add(row(size, "greedy", greedyScore.isFeasible() ? greedyMillis + " ms" : "not feasible",
				greedyMillis + " ms", greedyScore, "-", greedyFigures, greedyFigures));

		// What any plan could fill at most, to judge the gains against greedy.
		long[] bound = { -1, 0 };
		if (boundSizes.contains(size.name())) {
			long boundStart = System.nanoTime();
			bound = CpSatOptimum.fillBound(build(instance), cpSatSeconds, cpSatWorkers);
			System.out.printf(Locale.ROOT,
					"Upper bound (CP-SAT, relaxation without dates): at most %d priority-weighted positions filled (%s, %d ms), "
							+ "%+.1f%% over greedy%n",
					bound[0], bound[1] == 1 ? "proven" : "best bound", millisSince(boundStart),
					100.0 * (bound[0] - greedyFigures.weightedFilled()) / greedyFigures.weightedFilled());
		}

		// OptaPlanner.
		WeekendPlan problem = build(instance);
		@SuppressWarnings("unchecked")
		DefaultSolver<WeekendPlan> solver = (DefaultSolver<WeekendPlan>) factory.buildSolver();
		// A plan counts once construction has placed every visit and considered every slot: the date phase alone
		// ends with a feasible but empty plan. First feasible = the end of construction if feasible then, else the
		// first feasible new best after it.
		long[] firstFeasibleNanos = { -1 };
		long[] constructed = { -1 };
		String[] constructedScore = { "-" };
		long[] localSearchStart = { -1, 0 };
		long[] solveStart = new long[1];
		solver.addEventListener(event -> {
			if (constructed[0] >= 0 && firstFeasibleNanos[0] < 0 && event.getNewBestScore().isFeasible()) {
				firstFeasibleNanos[0] = System.nanoTime() - solveStart[0];
			}
		});
		solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
			@Override
			public void phaseStarted(AbstractPhaseScope<WeekendPlan> phaseScope) {
				if (phaseScope instanceof LocalSearchPhaseScope) {
					localSearchStart[0] = System.nanoTime();
					localSearchStart[1] = phaseScope.getSolverScope().getScoreCalculationCount();
					constructed[0] = localSearchStart[0] - solveStart[0];
					constructedScore[0] = String.valueOf(phaseScope.getSolverScope().getBestScore());
					if (phaseScope.getSolverScope().getBestScore().isFeasible()) {
						firstFeasibleNanos[0] = constructed[0];
					}
				}
			}
		});
		solveStart[0] = System.nanoTime();
		WeekendPlan best = solver.solve(problem);
		long solveNanos = System.nanoTime() - solveStart[0];
		long calculations = solver.getSolverScope().getScoreCalculationCount();
		long speed = solver.getSolverScope().getScoreCalculationSpeed();
		long localSearchSpeed = localSearchStart[0] < 0 ? 0
				: (calculations - localSearchStart[1]) * 1_000_000_000L / Math.max(1, System.nanoTime() - localSearchStart[0]);
		HardMediumSoftLongScore solverScore = best.getScore();
		HardMediumSoftLongScore rescored = scorer.update(best);
		if (!rescored.equals(solverScore)) {
			System.out.printf("WARNING: the solver's best score %s differs from a fresh calculation %s%n", solverScore, rescored);
		}
		Figures solverFigures = Figures.of(best);
		String firstFeasible = firstFeasibleNanos[0] < 0 ? "never" : formatMillis(firstFeasibleNanos[0] / 1_000_000);
		System.out.printf(Locale.ROOT,
				"OptaPlanner: %s after %.1f s (best found at %.1f s); construction done at %s (%s), first feasible at %s; %,d score calculations, %,d/s overall, %,d/s in local search; %s%n",
				rescored, solveNanos / 1e9, solver.getSolverScope().getBestSolutionTimeMillisSpent() / 1000.0,
				formatMillis(constructed[0] / 1_000_000), constructedScore[0], firstFeasible,
				calculations, speed, localSearchSpeed, solverFigures);
		System.out.printf(Locale.ROOT, "OptaPlanner vs greedy: priority-weighted filled %d vs %d (%+.1f%%)%n",
				solverFigures.weightedFilled(), greedyFigures.weightedFilled(), percentMore(solverFigures, greedyFigures));
		rows.add(row(size, "OptaPlanner", firstFeasible, formatMillis(solveNanos / 1_000_000), rescored,
				"%,d; %,d".formatted(speed, localSearchSpeed), solverFigures, greedyFigures));

		if (withCpSat) {
			WeekendPlan optimum = build(instance);
			CpSatOptimum.Result result = CpSatOptimum.solve(optimum, SoftWeights.DEFAULTS, cpSatSeconds, cpSatWorkers);
			HardMediumSoftLongScore cpScore = scorer.update(optimum);
			HardMediumSoftLongScore expected = HardMediumSoftLongScore.of(0, -result.medium(), result.soft());
			Figures cpFigures = Figures.of(optimum);
			System.out.printf(Locale.ROOT,
					"CP-SAT:     %s (%s; %s) medium phase %.2f s (medium <= %.0f), soft phase %.2f s (soft <= %.0f); %s%n",
					cpScore, result.optimal() ? "proven optimal" : "NOT proven optimal", result.status(),
					result.mediumSeconds(), -result.mediumBound(), result.softSeconds(), -result.softBound(), cpFigures);
			System.out.printf("CP-SAT objective %s scored by OptaPlanner as %s: %s%n", expected, cpScore,
					expected.equals(cpScore) ? "identical" : "MISMATCH");
			double softGap = cpScore.softScore() == 0 ? 0
					: 100.0 * (cpScore.softScore() - rescored.softScore()) / Math.abs(cpScore.softScore());
			System.out.printf(Locale.ROOT, "Gap OptaPlanner vs optimum: hard %d, medium %d, soft %d (%.2f%%)%n",
					cpScore.hardScore() - rescored.hardScore(), cpScore.mediumScore() - rescored.mediumScore(),
					cpScore.softScore() - rescored.softScore(), softGap);
			if (Boolean.getBoolean("benchmark.debug")) {
				dump("OptaPlanner", best);
				dump("CP-SAT", optimum);
			}
			rows.add(row(size, result.optimal() ? "CP-SAT optimum" : "CP-SAT (not proven)", "-",
					formatMillis((long) ((result.mediumSeconds() + result.softSeconds()) * 1000)), cpScore, "-", cpFigures,
					greedyFigures));
		}
		return rows;
	}

	private static void dump(String method, WeekendPlan plan) {
		System.out.println(method + ":");
		for (Visit visit : plan.getVisits()) {
			System.out.printf("  %s %s prio %d whole %s dates %s -> %s%n", visit.getRequestId(), visit.getCountyId(),
					visit.getPriorityWeight(), visit.isWholeWeekend(), visit.getAcceptableDates(), visit.getDate());
			for (SeatSlot slot : visit.getSlots()) {
				System.out.printf("    %s %s>=%d cands %s -> %s%n", slot.getId(), slot.getSkill(), slot.getMinLevel(),
						slot.getCandidates().stream().map(e -> e.getId() + e.getAvailableDates().stream()
							.map(d -> String.valueOf(d.getDayOfMonth())).sorted().toList() + "cap" + e.getMaxWeekendsPerMonth()).toList(),
						slot.getExpert());
			}
		}
	}

	static WeekendPlan build(Instance instance) {
		return WeekendProblemBuilder.build(instance.window(), instance.requests(), instance.experts(), instance.pairings(),
				List.of(), TrackRecords.NONE, new WeekendWeights(SoftWeights.DEFAULTS));
	}

	private static String describe(Instance instance) {
		Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
		instance.requests().forEach(request -> byPriority.merge(request.priority(), request.seatPositions(), Integer::sum));
		long wholeWeekend = instance.requests().stream().filter(request -> request.duration() == VisitDuration.WEEKEND).count();
		return "%d requests (%d whole-weekend), %d positions %s, %d experts, %d skills of which %d scarce".formatted(
				instance.requests().size(), wholeWeekend, instance.positions(), byPriority, instance.experts().size(),
				instance.skills().size(), instance.scarceSkills().size());
	}

	/** Demand for each scarce skill against the experts who hold it at all and the weekends they offer. */
	private static void printContention(Instance instance) {
		int demanded = 0;
		int holders = 0;
		int holderWeekends = 0;
		for (String skill : instance.scarceSkills().stream().sorted().toList()) {
			int positions = instance.requests().stream().flatMap(request -> request.seats().stream())
				.filter(seat -> seat.skill().equals(skill)).mapToInt(Seat::count).sum();
			long held = instance.experts().stream()
				.filter(expert -> expert.skills().stream().anyMatch(held1 -> held1.skill().equals(skill))
						&& !expert.availability().dates().isEmpty())
				.count();
			demanded += positions;
			holders += (int) held;
			holderWeekends += instance.experts().stream()
				.filter(expert -> expert.skills().stream().anyMatch(held1 -> held1.skill().equals(skill)))
				.mapToInt(expert -> Math.min(expert.maxWeekendsPerMonth(), (int) expert.availability().dates().stream()
					.map(Visit::saturdayOf).distinct().count()))
				.sum();
		}
		int commonPositions = instance.positions() - demanded;
		long commonHolders = instance.experts().stream()
			.filter(expert -> !expert.availability().dates().isEmpty()
					&& expert.skills().stream().anyMatch(held -> !instance.scarceSkills().contains(held.skill())))
			.count();
		System.out.printf(Locale.ROOT,
				"Contention: scarce skills %d positions asked, %d available holders offering at most %d weekends "
						+ "(any level, any county); common skills %d positions, %d available holders (%.2f per holder)%n",
				demanded, holders, holderWeekends, commonPositions, commonHolders,
				commonPositions / (double) Math.max(1, commonHolders));
	}

	private static String row(Size size, String method, String firstFeasible, String runTime,
			HardMediumSoftLongScore score, String speed, Figures figures, Figures greedy) {
		String vsGreedy = method.equals("greedy") ? "-" : "%+.1f%%".formatted(percentMore(figures, greedy));
		return "| %s | %s | %s | %s | %s | %s | %s | %d of %d | %s |".formatted(size.name(), method, firstFeasible,
				runTime, score, speed, figures.byPriority(), figures.weightedFilled(), figures.weightedTotal(), vsGreedy);
	}

	private static double percentMore(Figures figures, Figures greedy) {
		return greedy.weightedFilled() == 0 ? 0 : 100.0 * (figures.weightedFilled() - greedy.weightedFilled()) / greedy.weightedFilled();
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static String formatMillis(long millis) {
		return millis < 10_000 ? millis + " ms" : "%.1f s".formatted(millis / 1000.0);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst().orElse("unknown");
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	/** Seats filled by priority and the priority-weighted total, the medium level's own measure. */
	record Figures(Map<Priority, int[]> filledOfTotal, long weightedFilled, long weightedTotal) {

		static Figures of(WeekendPlan plan) {
			Map<Priority, int[]> counts = new EnumMap<>(Priority.class);
			for (Priority priority : Priority.values()) {
				counts.put(priority, new int[2]);
			}
			long weighted = 0;
			long total = 0;
			for (SeatSlot slot : plan.getSlots()) {
				int weight = slot.getVisit().getPriorityWeight();
				int[] count = counts.get(Priority.ofWeight(weight));
				count[1]++;
				total += weight;
				if (slot.getExpert() != null) {
					count[0]++;
					weighted += weight;
				}
			}
			return new Figures(counts, weighted, total);
		}

		String byPriority() {
			return List.of(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL, Priority.LOW).stream()
				.map(priority -> filledOfTotal.get(priority)[0] + "/" + filledOfTotal.get(priority)[1])
				.collect(Collectors.joining(" "));
		}

		@Override
		public String toString() {
			return "filled C/H/N/L %s, priority-weighted %d of %d".formatted(byPriority(), weightedFilled, weightedTotal);
		}

	}

}
