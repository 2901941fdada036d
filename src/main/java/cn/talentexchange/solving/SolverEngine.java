package cn.talentexchange.solving;

import java.time.Duration;
import java.util.function.Function;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * One solver configuration file, compiled: builds a fresh solver for each run, scores and explains solutions
 * the same way.
 *
 * @param timeLimit the configuration's own time limit, which the runner's watchdog adds its margin to
 */
public record SolverEngine<S>(String profile, Class<S> solutionClass, SolverFactory<S> factory,
		SolutionManager<S, HardMediumSoftLongScore> solutionManager, Duration timeLimit,
		Function<S, HardMediumSoftLongScore> scoreOf) {
}
