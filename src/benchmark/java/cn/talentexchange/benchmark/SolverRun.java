package cn.talentexchange.benchmark;

import java.util.Locale;

import cn.talentexchange.benchmark.WeekendBenchmark.Figures;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchPhaseScope;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * One OptaPlanner run of the benchmark and what it measured.
 *
 * @param constructed the plan as construction left it, when the local search started
 * @param firstFeasibleNanos from the call to solve until the first feasible best plan once construction is done
 *        (the date phase alone would end with a feasible, empty plan); -1 for never
 * @param lastFillGainMillis when the best plan last filled more priority weight (the medium level rose)
 * @param capHit whether the time cap, not the file's count limits, ended the run
 */
record SolverRun(WeekendPlan best, HardMediumSoftLongScore score, Figures figures, Figures constructed,
		String constructedScore, long constructionNanos, long firstFeasibleNanos, long solveNanos, long bestMillis,
		long lastFillGainMillis, long calculations, long speed, long localSearchSpeed, long steps, boolean capHit) {

	static SolverRun solve(SolverFactory<WeekendPlan> factory, WeekendPlan problem, long capSeconds) {
		@SuppressWarnings("unchecked")
		DefaultSolver<WeekendPlan> solver = (DefaultSolver<WeekendPlan>) factory.buildSolver();
		long[] firstFeasible = { -1 };
		long[] constructedAt = { -1 };
		long[] localSearchStart = { -1, 0 };
		long[] steps = { 0 };
		Object[] constructed = { null, "-" };
		long[] solveStart = new long[1];
		long[] lastFillGain = { 0, Long.MIN_VALUE };
		solver.addEventListener(event -> {
			if (constructedAt[0] >= 0 && firstFeasible[0] < 0 && event.getNewBestScore().isFeasible()) {
				firstFeasible[0] = System.nanoTime() - solveStart[0];
			}
			HardMediumSoftLongScore newBest = (HardMediumSoftLongScore) event.getNewBestScore();
			if (newBest.isSolutionInitialized() && newBest.mediumScore() > lastFillGain[1]) {
				lastFillGain[0] = event.getTimeMillisSpent();
				lastFillGain[1] = newBest.mediumScore();
			}
		});
		solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
			@Override
			public void phaseStarted(AbstractPhaseScope<WeekendPlan> phaseScope) {
				if (phaseScope instanceof LocalSearchPhaseScope) {
					localSearchStart[0] = System.nanoTime();
					localSearchStart[1] = phaseScope.getSolverScope().getScoreCalculationCount();
					constructedAt[0] = localSearchStart[0] - solveStart[0];
					constructed[0] = Figures.of(phaseScope.getWorkingSolution());
					constructed[1] = String.valueOf(phaseScope.getSolverScope().getBestScore());
					if (phaseScope.getSolverScope().getBestScore().isFeasible()) {
						firstFeasible[0] = constructedAt[0];
					}
				}
			}

			@Override
			public void phaseEnded(AbstractPhaseScope<WeekendPlan> phaseScope) {
				if (phaseScope instanceof LocalSearchPhaseScope) {
					steps[0] = phaseScope.getNextStepIndex();
				}
			}
		});
		solveStart[0] = System.nanoTime();
		WeekendPlan best = solver.solve(problem);
		long solveNanos = System.nanoTime() - solveStart[0];
		long calculations = solver.getSolverScope().getScoreCalculationCount();
		long localSearchSpeed = localSearchStart[0] < 0 ? 0
				: (calculations - localSearchStart[1]) * 1_000_000_000L / Math.max(1, System.nanoTime() - localSearchStart[0]);
		return new SolverRun(best, best.getScore(), Figures.of(best),
				constructed[0] == null ? Figures.of(best) : (Figures) constructed[0], (String) constructed[1],
				constructedAt[0], firstFeasible[0], solveNanos, solver.getSolverScope().getBestSolutionTimeMillisSpent(),
				lastFillGain[0], calculations, solver.getSolverScope().getScoreCalculationSpeed(), localSearchSpeed, steps[0],
				solveNanos >= capSeconds * 1_000_000_000L - 50_000_000L);
	}

	String firstFeasible() {
		return firstFeasibleNanos < 0 ? "never" : WeekendBenchmark.formatMillis(firstFeasibleNanos / 1_000_000);
	}

	String runTime() {
		return WeekendBenchmark.formatMillis(solveNanos / 1_000_000) + (capHit ? " (time cap)" : "");
	}

	String describe() {
		return String.format(Locale.ROOT,
				"%s after %.1f s%s (best found at %.1f s, its fill at %.1f s); construction done at %s (%s; priority-weighted %d), first "
						+ "feasible at %s; %,d local search steps, %,d score calculations, %,d/s overall, %,d/s in local "
						+ "search; %s",
				score, solveNanos / 1e9, capHit ? ", stopped by the time cap" : ", stopped by the count limits",
				bestMillis / 1000.0, lastFillGainMillis / 1000.0, WeekendBenchmark.formatMillis(constructionNanos / 1_000_000), constructedScore,
				constructed.weightedFilled(), firstFeasible(), steps, calculations, speed, localSearchSpeed, figures);
	}

}
