package cn.talentexchange.solving;

/**
 * What a progress bar needs, sent as the best solution improves and once more at the end.
 *
 * @param score the best score so far as OptaPlanner writes it, null before the first one
 */
public record RunProgress(String runId, RunStatus status, String score, long elapsedMillis, int positions,
		int filled) {
}
