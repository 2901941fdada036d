package cn.talentexchange.planning;

import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.solving.RunStatus;

/** Why a request's seats are filled as they are, in the reader's language. */
public record Explanation(String requestId, String planId, RunStatus planStatus, boolean published, LocalDate date,
		String summary, List<SeatExplanation> seats) {

	public record SeatExplanation(int seat, String skill, String skillName, int minLevel, int count, int filled,
			List<ChosenExpert> chosen, int unfilled, UnfilledReason whyUnfilled) {
	}

	public record ChosenExpert(int position, String expertId, String displayName, String organisationId, int level,
			int travelMinutes, List<String> reasons) {
	}

	public record UnfilledReason(Code code, String text, Counts counts) {
	}

	/** The people with the skill and level, and where each was lost: every expert counts in one place only. */
	public record Counts(int withSkillAndLevel, int declinedBefore, int conflictOfInterest, int tooFar,
			int notAvailable, int overMonthlyCap, int busyElsewhere) {
	}

	public enum Code {

		NO_SKILL, DECLINED_BEFORE, CONFLICT_OF_INTEREST, TOO_FAR, NOT_AVAILABLE, OVER_MONTHLY_CAP, BUSY_ELSEWHERE,
		NOT_PLANNED

	}

}
