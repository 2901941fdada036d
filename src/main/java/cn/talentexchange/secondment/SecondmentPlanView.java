package cn.talentexchange.secondment;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.planning.ScoreView;
import cn.talentexchange.solving.RunStatus;

/** A secondment matcher run as the API shows it: the score by level, as a weekend plan's is. */
public record SecondmentPlanView(String id, RunStatus status, String requestedBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, ScoreView score, int positions, int filled, List<SecondmentPlanRun.Proposal> proposals,
		String failure, Instant publishedAt, long version, Instant updatedAt) {

	static SecondmentPlanView of(SecondmentPlanRun run) {
		return new SecondmentPlanView(run.id(), run.status(), run.requestedBy(), run.createdAt(), run.startedAt(),
				run.finishedAt(), ScoreView.parse(run.score()), run.positions(), run.filled(), run.proposals(), run.failure(),
				run.publishedAt(), run.version(), run.updatedAt());
	}

}
