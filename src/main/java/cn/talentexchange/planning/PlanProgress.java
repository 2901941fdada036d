package cn.talentexchange.planning;

/** What a progress bar needs, sent as the best plan improves and once more at the end. */
public record PlanProgress(String planId, PlanStatus status, ScoreView score, long elapsedMillis, int seats,
		int filled) {
}
