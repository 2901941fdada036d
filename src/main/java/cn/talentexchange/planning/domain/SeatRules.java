package cn.talentexchange.planning.domain;

import java.time.LocalDate;

/**
 * The hard rules about one expert on one seat position, in one place: the constraints score by them, the problem
 * builder keeps out of a position's candidates everyone they rule out on every date, and a hand override is
 * judged by the constraints in turn. The rules that need the whole plan (two places at once, twice on a visit,
 * the monthly cap) live in the constraints alone.
 */
public final class SeatRules {

	private SeatRules() {
	}

	/** The seat asks for a skill at a level the expert does not have. */
	public static boolean lacksSkill(PlannedExpert expert, String skill, int minLevel) {
		return expert.levelOf(skill) < minLevel;
	}

	/** The expert did not offer the day (or, for a whole-weekend visit, both days). */
	public static boolean notAvailable(PlannedExpert expert, Visit visit, LocalDate date) {
		return !expert.isFreeFor(visit, date);
	}

	/** The estimated travel is longer than the expert is willing to go. */
	public static boolean tooFar(PlannedExpert expert, Visit visit) {
		return Travel.minutes(expert.getHome(), visit.getSite()) > expert.getMaxTravelMinutes();
	}

	/** The expert said no to this request before. */
	public static boolean declinedBefore(PlannedExpert expert, Visit visit) {
		return expert.hasDeclined(visit.getRequestId());
	}

	/** The request names the expert or the expert's organisation as conflicted. */
	public static boolean conflicted(PlannedExpert expert, Visit visit) {
		return visit.getExcludedExpertIds().contains(expert.getId())
				|| visit.getExcludedOrganisationIds().contains(expert.getOrganisationId());
	}

	/** Whether the expert breaks none of these rules on a position of the seat, on at least one of the visit's dates. */
	public static boolean couldTake(PlannedExpert expert, Visit visit, String skill, int minLevel) {
		return !lacksSkill(expert, skill, minLevel) && !declinedBefore(expert, visit) && !conflicted(expert, visit)
				&& !tooFar(expert, visit)
				&& visit.getAcceptableDates().stream().anyMatch(date -> !notAvailable(expert, visit, date));
	}

}
