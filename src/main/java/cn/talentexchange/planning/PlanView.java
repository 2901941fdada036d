package cn.talentexchange.planning;

import cn.talentexchange.solving.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A plan run as coordinators see it: where it is, how good, how long, how full.
 *
 * @param replanOf set when the system refilled given-back seats of these requests
 */
record PlanView(String id, PlanWindow window, String profile, RunStatus status, ScoreView score, String requestedBy,
		Instant createdAt, Instant startedAt, Instant finishedAt, Long runningMillis, Long firstFeasibleMillis,
		PlanRun.Counts counts, Instant publishedAt, String failure, long version, List<String> replanOf) {

	static PlanView of(PlanRun run, Instant now) {
		Long running = run.startedAt() == null ? null
				: Math.max(0, Duration.between(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : now).toMillis());
		return new PlanView(run.id(), run.window(), run.profile(), run.status(), ScoreView.parse(run.score()),
				run.requestedBy(), run.createdAt(), run.startedAt(), run.finishedAt(), running, run.firstFeasibleMillis(),
				run.counts(), run.publishedAt(), run.failure(), run.version(), run.replanOf());
	}

}
