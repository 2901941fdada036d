package cn.talentexchange.planning;

import cn.talentexchange.solving.RunProgress;
import cn.talentexchange.solving.RunStatus;

/** What a progress bar needs, sent as the best plan improves and once more at the end. */
public record PlanProgress(String planId, RunStatus status, ScoreView score, long elapsedMillis, int seats,
		int filled) {

	static PlanProgress of(RunProgress progress) {
		return new PlanProgress(progress.runId(), progress.status(), ScoreView.parse(progress.score()),
				progress.elapsedMillis(), progress.positions(), progress.filled());
	}

}
