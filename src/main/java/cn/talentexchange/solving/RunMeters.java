package cn.talentexchange.solving;

import java.time.Duration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What every ended run tells the metrics: by kind ({@code planRuns}, {@code secondmentPlanRuns}), solver profile
 * and end state, how long it solved, how soon it was feasible, and what it left unfilled.
 */
@Component
class RunMeters {

	private final MeterRegistry registry;

	RunMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void ended(String kind, String profile, RunStatus state, Duration solving, Long firstFeasibleMillis,
			Long unfilledWeight) {
		Tags tags = Tags.of("kind", kind, "profile", profile, "state", state.name());
		Timer.builder("talent.plan.solve")
			.description("Solver runs by kind, profile and end state, with their time from start to end")
			.tags(tags)
			.register(registry)
			.record(solving);
		if (firstFeasibleMillis != null) {
			Timer.builder("talent.plan.first.feasible")
				.description("Time from a run's start to its first plan that breaks no hard rule")
				.tags(tags)
				.register(registry)
				.record(Duration.ofMillis(firstFeasibleMillis));
		}
		if (unfilledWeight != null) {
			DistributionSummary.builder("talent.plan.unfilled.weight")
				.description("What the best plan left empty: seats weighted by priority, or empty posts")
				.tags(tags)
				.register(registry)
				.record(unfilledWeight);
		}
	}

}
