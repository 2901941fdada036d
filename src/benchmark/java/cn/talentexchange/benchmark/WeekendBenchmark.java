package cn.talentexchange.benchmark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
		Options options = new Options(Long.getLong("benchmark.seed", 20270508L), Integer.getInteger("benchmark.runs", 1),
				Set.of(System.getProperty("benchmark.cpsat.sizes", "small").split(",")),
				Set.of(System.getProperty("benchmark.bound.sizes", "small,city,contended").split(",")),
				Double.parseDouble(System.getProperty("benchmark.cpsat.seconds", "300")),
				Integer.getInteger("benchmark.cpsat.workers", 8));

		System.out.printf(Locale.ROOT, "Weekend planner benchmark: seed %d, %d processors, max heap %d MiB, %s %s%n",
				options.seed(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "CPU: %s; solver config %s%s; load average %s%n", cpuModel(), SOLVER_CONFIG,
				System.getProperty("benchmark.environmentMode") == null ? ""
						: " in " + System.getProperty("benchmark.environmentMode") + " mode",
				loadAverage());

		List<String> summary = new ArrayList<>();
		List<String> gaps = new ArrayList<>();
		for (Size size : sizes) {
			long seconds = Long.getLong("benchmark." + size.name() + ".seconds", defaultSeconds(size));
			run(size, seconds, options, summary, gaps);
		}
		System.out.println();
		System.out.println("| Size | Method | Time to first feasible | Run time | Score | Score calc/s (all; local search) "
				+ "| Filled CRITICAL/HIGH/NORMAL/LOW (of) | Priority-weighted filled | vs greedy |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		summary.forEach(System.out::println);
		if (!gaps.isEmpty()) {
			System.out.println();
			System.out.println("| Size | Greedy | Bound | Construction | OptaPlanner per run | Gap closed per run "
					+ "| Median; min | Spread (max - min) |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			gaps.forEach(System.out::println);
		}
		System.out.println("Load average at the end: " + loadAverage());
	}

	/**
	 * @param runs solver runs per size on the same instance (the spread shows how much luck is in one run)
	 * @param boundSizes sizes given the upper bounds on what any plan can fill
	 */
	record Options(long seed, int runs, Set<String> cpSatSizes, Set<String> boundSizes, double cpSatSeconds,
			int cpSatWorkers) {
	}

	private static long defaultSeconds(Size size) {
		return switch (size.name()) {
			case "small" -> 10;
			case "city", "contended" -> 30;
			default -> 120;
		};
	}

	static void run(Size size, long seconds, Options options, List<String> rows, List<String> gaps) {
		System.out.println();
		System.out.printf(Locale.ROOT, "=== %s: %d experts, %d seat positions, %d weekends (seed %d) ===%n", size.name(),
				size.experts(), size.positions(), size.weekends(), options.seed());
		long generateStart = System.nanoTime();
		Instance instance = InstanceGenerator.generate(size, options.seed());
		System.out.printf(Locale.ROOT, "Generated in %d ms: %s%n", millisSince(generateStart), describe(instance));
		printContention(instance);

		SolverConfig config = SolverConfig.createFromXmlFile(new File(SOLVER_CONFIG));
		// The file's termination stays (its count limits make runs repeatable); only the time cap is set per size.
		TerminationConfig termination = config.getTerminationConfig() == null ? new TerminationConfig()
				: config.getTerminationConfig();
		termination.overwriteSpentLimit(Duration.ofSeconds(seconds));
		config.setTerminationConfig(termination);
		if (System.getProperty("benchmark.environmentMode") != null) {
			// e.g. FULL_ASSERT to check the incremental score on these instances (slow: not for figures)
			config.setEnvironmentMode(EnvironmentMode.valueOf(System.getProperty("benchmark.environmentMode")));
		}
		SolverFactory<WeekendPlan> factory = SolverFactory.create(config);
		SolutionManager<WeekendPlan, HardMediumSoftLongScore> scorer = SolutionManager.create(factory);

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

		long bound = options.boundSizes().contains(size.name()) ? bound(instance, greedyFigures, options) : -1;

		List<SolverRun> runs = new ArrayList<>();
		for (int index = 1; index <= options.runs(); index++) {
			SolverRun solverRun = SolverRun.solve(factory, build(instance), seconds);
			HardMediumSoftLongScore rescored = scorer.update(solverRun.best());
			if (!rescored.equals(solverRun.score())) {
				System.out.printf("WARNING: the solver's best score %s differs from a fresh calculation %s%n",
						solverRun.score(), rescored);
			}
			runs.add(solverRun);
			System.out.printf(Locale.ROOT, "OptaPlanner run %d of %d: %s; load average %s%n", index, options.runs(),
					solverRun.describe(), loadAverage());
			System.out.printf(Locale.ROOT, "  vs greedy: priority-weighted filled %d vs %d (%+.1f%%)%s%n",
					solverRun.figures().weightedFilled(), greedyFigures.weightedFilled(),
					percentMore(solverRun.figures(), greedyFigures),
					bound < 0 ? "" : "; %.0f%% of the gap to the bound closed".formatted(
							gapClosed(solverRun.figures().weightedFilled(), greedyFigures.weightedFilled(), bound)));
			rows.add(row(size, options.runs() == 1 ? "OptaPlanner" : "OptaPlanner run " + index, solverRun.firstFeasible(),
					solverRun.runTime(), rescored, "%,d; %,d".formatted(solverRun.speed(), solverRun.localSearchSpeed()),
					solverRun.figures(), greedyFigures));
		}
		if (options.cpSatSizes().contains(size.name()) && !runs.isEmpty()) {
			// A proven optimum is the tightest bound of all.
			long optimum = optimum(instance, scorer, runs.get(runs.size() - 1), greedyFigures, options, rows);
			bound = optimum < 0 ? bound : bound < 0 ? optimum : Math.min(bound, optimum);
		}
		if (bound >= 0 && !runs.isEmpty()) {
			gaps.add(gapRow(size, greedyFigures.weightedFilled(), bound, runs));
		}
	}

	/**
	 * The tighter of two CP-SAT upper bounds on the priority weight any plan fills: the relaxation without dates,
	 * and the exact rules on the seats that ask for a scarce skill with every other seat counted as filled if it has
	 * a candidate. Each is an upper bound even when CP-SAT's time runs out first (its best bound is then used).
	 */
	private static long bound(Instance instance, Figures greedy, Options options) {
		long start = System.nanoTime();
		long[] relaxed = CpSatOptimum.fillBound(build(instance), options.cpSatSeconds(), options.cpSatWorkers());
		System.out.printf(Locale.ROOT,
				"Upper bound, relaxation without dates: %d priority-weighted positions (%s, %d ms), %+.1f%% over greedy%n",
				relaxed[0], relaxed[1] == 1 ? "proven" : "best bound", millisSince(start),
				100.0 * (relaxed[0] - greedy.weightedFilled()) / greedy.weightedFilled());
		start = System.nanoTime();
		CpSatOptimum.Result exact = CpSatOptimum.fillOptimum(build(instance),
				slot -> instance.scarceSkills().contains(slot.getSkill()), options.cpSatSeconds(), options.cpSatWorkers());
		long total = build(instance).getSlots().stream().mapToLong(slot -> slot.getVisit().getPriorityWeight()).sum();
		long exactBound = total - (long) Math.ceil(exact.mediumBound() - 1e-6);
		System.out.printf(Locale.ROOT,
				"Upper bound, exact rules on the scarce-skill seats (the others filled if they have a candidate): %d (%s, "
						+ "%d ms), %+.1f%% over greedy%n",
				exactBound, exact.optimal() ? "proven" : "best bound, " + exact.status(), millisSince(start),
				100.0 * (exactBound - greedy.weightedFilled()) / greedy.weightedFilled());
		return Math.min(relaxed[0], exactBound);
	}

	/** Adds the CP-SAT optimum's row; returns its priority-weighted fill if proven optimal, else -1. */
	private static long optimum(Instance instance, SolutionManager<WeekendPlan, HardMediumSoftLongScore> scorer,
			SolverRun last, Figures greedyFigures, Options options, List<String> rows) {
		WeekendPlan optimum = build(instance);
		CpSatOptimum.Result result = CpSatOptimum.solve(optimum, SoftWeights.DEFAULTS, options.cpSatSeconds(),
				options.cpSatWorkers());
		HardMediumSoftLongScore cpScore = scorer.update(optimum);
		HardMediumSoftLongScore expected = HardMediumSoftLongScore.of(0, -result.medium(), result.soft());
		Figures cpFigures = Figures.of(optimum);
		System.out.printf(Locale.ROOT,
				"CP-SAT:     %s (%s; %s) medium phase %.2f s (medium <= %.0f), soft phase %.2f s (soft <= %.0f); %s%n",
				cpScore, result.optimal() ? "proven optimal" : "NOT proven optimal", result.status(),
				result.mediumSeconds(), -result.mediumBound(), result.softSeconds(), -result.softBound(), cpFigures);
		System.out.printf("CP-SAT objective %s scored by OptaPlanner as %s: %s%n", expected, cpScore,
				expected.equals(cpScore) ? "identical" : "MISMATCH");
		HardMediumSoftLongScore planner = last.score();
		double softGap = cpScore.softScore() == 0 ? 0
				: 100.0 * (cpScore.softScore() - planner.softScore()) / Math.abs(cpScore.softScore());
		System.out.printf(Locale.ROOT, "Gap OptaPlanner (last run) vs optimum: hard %d, medium %d, soft %d (%.2f%%)%n",
				cpScore.hardScore() - planner.hardScore(), cpScore.mediumScore() - planner.mediumScore(),
				cpScore.softScore() - planner.softScore(), softGap);
		if (Boolean.getBoolean("benchmark.debug")) {
			dump("OptaPlanner", last.best());
			dump("CP-SAT", optimum);
		}
		rows.add(row(instance.size(), result.optimal() ? "CP-SAT optimum" : "CP-SAT (not proven)", "-",
				formatMillis((long) ((result.mediumSeconds() + result.softSeconds()) * 1000)), cpScore, "-", cpFigures,
				greedyFigures));
		return result.optimal() ? cpFigures.weightedFilled() : -1;
	}

	/** The share of the room between greedy and the bound that a plan takes, in percent. */
	static double gapClosed(long filled, long greedy, long bound) {
		return bound == greedy ? 100 : 100.0 * (filled - greedy) / (bound - greedy);
	}

	private static String gapRow(Size size, long greedy, long bound, List<SolverRun> runs) {
		List<Long> filled = runs.stream().map(run -> run.figures().weightedFilled()).sorted().toList();
		long median = filled.get((filled.size() - 1) / 2);
		long min = filled.get(0);
		long max = filled.get(filled.size() - 1);
		String perRun = runs.stream().map(run -> String.valueOf(run.figures().weightedFilled()))
			.collect(Collectors.joining(", "));
		String closed = runs.stream()
			.map(run -> "%.0f%%".formatted(gapClosed(run.figures().weightedFilled(), greedy, bound)))
			.collect(Collectors.joining(", "));
		String constructed = runs.stream().map(run -> String.valueOf(run.constructed().weightedFilled())).distinct()
			.collect(Collectors.joining(", "));
		return "| %s | %d | %d | %s | %s | %s | %d (%.0f%%); %d (%.0f%%) | %d (%.1f points) |".formatted(size.name(),
				greedy, bound, constructed, perRun, closed, median, gapClosed(median, greedy, bound), min,
				gapClosed(min, greedy, bound), max - min, gapClosed(max, greedy, bound) - gapClosed(min, greedy, bound));
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (Exception ex) {
			return "unknown";
		}
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

	static String formatMillis(long millis) {
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
