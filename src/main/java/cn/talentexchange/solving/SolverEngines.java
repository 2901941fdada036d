package cn.talentexchange.solving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

import org.springframework.stereotype.Component;

/**
 * The solver configurations in {@code solver-config/}, read when first used so an operator can tune them
 * without a build. Compiling one compiles its constraints: call this off the event loops.
 */
@Component
public class SolverEngines {

	/** A run without a time limit of its own is still watched; this is the longest it may take. */
	private static final Duration NO_LIMIT = Duration.ofHours(1);

	private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private final SolvingSettings settings;

	private final Map<String, SolverEngine<?>> engines = new ConcurrentHashMap<>();

	SolverEngines(SolvingSettings settings) {
		this.settings = settings;
	}

	/**
	 * The engine of the named file (without {@code .xml}); a 400 problem on {@code profile} when there is no such
	 * file or it plans another kind of solution.
	 */
	@SuppressWarnings("unchecked")
	public <S> SolverEngine<S> engine(String profile, Class<S> solutionClass,
			Function<S, HardMediumSoftLongScore> scoreOf) {
		if (!PROFILE.matcher(profile).matches()) {
			throw noSuchProfile("no such solver configuration");
		}
		SolverEngine<?> engine = engines.computeIfAbsent(profile, name -> compile(name, solutionClass, scoreOf));
		if (!engine.solutionClass().equals(solutionClass)) {
			throw noSuchProfile("this solver configuration plans something else");
		}
		return (SolverEngine<S>) engine;
	}

	private <S> SolverEngine<S> compile(String profile, Class<S> solutionClass, Function<S, HardMediumSoftLongScore> scoreOf) {
		Path file = Path.of(settings.configDirectory(), profile + ".xml");
		if (!Files.isRegularFile(file)) {
			throw noSuchProfile("no such solver configuration");
		}
		try (InputStream xml = Files.newInputStream(file)) {
			SolverConfig config = SolverConfig.createFromXmlInputStream(xml, getClass().getClassLoader());
			if (!solutionClass.equals(config.getSolutionClass())) {
				throw noSuchProfile("this solver configuration plans something else");
			}
			SolverFactory<S> factory = SolverFactory.create(config);
			Long limit = config.getTerminationConfig() == null ? null
					: config.getTerminationConfig().calculateTimeMillisSpentLimit();
			return new SolverEngine<>(profile, solutionClass, factory, SolutionManager.create(factory),
					limit == null ? NO_LIMIT : Duration.ofMillis(limit), scoreOf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the solver configuration " + file, ex);
		}
	}

	private static ApiProblem noSuchProfile(String why) {
		return new ApiProblem(ProblemType.VALIDATION_FAILED, "Unknown solver profile",
				Map.of("errors", List.of(new ApiProblem.FieldError("profile", why))));
	}

}
