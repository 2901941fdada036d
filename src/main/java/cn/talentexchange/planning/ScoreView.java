package cn.talentexchange.planning;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A score as OptaPlanner prints it ({@code 0hard/-40medium/-1234soft}) and by level, for weekend plans and
 * secondment runs alike. Feasible means no hard rule is broken and every position was considered.
 */
public record ScoreView(String text, long hard, long medium, long soft, boolean feasible) {

	static ScoreView of(HardMediumSoftLongScore score) {
		if (score == null) {
			return null;
		}
		return new ScoreView(score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
				score.isFeasible());
	}

	public static ScoreView parse(String text) {
		return text == null ? null : of(HardMediumSoftLongScore.parseScore(text));
	}

	/** Whether a score (of a plan, or what a rule cost one position) breaks a hard rule: such is never published. */
	public static boolean breaksHardRule(String text) {
		return HardMediumSoftLongScore.parseScore(text).hardScore() < 0;
	}

}
